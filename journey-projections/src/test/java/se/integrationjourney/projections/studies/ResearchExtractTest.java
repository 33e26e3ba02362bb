package se.integrationjourney.projections.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import se.integrationjourney.core.events.ClosureReason;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.OutcomeStatus;
import se.integrationjourney.projections.outcomes.JourneyFacts;
import se.integrationjourney.projections.outcomes.Milestone;

/** The research extract's rows: every column as docs/projections.md defines it, and its pseudonyms. */
class ResearchExtractTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String OTHER_KEY = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @Test
    void givenTheMilestones_whenNamingTheirColumns_thenEachIsMonthsToInCamelCase() {
        assertThat(ResearchExtract.header())
                .containsExactly(
                        "pseudonym",
                        "municipalityCode",
                        "gender",
                        "ageBand",
                        "arrivalYearMonth",
                        "establishmentStartYearMonth",
                        "establishmentEndYearMonth",
                        "monthsToHousingSecured",
                        "monthsToSfiLevelB",
                        "monthsToCivicOrientationCompleted",
                        "monthsToInternshipStarted",
                        "monthsToEmploymentStarted",
                        "monthsToInWorkOrStudies",
                        "monthsToSelfSufficiencyReached",
                        "statusAtMeasurementPoint",
                        "selfSufficientAtMeasurementPoint");
        assertThat(ResearchExtract.header()).hasSize(7 + Milestone.values().length + 2);
    }

    @Test
    void givenMonthEnds_whenCountingMonths_thenTheLeastNWithinWhichTheTimeToCountsIt() {
        assertThat(ResearchExtract.monthsFrom(date(2021, 1, 31), date(2021, 2, 28)))
                .isEqualTo(1);
        assertThat(ResearchExtract.monthsFrom(date(2021, 1, 31), date(2021, 3, 1)))
                .isEqualTo(2);
        assertThat(ResearchExtract.monthsFrom(date(2021, 1, 15), date(2021, 1, 15)))
                .isZero();
        assertThat(ResearchExtract.monthsFrom(date(2021, 1, 15), date(2020, 12, 1)))
                .as("before arrival")
                .isZero();
        assertThat(ResearchExtract.monthsFrom(date(2021, 1, 15), date(2021, 1, 16)))
                .isEqualTo(1);
        assertThat(ResearchExtract.monthsFrom(date(2021, 1, 15), date(2022, 1, 15)))
                .isEqualTo(12);
        assertThat(ResearchExtract.monthsFrom(date(2021, 1, 15), date(2022, 1, 16)))
                .isEqualTo(13);
        for (LocalDate from = date(2020, 1, 1); from.isBefore(date(2021, 1, 1)); from = from.plusDays(7)) {
            for (int days = 0; days < 800; days += 11) {
                LocalDate to = from.plusDays(days);
                long months = ResearchExtract.monthsFrom(from, to);
                assertThat(to).isBeforeOrEqualTo(from.plusMonths(months));
                if (months > 0) {
                    assertThat(to).isAfter(from.plusMonths(months - 1));
                }
            }
        }
    }

    @Test
    void givenAMeasuredJourney_whenExtracted_thenItsRowHasYearMonthsBandsMonthsStatusAndNoDates() {
        UUID id = UUID.randomUUID();
        JourneyFacts employed = new JourneyFacts(
                id,
                "2580",
                Gender.FEMALE,
                1990,
                date(2018, 11, 20),
                date(2019, 1, 15),
                null,
                List.of(new JourneyFacts.Employment("e-1", EmploymentType.REGULAR, date(2022, 3, 1), null)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(new JourneyFacts.SelfSufficiencyChange(
                        date(2022, 4, 1), JourneyFacts.SelfSufficiencyChange.Direction.REACHED, 5)),
                List.of(),
                List.of(),
                List.of(date(2019, 2, 1)),
                List.of(),
                List.of());

        List<String> row = rowOf(ResearchExtract.of(List.of(employed), AS_OF, new Pseudonyms(KEY)));

        assertThat(row.get(0)).matches("[0-9a-f]{16}");
        assertThat(row.subList(1, 7)).containsExactly("2580", "FEMALE", "25-34", "2018-11", "2019-01", "2021-01");
        Map<String, String> months = byColumn(row);
        assertThat(months.get("monthsToHousingSecured")).isEqualTo("3");
        assertThat(months.get("monthsToEmploymentStarted")).isEqualTo("40");
        assertThat(months.get("monthsToInWorkOrStudies")).isEqualTo("40");
        assertThat(months.get("monthsToSelfSufficiencyReached")).isEqualTo("41");
        assertThat(months.get("monthsToSfiLevelB")).isEmpty();
        assertThat(months.get("statusAtMeasurementPoint")).isEqualTo(OutcomeStatus.EMPLOYED.name());
        assertThat(months.get("selfSufficientAtMeasurementPoint")).isEqualTo("true");
        assertThat(String.join(",", row)).doesNotContain("1990").doesNotContain("2018-11-20");
    }

    @Test
    void givenPendingLostAndLaterMilestones_whenExtracted_thenEmptyOrLostAsDefined() {
        JourneyFacts pending = facts(UUID.randomUUID(), date(2023, 5, 1), date(2023, 6, 1), List.of());
        JourneyFacts lost = facts(
                UUID.randomUUID(),
                date(2018, 10, 1),
                date(2019, 5, 1),
                List.of(JourneyFacts.LifecycleEvent.closed(date(2022, 6, 1), ClosureReason.MOVED_AWAY, 3)));
        JourneyFacts noPlan = facts(UUID.randomUUID(), date(2024, 2, 1), null, List.of());

        ResearchExtract.Rows rows = ResearchExtract.of(List.of(pending, lost, noPlan), AS_OF, new Pseudonyms(KEY));

        Map<UUID, Map<String, String>> byJourney = IntStream.range(0, rows.journeys())
                .boxed()
                .collect(Collectors.toMap(
                        i -> rows.journeyIds().get(i), i -> byColumn(rows.rows().get(i + 1))));
        assertThat(byJourney.get(pending.journeyId()).get("statusAtMeasurementPoint"))
                .as("measured 2027")
                .isEmpty();
        assertThat(byJourney.get(pending.journeyId()).get("selfSufficientAtMeasurementPoint"))
                .isEmpty();
        assertThat(byJourney.get(lost.journeyId()).get("statusAtMeasurementPoint"))
                .isEqualTo(ResearchExtract.LOST);
        assertThat(byJourney.get(lost.journeyId()).get("selfSufficientAtMeasurementPoint"))
                .isEmpty();
        assertThat(byJourney.get(noPlan.journeyId()).get("establishmentStartYearMonth"))
                .isEmpty();
        assertThat(byJourney.get(noPlan.journeyId()).get("statusAtMeasurementPoint"))
                .isEmpty();

        JourneyFacts housedAfterAsOf = new JourneyFacts(
                UUID.randomUUID(),
                "2580",
                Gender.MALE,
                1955,
                date(2024, 1, 10),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(date(2025, 7, 1)),
                null,
                null);
        Map<String, String> housed =
                byColumn(rowOf(ResearchExtract.of(List.of(housedAfterAsOf), AS_OF, new Pseudonyms(KEY))));
        assertThat(housed.get("monthsToHousingSecured"))
                .as("reached after asOf")
                .isEmpty();
        assertThat(housed.get("ageBand")).isEqualTo("other");
    }

    @Test
    void givenOneCohort_whenExtractedTwiceAndUnderAnotherKey_thenPseudonymsAreStableWithinAndDifferAcross() {
        List<JourneyFacts> cohort = IntStream.range(0, 50)
                .mapToObj(i -> facts(UUID.randomUUID(), date(2020, 1 + i % 12, 1 + i % 28), null, List.of()))
                .toList();

        ResearchExtract.Rows first = ResearchExtract.of(cohort, AS_OF, new Pseudonyms(KEY));
        List<JourneyFacts> reversed = new java.util.ArrayList<>(cohort);
        java.util.Collections.reverse(reversed);
        ResearchExtract.Rows again = ResearchExtract.of(reversed, AS_OF, new Pseudonyms(KEY));
        ResearchExtract.Rows other = ResearchExtract.of(cohort, AS_OF, new Pseudonyms(OTHER_KEY));

        assertThat(again.rows()).as("row for row, in pseudonym order").isEqualTo(first.rows());
        List<String> pseudonyms = pseudonyms(first);
        assertThat(pseudonyms).doesNotHaveDuplicates().isSorted();
        assertThat(pseudonyms(other)).doesNotContainAnyElementsOf(pseudonyms);
        for (JourneyFacts journey : cohort) {
            assertThat(String.join(
                            "\n",
                            first.rows().stream()
                                    .map(row -> String.join(",", row))
                                    .toList()))
                    .doesNotContain(journey.journeyId().toString());
        }
    }

    @Test
    void givenAKnownJourneyAndKey_whenPseudonymised_thenItIsTheHmacSha256TruncatedToSixteenHexDigits() {
        // Reference value from OpenSSL, not from the JDK: printf '%s' 00000000-0000-0000-0000-000000000001 |
        //   openssl dgst -sha256 -mac HMAC -macopt hexkey:<KEY above>, its first 16 hex digits.
        String pseudonym = new Pseudonyms(KEY).of(UUID.fromString("00000000-0000-0000-0000-000000000001"));

        assertThat(pseudonym).hasSize(Pseudonyms.HEX_DIGITS).isEqualTo(REFERENCE);
        assertThat(new Pseudonyms(KEY).toString()).doesNotContain(KEY);
    }

    @Test
    void givenTwoJourneysWithOnePseudonym_whenExtracted_thenRefusedRatherThanMerged() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> ResearchExtract.of(
                        List.of(
                                facts(id, date(2020, 1, 1), null, List.of()),
                                facts(id, date(2020, 2, 1), null, List.of())),
                        AS_OF,
                        new Pseudonyms(KEY)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static final String REFERENCE = "e3ef633734c38030";

    private static List<String> pseudonyms(ResearchExtract.Rows rows) {
        return rows.rows().stream().skip(1).map(row -> row.get(0)).toList();
    }

    private static List<String> rowOf(ResearchExtract.Rows rows) {
        assertThat(rows.rows()).hasSize(2);
        assertThat(rows.rows().get(0)).isEqualTo(ResearchExtract.header());
        return rows.rows().get(1);
    }

    private static Map<String, String> byColumn(List<String> row) {
        List<String> header = ResearchExtract.header();
        return IntStream.range(0, header.size()).boxed().collect(Collectors.toMap(header::get, row::get));
    }

    private static JourneyFacts facts(
            UUID id, LocalDate arrival, LocalDate establishmentStart, List<JourneyFacts.LifecycleEvent> lifecycle) {
        return new JourneyFacts(
                id,
                "2580",
                Gender.MALE,
                1985,
                arrival,
                establishmentStart,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                lifecycle,
                null,
                null,
                null);
    }

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }
}

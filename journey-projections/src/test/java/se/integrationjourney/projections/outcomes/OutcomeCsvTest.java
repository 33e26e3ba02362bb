package se.integrationjourney.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static se.integrationjourney.projections.outcomes.JourneyFactsBuilder.date;
import static se.integrationjourney.projections.outcomes.JourneyFactsBuilder.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.Gender;

class OutcomeCsvTest {

    @Test
    void givenATwoYearsAfterOutcome_whenFlattened_thenAHeaderTheTotalEachGenderAndEachAgeBandAreRows() {
        TwoYearsAfterOutcome outcome = OutcomeCalculator.twoYearsAfter(
                List.of(
                        journey()
                                .gender(Gender.FEMALE)
                                .establishmentStarted(2020, 6, 1)
                                .employed(EmploymentType.REGULAR, date(2023, 1, 1), null)
                                .build(),
                        journey()
                                .gender(Gender.MALE)
                                .establishmentStarted(2020, 6, 1)
                                .build(),
                        journey()
                                .gender(Gender.MALE)
                                .establishmentStarted(2020, 12, 1)
                                .build()),
                2022,
                date(2024, 10, 1));

        List<List<String>> rows =
                OutcomeCsv.rows(TwoYearsAfterOutcomeResponse.of(outcome, new KnownAt(null, Instant.EPOCH, false), 42));

        assertThat(rows).hasSize(1 + 1 + 4 + 6);
        assertThat(rows.get(0))
                .containsExactly(
                        "dimension",
                        "key",
                        "denominator",
                        "pending",
                        "lostToFollowUp",
                        "EMPLOYED",
                        "SUBSIDISED_EMPLOYMENT",
                        "SELF_EMPLOYED",
                        "STUDYING",
                        "FINANCIAL_ASSISTANCE",
                        "UNKNOWN",
                        "inWorkOrStudiesCount",
                        "inWorkOrStudiesShare",
                        "selfSufficientCount",
                        "selfSufficientShare");
        assertThat(rows.get(1))
                .containsExactly(
                        "total", "all", "2", "1", "0", "1", "0", "0", "0", "0", "1", "1", "0.5000", "0", "0.0000");
        assertThat(rows.get(2)).startsWith("gender", "FEMALE", "1", "0", "0", "1");
        assertThat(rows.get(3)).startsWith("gender", "MALE", "1", "1", "0");
        assertThat(rows.get(6)).startsWith("ageBand", "20-24");
        assertThat(rows.get(7)).startsWith("ageBand", "25-34", "2", "1");
        assertThat(rows.get(11)).startsWith("ageBand", "other");
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(rows.get(0).size()));
    }

    @Test
    void givenATimeToMilestoneWithoutAnswers_whenFlattened_thenMissingValuesAreEmpty() {
        TimeToMilestoneResponse time = new TimeToMilestoneResponse(
                Milestone.SFI_LEVEL_B,
                MeasuredFrom.ARRIVAL,
                5L,
                0L,
                null,
                null,
                null,
                null,
                null,
                LocalDate.EPOCH,
                new KnownAt(null, Instant.EPOCH, false),
                7,
                null,
                List.of());

        assertThat(OutcomeCsv.rows(time))
                .containsExactly(
                        List.of(
                                "milestone",
                                "from",
                                "cohortSize",
                                "reached",
                                "medianDays",
                                "p25Days",
                                "p75Days",
                                "withinMonths",
                                "reachedWithinCount",
                                "reachedWithinShare"),
                        List.of("SFI_LEVEL_B", "ARRIVAL", "5", "0", "", "", "", "", "", ""));
    }

    @Test
    void givenRows_whenRendered_thenRfc4180WithCrlfAndQuotedFieldsWhereNeeded() {
        String csv = OutcomeCsv.render(List.of(List.of("a", "b,c"), List.of("say \"hi\"", "line\nbreak")));

        assertThat(csv).isEqualTo("a,\"b,c\"\r\n\"say \"\"hi\"\"\",\"line\nbreak\"\r\n");
    }

    @Test
    void givenACumulativeReach_whenFlattened_thenOneRowPerGroupAndMonthWithAnEmptyShareWhereNobodyIsAtRisk() {
        CumulativeReach reach = CumulativeReachEstimator.estimate(
                List.of(
                        journey()
                                .gender(Gender.MALE)
                                .housingSecured(date(2021, 1, 20))
                                .build(),
                        journey().gender(Gender.MALE).build()),
                Milestone.HOUSING_SECURED,
                MeasuredFrom.ARRIVAL,
                2021,
                date(2021, 1, 25),
                1);

        List<List<String>> rows =
                OutcomeCsv.rows(CumulativeReachResponse.of(reach, new KnownAt(null, Instant.EPOCH, false), 9));

        assertThat(rows)
                .containsExactly(
                        List.of("group", "key", "month", "atRisk", "reached", "censored", "cumulativeShare"),
                        List.of("total", "all", "0", "2", "0", "0", "0.0000"),
                        List.of("total", "all", "1", "2", "1", "1", "0.5000"),
                        List.of("gender", "FEMALE", "0", "0", "0", "0", ""),
                        List.of("gender", "FEMALE", "1", "0", "0", "0", ""),
                        List.of("gender", "MALE", "0", "2", "0", "0", "0.0000"),
                        List.of("gender", "MALE", "1", "2", "1", "1", "0.5000"),
                        List.of("gender", "OTHER", "0", "0", "0", "0", ""),
                        List.of("gender", "OTHER", "1", "0", "0", "0", ""),
                        List.of("gender", "UNKNOWN", "0", "0", "0", "0", ""),
                        List.of("gender", "UNKNOWN", "1", "0", "0", "0", ""));
    }
}

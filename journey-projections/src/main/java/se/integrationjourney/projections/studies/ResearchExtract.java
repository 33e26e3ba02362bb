package se.integrationjourney.projections.studies;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.integrationjourney.core.events.OutcomeStatus;
import se.integrationjourney.projections.outcomes.AgeBand;
import se.integrationjourney.projections.outcomes.JourneyFacts;
import se.integrationjourney.projections.outcomes.Milestone;

/**
 * A saved study's research extract: pseudonymised microdata, one row per journey of the study's cohort, columns as
 * docs/projections.md ("Research extract") defines them. No name, no identity number, no birth year and no exact
 * date: dates are year-months, ages are bands, times are whole months. Rows are in pseudonym order, which says
 * nothing about the journeys. A pure function of the cohort's facts, the study's as-of date and its key, so an
 * extract made again is the same row for row.
 */
public final class ResearchExtract {

    /** The status column's value for a journey lost to follow-up by its measurement point. */
    public static final String LOST = "LOST";

    private ResearchExtract() {}

    /**
     * The extract as CSV rows (a header, then one row per journey) and the journeys it describes, for the access log.
     */
    public record Rows(List<List<String>> rows, List<UUID> journeyIds) {

        public Rows {
            rows = List.copyOf(rows);
            journeyIds = List.copyOf(journeyIds);
        }

        /** How many journeys (data rows) it has. */
        public int journeys() {
            return journeyIds.size();
        }
    }

    /** The header: the columns in order. */
    public static List<String> header() {
        List<String> header = new ArrayList<>(List.of(
                "pseudonym",
                "municipalityCode",
                "gender",
                "ageBand",
                "arrivalYearMonth",
                "establishmentStartYearMonth",
                "establishmentEndYearMonth"));
        for (Milestone milestone : Milestone.values()) {
            header.add(monthsColumn(milestone));
        }
        header.add("statusAtMeasurementPoint");
        header.add("selfSufficientAtMeasurementPoint");
        return List.copyOf(header);
    }

    /** The column of the months from arrival to {@code milestone}: {@code monthsToHousingSecured} and so on. */
    static String monthsColumn(Milestone milestone) {
        StringBuilder name = new StringBuilder("monthsTo");
        for (String word : milestone.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    static Rows of(List<JourneyFacts> cohort, LocalDate asOf, Pseudonyms pseudonyms) {
        record Row(String pseudonym, UUID journeyId, List<String> cells) {}
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JourneyFacts journey : cohort) {
            String pseudonym = pseudonyms.of(journey.journeyId());
            if (!seen.add(pseudonym)) {
                // Practically never (Pseudonyms); two people must never become one row.
                throw new IllegalStateException("two journeys of one study share a pseudonym");
            }
            rows.add(new Row(pseudonym, journey.journeyId(), row(pseudonym, journey, asOf)));
        }
        rows.sort(Comparator.comparing(Row::pseudonym));
        List<List<String>> csv = new ArrayList<>(rows.size() + 1);
        csv.add(header());
        rows.forEach(row -> csv.add(row.cells()));
        return new Rows(csv, rows.stream().map(Row::journeyId).toList());
    }

    private static List<String> row(String pseudonym, JourneyFacts journey, LocalDate asOf) {
        List<String> cells = new ArrayList<>();
        cells.add(pseudonym);
        cells.add(text(journey.municipalityCode()));
        cells.add(journey.gender().name());
        cells.add(AgeBand.ofAge(journey.ageAtArrival()).label());
        cells.add(yearMonth(journey.arrivalDate()));
        cells.add(yearMonth(journey.establishmentStart()));
        cells.add(yearMonth(journey.establishmentEnd()));
        for (Milestone milestone : Milestone.values()) {
            Optional<LocalDate> reached = journey.milestoneDate(milestone).filter(date -> !date.isAfter(asOf));
            cells.add(reached.map(date -> String.valueOf(monthsFrom(journey.arrivalDate(), date)))
                    .orElse(""));
        }
        LocalDate point = journey.measurementPoint();
        if (point == null || point.isAfter(asOf)) {
            cells.add("");
            cells.add("");
        } else if (journey.isLostToFollowUpAt(point)) {
            cells.add(LOST);
            cells.add("");
        } else {
            OutcomeStatus status = journey.statusAt(point, asOf);
            cells.add(status.name());
            cells.add(String.valueOf(journey.isSelfSufficientAt(point)));
        }
        return List.copyOf(cells);
    }

    /**
     * Whole calendar months from {@code from} to {@code to} as the time-to's "within N months" counts them: the least
     * N with {@code to} on or before {@code from.plusMonths(N)} (month ends clamped), 0 when {@code to} is on or
     * before {@code from}. So a journey is "reached within N months" exactly when this is N or less.
     */
    static long monthsFrom(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long months = ChronoUnit.MONTHS.between(from, to);
        while (from.plusMonths(months).isBefore(to)) {
            months++;
        }
        return months;
    }

    private static String yearMonth(LocalDate date) {
        return date == null ? "" : YearMonth.from(date).toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

package se.integrationjourney.api.pages.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.OutcomeStatus;
import se.integrationjourney.projections.outcomes.AgeBand;
import se.integrationjourney.projections.outcomes.CountAndShare;
import se.integrationjourney.projections.outcomes.TimeToMilestoneResponse;
import se.integrationjourney.projections.outcomes.TwoYearsAfterOutcome.Breakdown;
import se.integrationjourney.projections.outcomes.TwoYearsAfterOutcomeResponse;

/**
 * A saved study's answer as the study page's table shows it: one row per figure, the kept answer's value beside,
 * when asked, the same figure as known today, and whether the two differ. Each row's key is the answer's JSON path
 * ({@code denominator}, {@code byStatus.EMPLOYED}, {@code byGender.FEMALE.inWorkOrStudies}), as the API's
 * {@code changed} list names it.
 */
final class StudyAnswerRows {

    /**
     * One figure.
     *
     * @param section  the table section it belongs to: {@code cohort}, {@code byGender}, {@code byAgeBand}
     * @param groupKey the message of its group (a gender, an age band), null for the whole cohort
     * @param today    null when today's answer is not shown
     */
    record Row(
            String key,
            String section,
            String groupKey,
            String measureKey,
            Object[] measureArgs,
            String saved,
            String today) {

        public boolean changed() {
            return today != null && !today.equals(saved);
        }
    }

    private final Shares shares;
    private final MessageSource messages;
    private final Locale locale;

    StudyAnswerRows(Shares shares, MessageSource messages, Locale locale) {
        this.shares = shares;
        this.messages = messages;
        this.locale = locale;
    }

    /** The rows of a two-years-after answer; {@code today} may be null. */
    List<Row> twoYearsAfter(TwoYearsAfterOutcomeResponse saved, TwoYearsAfterOutcomeResponse today) {
        List<Row> rows = new ArrayList<>();
        add(rows, "cohortSize", "cohort", null, "analyst.twoYears.cohortSize", saved, today, this::cohortSize);
        add(rows, "pending", "cohort", null, "analyst.table.pending", saved, today, a -> count(a.pending()));
        add(rows, "lostToFollowUp", "cohort", null, "analyst.table.lost", saved, today, a -> count(a.lostToFollowUp()));
        add(rows, "denominator", "cohort", null, "analyst.table.measured", saved, today, a -> count(a.denominator()));
        for (OutcomeStatus status : OutcomeStatus.values()) {
            add(
                    rows,
                    "byStatus." + status.name(),
                    "cohort",
                    null,
                    "analyst.status." + status.name(),
                    saved,
                    today,
                    a -> share(a.byStatus().getOrDefault(status, 0L), a.denominator()));
        }
        add(
                rows,
                "inWorkOrStudies",
                "cohort",
                null,
                "analyst.measure.inWorkOrStudies",
                saved,
                today,
                a -> share(a.inWorkOrStudies(), a.denominator()));
        add(
                rows,
                "selfSufficient",
                "cohort",
                null,
                "analyst.measure.selfSufficient",
                saved,
                today,
                a -> share(a.selfSufficient(), a.denominator()));
        for (Gender gender : Gender.values()) {
            breakdown(
                    rows,
                    "byGender." + gender.name(),
                    "byGender",
                    "analyst.gender." + gender.name(),
                    saved,
                    today,
                    a -> a.byGender().get(gender));
        }
        for (AgeBand band : AgeBand.values()) {
            breakdown(
                    rows,
                    "byAgeBand." + band.label(),
                    "byAgeBand",
                    "analyst.ageBand." + band.name(),
                    saved,
                    today,
                    a -> a.byAgeBand().get(band.label()));
        }
        return List.copyOf(rows);
    }

    /** The rows of a time-to answer; {@code today} may be null. */
    List<Row> timeTo(TimeToMilestoneResponse saved, TimeToMilestoneResponse today) {
        List<Row> rows = new ArrayList<>();
        add(rows, "cohortSize", "cohort", null, "analyst.timeTo.cohortSize", saved, today, a -> count(a.cohortSize()));
        add(
                rows,
                "reached",
                "cohort",
                null,
                "analyst.timeTo.reached",
                saved,
                today,
                a -> a.reached() == null || a.cohortSize() == null
                        ? shares.suppressedMark()
                        : share(CountAndShare.of(a.reached(), a.cohortSize()), a.cohortSize()));
        add(rows, "medianDays", "cohort", null, "analyst.timeTo.median", saved, today, a -> days(a.medianDays()));
        add(rows, "p25Days", "cohort", null, "analyst.timeTo.p25", saved, today, a -> days(a.p25Days()));
        add(rows, "p75Days", "cohort", null, "analyst.timeTo.p75", saved, today, a -> days(a.p75Days()));
        if (saved.withinMonths() != null) {
            rows.add(row(
                    "reachedWithin",
                    "cohort",
                    null,
                    "studies.answer.reachedWithin",
                    new Object[] {String.valueOf(saved.withinMonths())},
                    saved,
                    today,
                    a -> a.reachedWithin() == null ? "" : share(a.reachedWithin(), a.cohortSize())));
        }
        return List.copyOf(rows);
    }

    private void breakdown(
            List<Row> rows,
            String key,
            String section,
            String groupKey,
            TwoYearsAfterOutcomeResponse saved,
            TwoYearsAfterOutcomeResponse today,
            Function<TwoYearsAfterOutcomeResponse, Breakdown> group) {
        rows.add(row(
                key + ".denominator",
                section,
                groupKey,
                "analyst.table.measured",
                null,
                saved,
                today,
                a -> count(group.apply(a).denominator())));
        rows.add(row(
                key + ".inWorkOrStudies",
                section,
                groupKey,
                "analyst.measure.inWorkOrStudies",
                null,
                saved,
                today,
                a -> share(group.apply(a).inWorkOrStudies(), group.apply(a).denominator())));
        rows.add(row(
                key + ".selfSufficient",
                section,
                groupKey,
                "analyst.measure.selfSufficient",
                null,
                saved,
                today,
                a -> share(group.apply(a).selfSufficient(), group.apply(a).denominator())));
    }

    private <A> void add(
            List<Row> rows,
            String key,
            String section,
            String groupKey,
            String measureKey,
            A saved,
            A today,
            Function<A, String> value) {
        rows.add(row(key, section, groupKey, measureKey, null, saved, today, value));
    }

    private static <A> Row row(
            String key,
            String section,
            String groupKey,
            String measureKey,
            Object[] args,
            A saved,
            A today,
            Function<A, String> value) {
        return new Row(
                key,
                section,
                groupKey,
                measureKey,
                args == null ? new Object[0] : args,
                value.apply(saved),
                today == null ? null : value.apply(today));
    }

    /** The cohort's size, a sum the page makes: left out (the mark) when one of its parts is hidden. */
    private String cohortSize(TwoYearsAfterOutcomeResponse answer) {
        if (answer.denominator() == null || answer.pending() == null || answer.lostToFollowUp() == null) {
            return shares.suppressedMark();
        }
        return count(answer.denominator() + answer.pending() + answer.lostToFollowUp());
    }

    /** A count, or the mark when it is hidden as a small cell. */
    private String count(Long count) {
        return shares.count(count);
    }

    private String share(Long count, Long denominator) {
        if (count == null || denominator == null) {
            return shares.suppressedMark();
        }
        return share(CountAndShare.of(count, denominator), denominator);
    }

    /** "2 (66,7 %)", or "0 (–)" of nobody; the mark for a hidden figure. */
    private String share(CountAndShare countAndShare, Long denominator) {
        if (countAndShare.count() == null) {
            return shares.suppressedMark();
        }
        return messages.getMessage(
                "analyst.timeTo.countAndShare",
                new Object[] {
                    String.valueOf(countAndShare.count()), shares.percentOf(countAndShare.share(), denominator)
                },
                locale);
    }

    private String days(Long days) {
        return days == null
                ? messages.getMessage("analyst.timeTo.nobody", null, locale)
                : messages.getMessage("analyst.timeTo.days", new Object[] {String.valueOf(days)}, locale);
    }
}

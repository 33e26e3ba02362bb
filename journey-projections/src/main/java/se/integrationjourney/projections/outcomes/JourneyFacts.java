package se.integrationjourney.projections.outcomes;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import se.integrationjourney.core.events.ClosureReason;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.OutcomeStatus;
import se.integrationjourney.core.events.SfiLevel;

/**
 * Everything one journey contributes to the outcome measurements, and the per-journey rules of the measurements
 * (docs/projections.md, "The outcomes view") that read them.
 *
 * <p>The caller builds it from the journey's events with every retracted event already left out, so nothing
 * here knows about retractions ("all measurements ignore retracted events"): a retracted end, for instance,
 * simply makes its episode open-ended. Lists may be in any order; a {@code null} list is taken as empty. The
 * {@code recordingOrder} fields carry the event's sequence number in the journey, i.e. the order in which
 * things were recorded, which is distinct from their business dates and is used only to break ties and to
 * pick "the last one recorded".
 *
 * @param journeyId                  the journey
 * @param municipalityCode           SCB kommunkod, so the caller can filter by municipality
 * @param gender                     as registered
 * @param birthYear                  as registered; age at arrival is the arrival year minus this
 * @param arrivalDate                the registration's business date
 * @param establishmentStart         the establishment plan's start, or {@code null} if none
 * @param establishmentEndRecorded   the establishment plan's recorded end, or {@code null} if none
 * @param employments                employment episodes
 * @param businesses                 business episodes (started / closed)
 * @param studies                    study episodes
 * @param internships                internship episodes
 * @param financialAssistance        financial assistance (försörjningsstöd) episodes
 * @param selfSufficiencyChanges     self-sufficiency reached / lost
 * @param followUps                  follow-ups, of any months after establishment
 * @param lifecycleEvents            journey closed / reopened
 * @param housingSecured             business dates of each housing secured
 * @param sfiLevelsReached           SFI levels reached
 * @param civicOrientationCompletions civic orientation completions, with their hours
 */
public record JourneyFacts(
        UUID journeyId,
        String municipalityCode,
        Gender gender,
        int birthYear,
        LocalDate arrivalDate,
        LocalDate establishmentStart,
        LocalDate establishmentEndRecorded,
        List<Employment> employments,
        List<Business> businesses,
        List<Studies> studies,
        List<Internship> internships,
        List<FinancialAssistance> financialAssistance,
        List<SelfSufficiencyChange> selfSufficiencyChanges,
        List<FollowUp> followUps,
        List<LifecycleEvent> lifecycleEvents,
        List<LocalDate> housingSecured,
        List<SfiLevelReached> sfiLevelsReached,
        List<CivicOrientationCompletion> civicOrientationCompletions) {

    /** Length of Arbetsförmedlingen's establishment plan when no end is recorded. */
    public static final int ESTABLISHMENT_MONTHS = 24;

    /**
     * Months from the establishment end to the measurement point (Töreboda measures two years after the
     * establishment period); also the {@code monthsAfterEstablishment} of the follow-up that decides the status.
     */
    public static final int MEASUREMENT_MONTHS_AFTER_ESTABLISHMENT = 24;

    public JourneyFacts {
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(arrivalDate, "arrivalDate");
        employments = copy(employments);
        businesses = copy(businesses);
        studies = copy(studies);
        internships = copy(internships);
        financialAssistance = copy(financialAssistance);
        selfSufficiencyChanges = copy(selfSufficiencyChanges);
        followUps = copy(followUps);
        lifecycleEvents = copy(lifecycleEvents);
        housingSecured = copy(housingSecured);
        sfiLevelsReached = copy(sfiLevelsReached);
        civicOrientationCompletions = copy(civicOrientationCompletions);
    }

    // A loader reading absent rows as null should not have to special-case them; immutability is what matters.
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /**
     * The establishment end: the recorded end date, or start + 24 months if no end is recorded;
     * {@code null} without a start (such a journey belongs to no two-years-after cohort).
     * {@link LocalDate#plusMonths} clamps to the month's last day, so a start on 2020-02-29 ends on 2022-02-28.
     */
    public LocalDate establishmentEnd() {
        if (establishmentStart == null) {
            return null;
        }
        return establishmentEndRecorded != null
                ? establishmentEndRecorded
                : establishmentStart.plusMonths(ESTABLISHMENT_MONTHS);
    }

    /**
     * The measurement point: establishment end + 24 months, {@code null} without an establishment start.
     * Counted from the end (not start + 48 months), so a 2020-02-29 start measures on 2024-02-28.
     */
    public LocalDate measurementPoint() {
        LocalDate end = establishmentEnd();
        return end == null ? null : end.plusMonths(MEASUREMENT_MONTHS_AFTER_ESTABLISHMENT);
    }

    /** Age at arrival as docs/domain.md defines it: arrival year minus birth year (no birthday adjustment). */
    public int ageAtArrival() {
        return arrivalDate.getYear() - birthYear;
    }

    /**
     * Status at date {@code d}, as known on {@code asOf}:
     * <ol>
     *   <li>a follow-up for the two-years-after measurement (24 months after establishment) gives the status
     *       directly, even UNKNOWN, whatever its business date (the interview or register check is usually made
     *       weeks after the measurement point, and describes the status at the point), provided that date is on or
     *       before {@code asOf}; if several, the last recorded wins;</li>
     *   <li>otherwise EMPLOYED if a regular employment is active at {@code d}, SUBSIDISED_EMPLOYMENT if only
     *       subsidised ones are, then SELF_EMPLOYED, STUDYING, FINANCIAL_ASSISTANCE for an active business,
     *       studies, financial assistance, in that order; otherwise UNKNOWN.</li>
     * </ol>
     * Active at {@code d} is {@link Episode#isActiveAt(LocalDate)}.
     */
    public OutcomeStatus statusAt(LocalDate d, LocalDate asOf) {
        FollowUp decisive = null;
        for (FollowUp followUp : followUps) {
            if (followUp.monthsAfterEstablishment() == MEASUREMENT_MONTHS_AFTER_ESTABLISHMENT
                    && !followUp.occurredOn().isAfter(asOf)
                    && (decisive == null || followUp.recordingOrder() > decisive.recordingOrder())) {
                decisive = followUp;
            }
        }
        if (decisive != null) {
            return decisive.status();
        }
        boolean subsidised = false;
        for (Employment employment : employments) {
            if (employment.isActiveAt(d)) {
                if (!employment.type().isSubsidised()) {
                    return OutcomeStatus.EMPLOYED;
                }
                subsidised = true;
            }
        }
        if (subsidised) {
            return OutcomeStatus.SUBSIDISED_EMPLOYMENT;
        }
        if (anyActive(businesses, d)) {
            return OutcomeStatus.SELF_EMPLOYED;
        }
        if (anyActive(studies, d)) {
            return OutcomeStatus.STUDYING;
        }
        if (anyActive(financialAssistance, d)) {
            return OutcomeStatus.FINANCIAL_ASSISTANCE;
        }
        return OutcomeStatus.UNKNOWN;
    }

    /** "In work or studies at D" (i arbete eller studier) as known on {@code asOf}: the status is work or studies. */
    public boolean isInWorkOrStudiesAt(LocalDate d, LocalDate asOf) {
        return isWorkOrStudies(statusAt(d, asOf));
    }

    /**
     * The national indicator "i arbete eller studier": EMPLOYED, SUBSIDISED_EMPLOYMENT, SELF_EMPLOYED or STUDYING
     * (journey-core's enum carries no such rule, so the measurement keeps it here).
     */
    public static boolean isWorkOrStudies(OutcomeStatus status) {
        return status == OutcomeStatus.EMPLOYED
                || status == OutcomeStatus.SUBSIDISED_EMPLOYMENT
                || status == OutcomeStatus.SELF_EMPLOYED
                || status == OutcomeStatus.STUDYING;
    }

    /** Only a closure as MOVED_AWAY or DECEASED makes a journey lost to follow-up. */
    public static boolean losesFollowUp(ClosureReason reason) {
        return reason == ClosureReason.MOVED_AWAY || reason == ClosureReason.DECEASED;
    }

    /**
     * "Self-sufficient at D": the latest self-sufficiency reached on or before {@code d} is not followed, on or
     * before {@code d}, by a self-sufficiency lost or a financial assistance start. "Latest" and "followed" are
     * by business date; on the same date, by recording order (the later recorded comes after). A financial
     * assistance episode that started after the reach breaks it even if it has ended by {@code d}: only a new
     * reach restores it. Financial assistance that started before the reach and is still running does not.
     */
    public boolean isSelfSufficientAt(LocalDate d) {
        SelfSufficiencyChange latestReach = null;
        for (SelfSufficiencyChange change : selfSufficiencyChanges) {
            if (change.direction() == SelfSufficiencyChange.Direction.REACHED
                    && !change.date().isAfter(d)
                    && (latestReach == null || comesAfter(change.date(), change.recordingOrder(), latestReach))) {
                latestReach = change;
            }
        }
        if (latestReach == null) {
            return false;
        }
        for (SelfSufficiencyChange change : selfSufficiencyChanges) {
            if (change.direction() == SelfSufficiencyChange.Direction.LOST
                    && !change.date().isAfter(d)
                    && comesAfter(change.date(), change.recordingOrder(), latestReach)) {
                return false;
            }
        }
        for (FinancialAssistance assistance : financialAssistance) {
            if (!assistance.start().isAfter(d)
                    && comesAfter(assistance.start(), assistance.startRecordingOrder(), latestReach)) {
                return false;
            }
        }
        return true;
    }

    private static boolean comesAfter(LocalDate date, long recordingOrder, SelfSufficiencyChange reference) {
        int byDate = date.compareTo(reference.date());
        return byDate > 0 || (byDate == 0 && recordingOrder > reference.recordingOrder());
    }

    /**
     * Whether the journey is lost to follow-up at {@code point}: of the lifecycle events dated on or before it,
     * the last (by date, then recording order) is a closure as MOVED_AWAY or DECEASED. A reopening after such a
     * closure, on or before the point, undoes it; one after the point does not.
     */
    public boolean isLostToFollowUpAt(LocalDate point) {
        LifecycleEvent last = null;
        for (LifecycleEvent event : lifecycleEvents) {
            if (!event.date().isAfter(point) && (last == null || LifecycleEvent.ORDER.compare(event, last) > 0)) {
                last = event;
            }
        }
        return last != null && last.kind() == LifecycleEvent.Kind.CLOSED && losesFollowUp(last.reason());
    }

    /** The date a time-to-milestone measurement counts from: arrival, or establishment start (maybe absent). */
    public Optional<LocalDate> fromDate(MeasuredFrom from) {
        return Optional.ofNullable(from == MeasuredFrom.ARRIVAL ? arrivalDate : establishmentStart);
    }

    /**
     * The business date on which this journey first reached {@code milestone}, if it has; "first" is the
     * earliest business date, whatever the recording order. See {@link Milestone} for what each one counts.
     */
    public Optional<LocalDate> milestoneDate(Milestone milestone) {
        return switch (milestone) {
            case HOUSING_SECURED -> earliest(housingSecured.stream());
            case SFI_LEVEL_B ->
                earliest(sfiLevelsReached.stream()
                        .filter(reached -> reached.level().compareTo(SfiLevel.B) >= 0)
                        .map(SfiLevelReached::date));
            case CIVIC_ORIENTATION_COMPLETED ->
                earliest(civicOrientationCompletions.stream()
                        .filter(done -> CivicOrientationRules.meetsLegalMinimum(done.hours(), done.date()))
                        .map(CivicOrientationCompletion::date));
            case INTERNSHIP_STARTED -> earliest(internships.stream().map(Internship::start));
            case EMPLOYMENT_STARTED -> earliest(employments.stream().map(Employment::start));
            case IN_WORK_OR_STUDIES ->
                earliest(Stream.of(
                                employments.stream().map(Employment::start),
                                businesses.stream().map(Business::start),
                                studies.stream().map(Studies::start))
                        .flatMap(Function.identity()));
            case SELF_SUFFICIENCY_REACHED ->
                earliest(selfSufficiencyChanges.stream()
                        .filter(change -> change.direction() == SelfSufficiencyChange.Direction.REACHED)
                        .map(SelfSufficiencyChange::date));
        };
    }

    private static Optional<LocalDate> earliest(Stream<LocalDate> dates) {
        return dates.min(Comparator.naturalOrder());
    }

    private static boolean anyActive(List<? extends Episode> episodes, LocalDate d) {
        for (Episode episode : episodes) {
            if (episode.isActiveAt(d)) {
                return true;
            }
        }
        return false;
    }

    /** Something that starts and may end: employment, business, studies, internship, financial assistance. */
    public interface Episode {

        LocalDate start();

        /** The end date, or {@code null} while it is still going on. */
        LocalDate end();

        /**
         * Active at {@code d} = started on or before {@code d} and not ended on or before {@code d}: an episode
         * is active on its first day and no longer on the day it ends.
         */
        default boolean isActiveAt(LocalDate d) {
            return !start().isAfter(d) && (end() == null || end().isAfter(d));
        }
    }

    /** An employment; {@code end} is {@code null} while it lasts. */
    public record Employment(String id, EmploymentType type, LocalDate start, LocalDate end) implements Episode {
        public Employment {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(start, "start");
        }
    }

    /** A business run by the person, from started to closed. */
    public record Business(LocalDate start, LocalDate end) implements Episode {
        public Business {
            Objects.requireNonNull(start, "start");
        }
    }

    /** Studies of any level. */
    public record Studies(String id, LocalDate start, LocalDate end) implements Episode {
        public Studies {
            Objects.requireNonNull(start, "start");
        }
    }

    /** An internship (praktik, arbetsträning, yrkeskompetensbedömning). */
    public record Internship(String id, LocalDate start, LocalDate end) implements Episode {
        public Internship {
            Objects.requireNonNull(start, "start");
        }
    }

    /**
     * Financial assistance (försörjningsstöd).
     *
     * @param startRecordingOrder the recording order of the start event, which orders a start against a
     *                            self-sufficiency reached on the same business date
     */
    public record FinancialAssistance(LocalDate start, LocalDate end, long startRecordingOrder) implements Episode {
        public FinancialAssistance {
            Objects.requireNonNull(start, "start");
        }
    }

    /** Self-sufficiency (egen försörjning) reached or lost on a date. */
    public record SelfSufficiencyChange(LocalDate date, Direction direction, long recordingOrder) {
        public SelfSufficiencyChange {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(direction, "direction");
        }

        public enum Direction {
            REACHED,
            LOST
        }
    }

    /** A follow-up: the status found {@code monthsAfterEstablishment} months after the establishment end. */
    public record FollowUp(
            LocalDate occurredOn, int monthsAfterEstablishment, OutcomeStatus status, long recordingOrder) {
        public FollowUp {
            Objects.requireNonNull(occurredOn, "occurredOn");
            Objects.requireNonNull(status, "status");
        }
    }

    /** A journey closed (with a reason) or reopened (no reason). */
    public record LifecycleEvent(LocalDate date, Kind kind, ClosureReason reason, long recordingOrder) {

        /** By business date, then by recording order. */
        public static final Comparator<LifecycleEvent> ORDER =
                Comparator.comparing(LifecycleEvent::date).thenComparingLong(LifecycleEvent::recordingOrder);

        public LifecycleEvent {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(kind, "kind");
            if (kind == Kind.CLOSED) {
                Objects.requireNonNull(reason, "a closure needs a reason");
            }
        }

        public static LifecycleEvent closed(LocalDate date, ClosureReason reason, long recordingOrder) {
            return new LifecycleEvent(date, Kind.CLOSED, reason, recordingOrder);
        }

        public static LifecycleEvent reopened(LocalDate date, long recordingOrder) {
            return new LifecycleEvent(date, Kind.REOPENED, null, recordingOrder);
        }

        public enum Kind {
            CLOSED,
            REOPENED
        }
    }

    /** An SFI course level passed. */
    public record SfiLevelReached(LocalDate date, SfiLevel level) {
        public SfiLevelReached {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(level, "level");
        }
    }

    /** A civic orientation (samhällsorientering) completed, with the hours attended. */
    public record CivicOrientationCompletion(LocalDate date, int hours) {
        public CivicOrientationCompletion {
            Objects.requireNonNull(date, "date");
        }
    }
}

package se.integrationjourney.projections.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.ReceptionType;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.core.events.Tenure;
import se.integrationjourney.projections.casefile.CaseFileValues.ActionPlan;
import se.integrationjourney.projections.casefile.CaseFileValues.CivicOrientation;
import se.integrationjourney.projections.casefile.CaseFileValues.FollowUp;
import se.integrationjourney.projections.casefile.CaseFileValues.Lifecycle;
import se.integrationjourney.projections.casefile.CaseFileValues.SelfSufficiencyChange;

/**
 * Everything recorded about one journey that the views need, with retracted facts removed: the read side's
 * model of a journey, kept by each journey-keyed view as one JSON document per journey.
 *
 * <p>Every fact remembers the event that recorded it, so a retraction is a removal, and every derived figure
 * (first dates, current level, open episodes, closed, self-sufficient) is computed from what remains: a
 * retracted event counts as if it had never happened, in every view alike. {@link CaseFileFold} fills it.
 */
public final class CaseFile {

    /** Length of the establishment plan when no end is recorded. */
    static final int ESTABLISHMENT_MONTHS = 24;

    UUID journeyId;
    /** Sequence number of the journey's last event, retractions included: the version clients see. */
    long version = -1;

    String municipalityCode;
    LocalDate arrivalDate;
    ReceptionType receptionType;
    int birthYear;
    Gender gender;
    String countryOfBirth;
    EducationLevel educationLevel;
    PersonalDetails personalDetails;

    List<Fact<String>> caseworkers = new ArrayList<>();
    List<Fact<Boolean>> introductoryMeetings = new ArrayList<>();
    List<Fact<ActionPlan>> actionPlans = new ArrayList<>();
    List<Episode> establishmentPlans = new ArrayList<>();
    List<Fact<Boolean>> temporaryHousing = new ArrayList<>();
    List<Fact<Tenure>> housingSecured = new ArrayList<>();
    List<Fact<Integer>> sfiEnrolments = new ArrayList<>();
    List<Fact<SfiLevel>> sfiLevels = new ArrayList<>();
    List<Fact<CivicOrientation>> civicOrientations = new ArrayList<>();
    List<Episode> internships = new ArrayList<>();
    List<Episode> employments = new ArrayList<>();
    List<Episode> studies = new ArrayList<>();
    List<Episode> businesses = new ArrayList<>();
    List<Episode> financialAssistance = new ArrayList<>();
    List<Fact<SelfSufficiencyChange>> selfSufficiency = new ArrayList<>();
    List<Fact<FollowUp>> followUps = new ArrayList<>();
    List<Fact<Lifecycle>> lifecycle = new ArrayList<>();

    /**
     * The newest stored timestamp (epoch milliseconds) among the journey's events: a question "as known at T" for a T
     * at or after it gets this very case file; for an earlier T the outcomes view folds the journey's events again.
     */
    long recordedUntil = Long.MIN_VALUE;
    /**
     * The years every establishment start ever recorded has had, retracted or not, and likewise of the ends (a
     * recorded end, or a start + 24 months): the cohorts the journey may have belonged to as known at any moment.
     */
    YearSpan establishmentStartYears;

    YearSpan establishmentEndYears;

    public static CaseFile of(UUID journeyId) {
        CaseFile file = new CaseFile();
        file.journeyId = journeyId;
        return file;
    }

    /** A copy without name and personal identity number, for views analysts read. */
    public CaseFile withoutPersonalData() {
        return CaseFileJson.read(CaseFileJson.writeWithoutPersonalData(this));
    }

    public UUID journeyId() {
        return journeyId;
    }

    public long version() {
        return version;
    }

    /** See {@link #recordedUntil}; {@link Long#MIN_VALUE} before any event. */
    public long recordedUntil() {
        return recordedUntil;
    }

    /** Years of every establishment start ever recorded; {@code null} if none was. */
    public YearSpan establishmentStartYears() {
        return establishmentStartYears;
    }

    /** Years of every establishment end ever implied (recorded, or start + 24 months); {@code null} if none. */
    public YearSpan establishmentEndYears() {
        return establishmentEndYears;
    }

    public boolean registered() {
        return arrivalDate != null;
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public LocalDate arrivalDate() {
        return arrivalDate;
    }

    public ReceptionType receptionType() {
        return receptionType;
    }

    public int birthYear() {
        return birthYear;
    }

    public Gender gender() {
        return gender;
    }

    public String countryOfBirth() {
        return countryOfBirth;
    }

    public EducationLevel educationLevel() {
        return educationLevel;
    }

    public PersonalDetails personalDetails() {
        return personalDetails;
    }

    public List<Fact<String>> caseworkers() {
        return List.copyOf(caseworkers);
    }

    public List<Fact<ActionPlan>> actionPlans() {
        return List.copyOf(actionPlans);
    }

    public List<Fact<Tenure>> housingSecured() {
        return List.copyOf(housingSecured);
    }

    public List<Fact<SfiLevel>> sfiLevels() {
        return List.copyOf(sfiLevels);
    }

    public List<Fact<CivicOrientation>> civicOrientations() {
        return List.copyOf(civicOrientations);
    }

    public List<Episode> internships() {
        return List.copyOf(internships);
    }

    public List<Episode> employments() {
        return List.copyOf(employments);
    }

    public List<Episode> studies() {
        return List.copyOf(studies);
    }

    public List<Episode> businesses() {
        return List.copyOf(businesses);
    }

    public List<Episode> financialAssistance() {
        return List.copyOf(financialAssistance);
    }

    public List<Fact<SelfSufficiencyChange>> selfSufficiency() {
        return List.copyOf(selfSufficiency);
    }

    public List<Fact<FollowUp>> followUps() {
        return List.copyOf(followUps);
    }

    public List<Fact<Lifecycle>> lifecycle() {
        return List.copyOf(lifecycle);
    }

    /** The caseworker assigned last (by recording order), or null. */
    public String caseworkerId() {
        return latest(caseworkers).map(Fact::value).orElse(null);
    }

    public LocalDate firstIntroductoryMeeting() {
        return earliest(introductoryMeetings);
    }

    public LocalDate firstActionPlan() {
        return earliest(actionPlans);
    }

    public LocalDate firstTemporaryHousing() {
        return earliest(temporaryHousing);
    }

    public LocalDate firstHousingSecured() {
        return earliest(housingSecured);
    }

    public LocalDate firstSfiEnrolment() {
        return earliest(sfiEnrolments);
    }

    public LocalDate firstCivicOrientation() {
        return earliest(civicOrientations);
    }

    public LocalDate firstInternship() {
        return earliestStart(internships.stream());
    }

    public LocalDate firstEmployment() {
        return earliestStart(employments.stream());
    }

    public LocalDate firstStudies() {
        return earliestStart(studies.stream());
    }

    public LocalDate firstBusiness() {
        return earliestStart(businesses.stream());
    }

    /** The earliest start of any employment, business or studies: the first day "in work or studies". */
    public LocalDate firstInWorkOrStudies() {
        return earliestStart(Stream.of(employments, businesses, studies).flatMap(List::stream));
    }

    public LocalDate firstSelfSufficiency() {
        return selfSufficiency.stream()
                .filter(fact -> fact.value().reached())
                .map(Fact::on)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** The date a level was first reached, for the level and each above it; null if never. */
    public LocalDate firstSfiLevelAtLeast(SfiLevel level) {
        return sfiLevels.stream()
                .filter(fact -> fact.value().compareTo(level) >= 0)
                .map(Fact::on)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** The highest SFI level reached, or null. */
    public SfiLevel sfiLevel() {
        return sfiLevels.stream()
                .map(Fact::value)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    /** The study path of the latest enrolment, or null. */
    public Integer sfiStudyPath() {
        return latest(sfiEnrolments).map(Fact::value).orElse(null);
    }

    /** The establishment plan (at most one stands: the aggregate refuses a second), or null. */
    public Episode establishmentPlan() {
        return establishmentPlans.isEmpty() ? null : establishmentPlans.get(establishmentPlans.size() - 1);
    }

    public LocalDate establishmentStart() {
        Episode plan = establishmentPlan();
        return plan == null ? null : plan.start();
    }

    /** The recorded end, or start + 24 months when none is recorded (docs/domain.md); null without a start. */
    public LocalDate establishmentEnd() {
        Episode plan = establishmentPlan();
        if (plan == null) {
            return null;
        }
        return plan.end() != null ? plan.end() : plan.start().plusMonths(ESTABLISHMENT_MONTHS);
    }

    /** Establishment end + 24 months: when the two-years-after status is measured. */
    public LocalDate measurementPoint() {
        LocalDate end = establishmentEnd();
        return end == null ? null : end.plusMonths(24);
    }

    public List<Episode> openInternships() {
        return open(internships);
    }

    public List<Episode> openEmployments() {
        return open(employments);
    }

    public List<Episode> openStudies() {
        return open(studies);
    }

    public boolean businessOpen() {
        return !open(businesses).isEmpty();
    }

    public boolean financialAssistanceOpen() {
        return !open(financialAssistance).isEmpty();
    }

    /** In work or studies now: an employment, business or studies is open. */
    public boolean inWorkOrStudies() {
        return !openEmployments().isEmpty() || businessOpen() || !openStudies().isEmpty();
    }

    public boolean inRegularEmployment() {
        return openEmployments().stream().anyMatch(e -> EmploymentType.valueOf(e.kind()) == EmploymentType.REGULAR);
    }

    /**
     * Self-sufficient now: the latest "reached" is not followed by "lost" or by financial assistance starting
     * (docs/domain.md). Later in business date wins; on the same date, later in recording order.
     */
    public boolean selfSufficient() {
        Optional<Fact<SelfSufficiencyChange>> reached = selfSufficiency.stream()
                .filter(fact -> fact.value().reached())
                .max(Comparator.comparing((Fact<SelfSufficiencyChange> fact) -> fact.on())
                        .thenComparingLong(Fact::sequence));
        if (reached.isEmpty()) {
            return false;
        }
        Fact<SelfSufficiencyChange> since = reached.get();
        boolean lostSince = selfSufficiency.stream()
                .anyMatch(fact -> !fact.value().reached() && after(fact.on(), fact.sequence(), since));
        boolean assistedSince = financialAssistance.stream()
                .anyMatch(period -> period.start().isAfter(since.on())
                        || period.start().isEqual(since.on()) && period.startSequence() > since.sequence());
        return !lostSince && !assistedSince;
    }

    /** Closed: the last closing or reopening, in recording order, was a closing. */
    public boolean closed() {
        return latest(lifecycle).map(fact -> fact.value().closed()).orElse(false);
    }

    public boolean followUpRecorded(int monthsAfterEstablishment) {
        return followUps.stream().anyMatch(fact -> fact.value().monthsAfterEstablishment() == monthsAfterEstablishment);
    }

    private static boolean after(LocalDate on, long sequence, Fact<?> than) {
        return on.isAfter(than.on()) || on.isEqual(than.on()) && sequence > than.sequence();
    }

    private static <T> Optional<Fact<T>> latest(List<Fact<T>> facts) {
        return facts.stream().max(Comparator.comparingLong(Fact::sequence));
    }

    private static LocalDate earliest(List<? extends Fact<?>> facts) {
        return facts.stream().map(Fact::on).min(Comparator.naturalOrder()).orElse(null);
    }

    private static LocalDate earliestStart(Stream<Episode> episodes) {
        return episodes.map(Episode::start).min(Comparator.naturalOrder()).orElse(null);
    }

    private static List<Episode> open(List<Episode> episodes) {
        return episodes.stream().filter(Episode::open).toList();
    }

    static <T> boolean removeFact(List<Fact<T>> facts, String eventId) {
        return facts.removeIf(fact -> fact.eventId().equals(eventId));
    }

    static boolean removeEpisodeEvent(List<Episode> episodes, String eventId) {
        for (int i = 0; i < episodes.size(); i++) {
            Episode episode = episodes.get(i);
            if (eventId.equals(episode.startEventId())) {
                episodes.remove(i);
                return true;
            }
            if (eventId.equals(episode.endEventId())) {
                episodes.set(i, episode.reopened());
                return true;
            }
        }
        return false;
    }

    static Optional<Integer> indexOf(List<Episode> episodes, Predicate<Episode> which) {
        for (int i = episodes.size() - 1; i >= 0; i--) {
            if (which.test(episodes.get(i))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}

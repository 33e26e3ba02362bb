package se.integrationjourney.core.journey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import se.integrationjourney.core.commands.AssignCaseworker;
import se.integrationjourney.core.commands.CloseBusiness;
import se.integrationjourney.core.commands.CloseJourney;
import se.integrationjourney.core.commands.CorrectPersonalDetails;
import se.integrationjourney.core.commands.EndEmployment;
import se.integrationjourney.core.commands.EndEstablishmentPlan;
import se.integrationjourney.core.commands.EndFinancialAssistance;
import se.integrationjourney.core.commands.EndInternship;
import se.integrationjourney.core.commands.EndStudies;
import se.integrationjourney.core.commands.EnrolInSfi;
import se.integrationjourney.core.commands.ErasePersonalData;
import se.integrationjourney.core.commands.EstablishActionPlan;
import se.integrationjourney.core.commands.ProvideTemporaryHousing;
import se.integrationjourney.core.commands.RecordCivicOrientationCompleted;
import se.integrationjourney.core.commands.RecordFollowUp;
import se.integrationjourney.core.commands.RecordHousingSecured;
import se.integrationjourney.core.commands.RecordIntroductoryMeeting;
import se.integrationjourney.core.commands.RecordSelfSufficiencyLost;
import se.integrationjourney.core.commands.RecordSelfSufficiencyReached;
import se.integrationjourney.core.commands.RecordSfiLevelReached;
import se.integrationjourney.core.commands.RegisterNewcomer;
import se.integrationjourney.core.commands.ReopenJourney;
import se.integrationjourney.core.commands.RetractMilestone;
import se.integrationjourney.core.commands.ReviseActionPlan;
import se.integrationjourney.core.commands.StartBusiness;
import se.integrationjourney.core.commands.StartEmployment;
import se.integrationjourney.core.commands.StartEstablishmentPlan;
import se.integrationjourney.core.commands.StartFinancialAssistance;
import se.integrationjourney.core.commands.StartInternship;
import se.integrationjourney.core.commands.StartStudies;
import se.integrationjourney.core.events.ActionPlanEstablished;
import se.integrationjourney.core.events.ActionPlanGoal;
import se.integrationjourney.core.events.ActionPlanRevised;
import se.integrationjourney.core.events.BusinessClosed;
import se.integrationjourney.core.events.BusinessStarted;
import se.integrationjourney.core.events.CaseworkerAssigned;
import se.integrationjourney.core.events.CivicOrientationCompleted;
import se.integrationjourney.core.events.EmploymentEnded;
import se.integrationjourney.core.events.EmploymentStarted;
import se.integrationjourney.core.events.EstablishmentPlanEnded;
import se.integrationjourney.core.events.EstablishmentPlanStarted;
import se.integrationjourney.core.events.FinancialAssistanceEnded;
import se.integrationjourney.core.events.FinancialAssistanceStarted;
import se.integrationjourney.core.events.FollowUpRecorded;
import se.integrationjourney.core.events.HousingSecured;
import se.integrationjourney.core.events.InternshipEnded;
import se.integrationjourney.core.events.InternshipStarted;
import se.integrationjourney.core.events.IntroductoryMeetingHeld;
import se.integrationjourney.core.events.JourneyClosed;
import se.integrationjourney.core.events.JourneyReopened;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.PersonalDataErased;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.PersonalDetailsCorrected;
import se.integrationjourney.core.events.SelfSufficiencyLost;
import se.integrationjourney.core.events.SelfSufficiencyReached;
import se.integrationjourney.core.events.SfiEnrolled;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.core.events.SfiLevelReached;
import se.integrationjourney.core.events.StudiesEnded;
import se.integrationjourney.core.events.StudiesStarted;
import se.integrationjourney.core.events.TemporaryHousingProvided;

/**
 * The journey's rules: each method turns a command into the event it records, or refuses it with a
 * {@link JourneyRuleViolation}. Pure: the state and today's date come in, nothing is read from elsewhere, so every
 * rule can be tested without a clock or a store.
 */
final class JourneyDecisions {

    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{4}");
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");
    /** Six or eight digits, an optional separator, four digits: how identity numbers are written. */
    private static final Pattern IDENTITY_NUMBER_LIKE = Pattern.compile("(?<!\\d)(\\d{2})?\\d{6}[-+ ]?\\d{4}(?!\\d)");

    private static final int EARLIEST_BIRTH_YEAR = 1900;
    private static final int ESTABLISHMENT_MONTHS_BEFORE_ARRIVAL = 12;
    private static final int MIN_CIVIC_ORIENTATION_HOURS = 1;
    private static final int MAX_CIVIC_ORIENTATION_HOURS = 1000;
    private static final BigDecimal MAX_HOURS_PER_WEEK = BigDecimal.valueOf(168);
    private static final int MAX_FOLLOW_UP_MONTHS = 120;
    private static final String NO_KEY = "";

    private final DecisionBasis state;
    private final LocalDate today;
    private final RuleFacts facts;

    JourneyDecisions(DecisionBasis state, LocalDate today) {
        this.state = state;
        this.today = today;
        this.facts = state.registered() ? state.facts() : null;
    }

    NewcomerRegistered register(RegisterNewcomer command) {
        if (state.registered()) {
            throw violation(Rule.JOURNEY_ALREADY_REGISTERED, "journey %s is already registered", command.journeyId());
        }
        require(command.journeyId(), "journeyId");
        require(command.arrivalDate(), "arrivalDate");
        require(command.receptionType(), "receptionType");
        require(command.gender(), "gender");
        require(command.educationLevel(), "educationLevel");
        String municipalityCode = requireText(command.municipalityCode(), "municipalityCode");
        String countryOfBirth = requireText(command.countryOfBirth(), "countryOfBirth");
        PersonalDetails personalDetails = personalDetails(command.personalDetails());
        if (command.arrivalDate().isAfter(today)) {
            throw violation(Rule.DATE_IN_FUTURE, "arrivalDate %s is after today (%s)", command.arrivalDate(), today);
        }
        if (!MUNICIPALITY_CODE.matcher(municipalityCode).matches()) {
            throw violation(Rule.MUNICIPALITY_CODE_INVALID, "municipalityCode must be exactly four digits");
        }
        if (!COUNTRY_CODE.matcher(countryOfBirth).matches()) {
            throw violation(
                    Rule.COUNTRY_OF_BIRTH_INVALID,
                    "countryOfBirth must be an ISO 3166-1 alpha-2 code of two upper-case letters");
        }
        int arrivalYear = command.arrivalDate().getYear();
        if (command.birthYear() < EARLIEST_BIRTH_YEAR || command.birthYear() > arrivalYear) {
            throw violation(
                    Rule.BIRTH_YEAR_OUT_OF_RANGE,
                    "birthYear must be between %d and the arrival year %d",
                    EARLIEST_BIRTH_YEAR,
                    arrivalYear);
        }
        return new NewcomerRegistered(
                command.journeyId(),
                command.arrivalDate(),
                municipalityCode,
                command.receptionType(),
                command.birthYear(),
                command.gender(),
                countryOfBirth,
                command.educationLevel(),
                personalDetails);
    }

    PersonalDetailsCorrected correctPersonalDetails(CorrectPersonalDetails command) {
        requireRegistered();
        refuseIfErased();
        return new PersonalDetailsCorrected(journeyId(), personalDetails(command.personalDetails()));
    }

    PersonalDataErased erasePersonalData(ErasePersonalData command) {
        requireRegistered();
        refuseIfErased();
        require(command.reason(), "reason");
        return new PersonalDataErased(journeyId(), command.reason());
    }

    private void refuseIfErased() {
        if (facts.personalDataErased()) {
            throw violation(Rule.PERSONAL_DATA_ERASED, "the personal data of journey %s was erased", journeyId());
        }
    }

    CaseworkerAssigned assignCaseworker(AssignCaseworker command) {
        LocalDate on = milestoneDate(command.occurredOn());
        return new CaseworkerAssigned(journeyId(), on, requireText(command.caseworkerId(), "caseworkerId"));
    }

    IntroductoryMeetingHeld recordIntroductoryMeeting(RecordIntroductoryMeeting command) {
        return new IntroductoryMeetingHeld(journeyId(), milestoneDate(command.occurredOn()));
    }

    ActionPlanEstablished establishActionPlan(EstablishActionPlan command) {
        LocalDate on = milestoneDate(command.occurredOn());
        Set<ActionPlanGoal> goals = goals(command.goals());
        return new ActionPlanEstablished(journeyId(), on, goals, freeText(command.summary(), "summary"));
    }

    ActionPlanRevised reviseActionPlan(ReviseActionPlan command) {
        LocalDate on = milestoneDate(command.occurredOn());
        Set<ActionPlanGoal> goals = goals(command.goals());
        String summary = freeText(command.summary(), "summary");
        if (facts.firstActionPlanOn() == null) {
            throw violation(Rule.ACTION_PLAN_NOT_ESTABLISHED, "no action plan has been established");
        }
        if (facts.firstActionPlanOn().isAfter(on)) {
            throw violation(
                    Rule.ACTION_PLAN_NOT_ESTABLISHED,
                    "the action plan was established on %s, after %s",
                    facts.firstActionPlanOn(),
                    on);
        }
        return new ActionPlanRevised(journeyId(), on, goals, summary);
    }

    EstablishmentPlanStarted startEstablishmentPlan(StartEstablishmentPlan command) {
        checkOpen();
        LocalDate on = require(command.occurredOn(), "occurredOn");
        checkNotInFuture(on);
        LocalDate earliest = facts.arrivalDate().minusMonths(ESTABLISHMENT_MONTHS_BEFORE_ARRIVAL);
        if (on.isBefore(earliest)) {
            throw violation(
                    Rule.DATE_BEFORE_ARRIVAL,
                    "occurredOn %s is more than %d months before the arrival date %s",
                    on,
                    ESTABLISHMENT_MONTHS_BEFORE_ARRIVAL,
                    facts.arrivalDate());
        }
        if (facts.latestEpisode(EpisodeKind.ESTABLISHMENT_PLAN).isPresent()) {
            throw violation(
                    Rule.ESTABLISHMENT_ALREADY_STARTED,
                    "the establishment plan started on %s",
                    facts.latestEpisode(EpisodeKind.ESTABLISHMENT_PLAN).get().startedOn());
        }
        return new EstablishmentPlanStarted(journeyId(), on);
    }

    EstablishmentPlanEnded endEstablishmentPlan(EndEstablishmentPlan command) {
        LocalDate on = milestoneDate(command.occurredOn());
        require(command.reason(), "reason");
        PairedEpisode plan = facts.latestEpisode(EpisodeKind.ESTABLISHMENT_PLAN)
                .orElseThrow(() -> violation(Rule.ESTABLISHMENT_NOT_STARTED, "no establishment plan has started"));
        if (!plan.open()) {
            throw violation(Rule.ESTABLISHMENT_ALREADY_ENDED, "the establishment plan has already ended");
        }
        checkNotBeforeStart(on, plan);
        return new EstablishmentPlanEnded(journeyId(), on, command.reason());
    }

    TemporaryHousingProvided provideTemporaryHousing(ProvideTemporaryHousing command) {
        return new TemporaryHousingProvided(journeyId(), milestoneDate(command.occurredOn()));
    }

    HousingSecured recordHousingSecured(RecordHousingSecured command) {
        LocalDate on = milestoneDate(command.occurredOn());
        return new HousingSecured(journeyId(), on, require(command.tenure(), "tenure"));
    }

    SfiEnrolled enrolInSfi(EnrolInSfi command) {
        LocalDate on = milestoneDate(command.occurredOn());
        if (command.studyPath() < 1 || command.studyPath() > 3) {
            throw violation(Rule.SFI_STUDY_PATH_INVALID, "studyPath %d is not 1, 2 or 3", command.studyPath());
        }
        return new SfiEnrolled(journeyId(), on, command.studyPath());
    }

    SfiLevelReached recordSfiLevelReached(RecordSfiLevelReached command) {
        LocalDate on = milestoneDate(command.occurredOn());
        SfiLevel level = require(command.level(), "level");
        Integer path = facts.sfiStudyPath();
        if (path == null) {
            throw violation(Rule.SFI_NOT_ENROLLED, "the person is not enrolled in SFI");
        }
        SfiLevel lowestOnPath = SfiLevel.values()[path - 1];
        if (level.compareTo(lowestOnPath) < 0) {
            throw violation(
                    Rule.SFI_LEVEL_OUTSIDE_PATH,
                    "level %s is below study path %d, which starts at %s",
                    level,
                    path,
                    lowestOnPath);
        }
        SfiLevel highest = facts.highestSfiLevel();
        if (highest != null && level.compareTo(highest) < 0) {
            throw violation(
                    Rule.SFI_LEVEL_BELOW_REACHED, "level %s is below level %s, already reached", level, highest);
        }
        if (level == highest) {
            throw violation(Rule.SFI_LEVEL_ALREADY_REACHED, "level %s is already reached", level);
        }
        return new SfiLevelReached(journeyId(), on, level);
    }

    CivicOrientationCompleted recordCivicOrientationCompleted(RecordCivicOrientationCompleted command) {
        LocalDate on = milestoneDate(command.occurredOn());
        String language = requireText(command.language(), "language");
        if (command.hours() < MIN_CIVIC_ORIENTATION_HOURS || command.hours() > MAX_CIVIC_ORIENTATION_HOURS) {
            throw violation(
                    Rule.CIVIC_ORIENTATION_HOURS_OUT_OF_RANGE,
                    "hours %d is not between %d and %d",
                    command.hours(),
                    MIN_CIVIC_ORIENTATION_HOURS,
                    MAX_CIVIC_ORIENTATION_HOURS);
        }
        return new CivicOrientationCompleted(journeyId(), on, command.hours(), language);
    }

    InternshipStarted startInternship(StartInternship command) {
        LocalDate on = milestoneDate(command.occurredOn());
        String id = requireText(command.internshipId(), "internshipId");
        require(command.kind(), "kind");
        String sector = requireText(command.sector(), "sector");
        checkNotOpen(EpisodeKind.INTERNSHIP, id);
        return new InternshipStarted(journeyId(), on, id, command.kind(), sector);
    }

    InternshipEnded endInternship(EndInternship command) {
        LocalDate on = milestoneDate(command.occurredOn());
        String id = requireText(command.internshipId(), "internshipId");
        require(command.outcome(), "outcome");
        checkEnds(EpisodeKind.INTERNSHIP, id, on);
        return new InternshipEnded(journeyId(), on, id, command.outcome());
    }

    EmploymentStarted startEmployment(StartEmployment command) {
        LocalDate on = milestoneDate(command.occurredOn());
        String id = requireText(command.employmentId(), "employmentId");
        require(command.employmentType(), "employmentType");
        String sector = requireText(command.sector(), "sector");
        BigDecimal hours = require(command.hoursPerWeek(), "hoursPerWeek");
        if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS_PER_WEEK) > 0) {
            throw violation(
                    Rule.HOURS_PER_WEEK_OUT_OF_RANGE,
                    "hoursPerWeek %s is not more than 0 and at most %s",
                    hours.toPlainString(),
                    MAX_HOURS_PER_WEEK);
        }
        checkNotOpen(EpisodeKind.EMPLOYMENT, id);
        return new EmploymentStarted(journeyId(), on, id, command.employmentType(), sector, hours);
    }

    EmploymentEnded endEmployment(EndEmployment command) {
        LocalDate on = milestoneDate(command.occurredOn());
        String id = requireText(command.employmentId(), "employmentId");
        checkEnds(EpisodeKind.EMPLOYMENT, id, on);
        return new EmploymentEnded(journeyId(), on, id);
    }

    BusinessStarted startBusiness(StartBusiness command) {
        LocalDate on = milestoneDate(command.occurredOn());
        checkNotOpen(EpisodeKind.BUSINESS, NO_KEY);
        return new BusinessStarted(journeyId(), on);
    }

    BusinessClosed closeBusiness(CloseBusiness command) {
        LocalDate on = milestoneDate(command.occurredOn());
        checkEnds(EpisodeKind.BUSINESS, NO_KEY, on);
        return new BusinessClosed(journeyId(), on);
    }

    StudiesStarted startStudies(StartStudies command) {
        LocalDate on = milestoneDate(command.occurredOn());
        String id = requireText(command.studyId(), "studyId");
        require(command.level(), "level");
        checkNotOpen(EpisodeKind.STUDIES, id);
        return new StudiesStarted(journeyId(), on, id, command.level());
    }

    StudiesEnded endStudies(EndStudies command) {
        LocalDate on = milestoneDate(command.occurredOn());
        String id = requireText(command.studyId(), "studyId");
        checkEnds(EpisodeKind.STUDIES, id, on);
        return new StudiesEnded(journeyId(), on, id);
    }

    FinancialAssistanceStarted startFinancialAssistance(StartFinancialAssistance command) {
        LocalDate on = milestoneDate(command.occurredOn());
        checkNotOpen(EpisodeKind.FINANCIAL_ASSISTANCE, NO_KEY);
        return new FinancialAssistanceStarted(journeyId(), on);
    }

    FinancialAssistanceEnded endFinancialAssistance(EndFinancialAssistance command) {
        LocalDate on = milestoneDate(command.occurredOn());
        checkEnds(EpisodeKind.FINANCIAL_ASSISTANCE, NO_KEY, on);
        return new FinancialAssistanceEnded(journeyId(), on);
    }

    SelfSufficiencyReached recordSelfSufficiencyReached(RecordSelfSufficiencyReached command) {
        LocalDate on = milestoneDate(command.occurredOn());
        require(command.basis(), "basis");
        if (facts.selfSufficient()) {
            throw violation(
                    Rule.SELF_SUFFICIENCY_ALREADY_REACHED,
                    "the person has been self-sufficient since %s",
                    facts.openEpisode(EpisodeKind.SELF_SUFFICIENCY, NO_KEY)
                            .orElseThrow()
                            .startedOn());
        }
        return new SelfSufficiencyReached(journeyId(), on, command.basis());
    }

    SelfSufficiencyLost recordSelfSufficiencyLost(RecordSelfSufficiencyLost command) {
        LocalDate on = milestoneDate(command.occurredOn());
        PairedEpisode selfSufficiency = facts.openEpisode(EpisodeKind.SELF_SUFFICIENCY, NO_KEY)
                .orElseThrow(() -> violation(
                        Rule.NOT_SELF_SUFFICIENT,
                        "the person is not self-sufficient (never reached, lost, or on financial assistance since)"));
        checkNotBeforeStart(on, selfSufficiency);
        return new SelfSufficiencyLost(journeyId(), on);
    }

    FollowUpRecorded recordFollowUp(RecordFollowUp command) {
        LocalDate on = milestoneDate(command.occurredOn());
        require(command.status(), "status");
        require(command.source(), "source");
        int months = command.monthsAfterEstablishment();
        if (months < 0 || months > MAX_FOLLOW_UP_MONTHS) {
            throw violation(
                    Rule.FOLLOW_UP_MONTHS_OUT_OF_RANGE,
                    "monthsAfterEstablishment %d is not between 0 and %d",
                    months,
                    MAX_FOLLOW_UP_MONTHS);
        }
        return new FollowUpRecorded(journeyId(), on, months, command.status(), command.source());
    }

    JourneyClosed closeJourney(CloseJourney command) {
        LocalDate on = milestoneDate(command.occurredOn());
        return new JourneyClosed(journeyId(), on, require(command.reason(), "reason"));
    }

    JourneyReopened reopenJourney(ReopenJourney command) {
        requireRegistered();
        LocalDate on = require(command.occurredOn(), "occurredOn");
        PairedEpisode closure = facts.openEpisode(EpisodeKind.CLOSURE, NO_KEY)
                .orElseThrow(() -> violation(Rule.JOURNEY_NOT_CLOSED, "the journey is not closed"));
        checkNotInFuture(on);
        checkNotBeforeStart(on, closure);
        return new JourneyReopened(journeyId(), on);
    }

    MilestoneRetracted retract(RetractMilestone command) {
        requireRegistered();
        if (command.reason() == null || command.reason().isBlank()) {
            throw violation(Rule.REASON_REQUIRED, "a retraction must give a reason");
        }
        String eventId = command.retractedEventId();
        RecordedEvent target = (eventId == null ? null : state.find(eventId).orElse(null));
        if (target == null) {
            throw violation(Rule.RETRACTION_TARGET_UNKNOWN, "journey %s has no event %s", journeyId(), eventId);
        }
        if (state.retracted(eventId)) {
            throw violation(Rule.ALREADY_RETRACTED, "event %s is already retracted", eventId);
        }
        if (!Retractions.canBeRetracted(target.event())) {
            throw target.event() instanceof NewcomerRegistered
                    ? violation(
                            Rule.REGISTRATION_NOT_RETRACTABLE,
                            "event %s is the registration; close the journey instead",
                            eventId)
                    : violation(
                            Rule.CORRECTION_NOT_RETRACTABLE,
                            "event %s is a %s, which cannot be retracted",
                            eventId,
                            target.event().getClass().getSimpleName());
        }
        List<RecordedEvent> remaining = state.countingEvents().stream()
                .filter(recorded -> !recorded.eventId().equals(eventId))
                .toList();
        // Without the target, a later event may no longer follow from what precedes it: an end left without its
        // start, or a restart of something the target had ended. That event must be retracted first.
        List<String> dependents = RuleFacts.of(remaining).inconsistentEventIds();
        if (!dependents.isEmpty()) {
            throw violation(
                    Rule.DEPENDENT_MILESTONE_RECORDED,
                    "event %s relies on event %s; retract %s first",
                    dependents.get(0),
                    eventId,
                    dependents.get(0));
        }
        String reason = freeText(command.reason(), "reason");
        return new MilestoneRetracted(journeyId(), eventId, reason);
    }

    private UUID journeyId() {
        return facts.registration().journeyId();
    }

    private void requireRegistered() {
        if (facts == null) {
            throw violation(Rule.JOURNEY_NOT_REGISTERED, "the journey is not registered");
        }
    }

    private void checkOpen() {
        requireRegistered();
        facts.openEpisode(EpisodeKind.CLOSURE, NO_KEY).ifPresent(closure -> {
            throw violation(Rule.JOURNEY_CLOSED, "the journey was closed on %s; reopen it first", closure.startedOn());
        });
    }

    /** The checks every milestone passes: an open journey, a date, not in the future, not before arrival. */
    private LocalDate milestoneDate(LocalDate occurredOn) {
        checkOpen();
        require(occurredOn, "occurredOn");
        checkNotInFuture(occurredOn);
        if (occurredOn.isBefore(facts.arrivalDate())) {
            throw violation(
                    Rule.DATE_BEFORE_ARRIVAL,
                    "occurredOn %s is before the arrival date %s",
                    occurredOn,
                    facts.arrivalDate());
        }
        return occurredOn;
    }

    private void checkNotInFuture(LocalDate occurredOn) {
        if (occurredOn.isAfter(today)) {
            throw violation(Rule.DATE_IN_FUTURE, "occurredOn %s is after today (%s)", occurredOn, today);
        }
    }

    private void checkNotOpen(EpisodeKind kind, String key) {
        facts.openEpisode(kind, key).ifPresent(open -> {
            throw violation(
                    Rule.EPISODE_ALREADY_OPEN, "%s is already open since %s", describe(kind, key), open.startedOn());
        });
    }

    private void checkEnds(EpisodeKind kind, String key, LocalDate on) {
        PairedEpisode open = facts.openEpisode(kind, key)
                .orElseThrow(() -> violation(
                        Rule.EPISODE_NOT_STARTED,
                        "%s is not open (never started, or already ended)",
                        describe(kind, key)));
        checkNotBeforeStart(on, open);
    }

    private static void checkNotBeforeStart(LocalDate on, PairedEpisode episode) {
        if (on.isBefore(episode.startedOn())) {
            throw violation(
                    Rule.END_BEFORE_START,
                    "occurredOn %s is before the %s's start on %s",
                    on,
                    episode.kind().label(),
                    episode.startedOn());
        }
    }

    private static String describe(EpisodeKind kind, String key) {
        return key.isEmpty() ? "the " + kind.label() : kind.label() + " '" + key + "'";
    }

    private PersonalDetails personalDetails(PersonalDetails given) {
        require(given, "personalDetails");
        String fullName = requireText(given.fullName(), "personalDetails.fullName");
        return new PersonalDetails(fullName, PersonalIdentityNumbers.normalise(given.personalIdentityNumber()));
    }

    private static Set<ActionPlanGoal> goals(Set<ActionPlanGoal> given) {
        if (given == null || given.isEmpty() || given.stream().anyMatch(Objects::isNull)) {
            throw violation(Rule.REQUIRED_VALUE_MISSING, "goals must name at least one goal");
        }
        // Declaration order, so the stored JSON does not depend on how the caller's set iterates.
        return Collections.unmodifiableSet(EnumSet.copyOf(given));
    }

    /** Required free text that must not repeat the person's name or an identity number. */
    private String freeText(String text, String field) {
        String value = requireText(text, field);
        boolean containsName = facts.knownNames().stream().anyMatch(name -> containsWord(value, name));
        if (containsName || IDENTITY_NUMBER_LIKE.matcher(value).find()) {
            throw violation(
                    Rule.PERSONAL_DATA_IN_FREE_TEXT,
                    "%s contains the person's name or an identity number; describe without them",
                    field);
        }
        return value;
    }

    private static boolean containsWord(String text, String phrase) {
        String words = "(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase.strip()) + "(?![\\p{L}\\p{N}])";
        return Pattern.compile(words, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text)
                .find();
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw violation(Rule.REQUIRED_VALUE_MISSING, "%s is required", field);
        }
        return value;
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw violation(Rule.REQUIRED_VALUE_MISSING, "%s is required and may not be blank", field);
        }
        return value.strip();
    }

    private static JourneyRuleViolation violation(Rule rule, String detail, Object... arguments) {
        return new JourneyRuleViolation(rule, String.format(Locale.ROOT, detail, arguments));
    }
}

package se.integrationjourney.projections.outcomes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import se.integrationjourney.core.events.ClosureReason;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.OutcomeStatus;
import se.integrationjourney.core.events.SfiLevel;

/**
 * Test data for the measurements: a journey as the facts a caseworker would record, in recording order.
 * Each recorded fact takes the next recording order, so calling the methods in the order things were recorded
 * is all a test needs to say about recording order. Defaults: a woman born 1990, arrived 2021-01-01 in
 * Töreboda (1473), with nothing else recorded.
 */
final class JourneyFactsBuilder {

    private UUID journeyId = UUID.randomUUID();
    private String municipalityCode = "1473";
    private Gender gender = Gender.FEMALE;
    private int birthYear = 1990;
    private LocalDate arrivalDate = LocalDate.of(2021, 1, 1);
    private LocalDate establishmentStart;
    private LocalDate establishmentEnd;
    private final List<JourneyFacts.Employment> employments = new ArrayList<>();
    private final List<JourneyFacts.Business> businesses = new ArrayList<>();
    private final List<JourneyFacts.Studies> studies = new ArrayList<>();
    private final List<JourneyFacts.Internship> internships = new ArrayList<>();
    private final List<JourneyFacts.FinancialAssistance> financialAssistance = new ArrayList<>();
    private final List<JourneyFacts.SelfSufficiencyChange> selfSufficiencyChanges = new ArrayList<>();
    private final List<JourneyFacts.FollowUp> followUps = new ArrayList<>();
    private final List<JourneyFacts.LifecycleEvent> lifecycleEvents = new ArrayList<>();
    private final List<LocalDate> housingSecured = new ArrayList<>();
    private final List<JourneyFacts.SfiLevelReached> sfiLevels = new ArrayList<>();
    private final List<JourneyFacts.CivicOrientationCompletion> civicOrientations = new ArrayList<>();
    // Registration is the journey's first event.
    private long recordingOrder = 1;

    private JourneyFactsBuilder() {}

    static JourneyFactsBuilder journey() {
        return new JourneyFactsBuilder();
    }

    static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private long next() {
        return ++recordingOrder;
    }

    JourneyFactsBuilder id(UUID id) {
        this.journeyId = id;
        return this;
    }

    JourneyFactsBuilder municipality(String code) {
        this.municipalityCode = code;
        return this;
    }

    JourneyFactsBuilder gender(Gender gender) {
        this.gender = gender;
        return this;
    }

    JourneyFactsBuilder born(int year) {
        this.birthYear = year;
        return this;
    }

    JourneyFactsBuilder arrived(int year, int month, int day) {
        return arrived(date(year, month, day));
    }

    JourneyFactsBuilder arrived(LocalDate date) {
        this.arrivalDate = date;
        return this;
    }

    JourneyFactsBuilder establishmentStarted(int year, int month, int day) {
        return establishmentStarted(date(year, month, day));
    }

    JourneyFactsBuilder establishmentStarted(LocalDate date) {
        next();
        this.establishmentStart = date;
        return this;
    }

    JourneyFactsBuilder establishmentEnded(int year, int month, int day) {
        return establishmentEnded(date(year, month, day));
    }

    JourneyFactsBuilder establishmentEnded(LocalDate date) {
        next();
        this.establishmentEnd = date;
        return this;
    }

    JourneyFactsBuilder employed(EmploymentType type, LocalDate from, LocalDate to) {
        employments.add(new JourneyFacts.Employment("employment-" + next(), type, from, to));
        return this;
    }

    JourneyFactsBuilder selfEmployed(LocalDate from, LocalDate to) {
        next();
        businesses.add(new JourneyFacts.Business(from, to));
        return this;
    }

    JourneyFactsBuilder studying(LocalDate from, LocalDate to) {
        studies.add(new JourneyFacts.Studies("studies-" + next(), from, to));
        return this;
    }

    JourneyFactsBuilder internship(LocalDate from, LocalDate to) {
        internships.add(new JourneyFacts.Internship("internship-" + next(), from, to));
        return this;
    }

    JourneyFactsBuilder financialAssistance(LocalDate from, LocalDate to) {
        financialAssistance.add(new JourneyFacts.FinancialAssistance(from, to, next()));
        return this;
    }

    JourneyFactsBuilder selfSufficiencyReached(LocalDate date) {
        selfSufficiencyChanges.add(new JourneyFacts.SelfSufficiencyChange(
                date, JourneyFacts.SelfSufficiencyChange.Direction.REACHED, next()));
        return this;
    }

    JourneyFactsBuilder selfSufficiencyLost(LocalDate date) {
        selfSufficiencyChanges.add(new JourneyFacts.SelfSufficiencyChange(
                date, JourneyFacts.SelfSufficiencyChange.Direction.LOST, next()));
        return this;
    }

    JourneyFactsBuilder followUp(LocalDate date, int monthsAfterEstablishment, OutcomeStatus status) {
        followUps.add(new JourneyFacts.FollowUp(date, monthsAfterEstablishment, status, next()));
        return this;
    }

    JourneyFactsBuilder closed(LocalDate date, ClosureReason reason) {
        lifecycleEvents.add(JourneyFacts.LifecycleEvent.closed(date, reason, next()));
        return this;
    }

    JourneyFactsBuilder reopened(LocalDate date) {
        lifecycleEvents.add(JourneyFacts.LifecycleEvent.reopened(date, next()));
        return this;
    }

    JourneyFactsBuilder housingSecured(LocalDate date) {
        next();
        housingSecured.add(date);
        return this;
    }

    JourneyFactsBuilder sfiLevel(LocalDate date, SfiLevel level) {
        next();
        sfiLevels.add(new JourneyFacts.SfiLevelReached(date, level));
        return this;
    }

    JourneyFactsBuilder civicOrientation(LocalDate date, int hours) {
        next();
        civicOrientations.add(new JourneyFacts.CivicOrientationCompletion(date, hours));
        return this;
    }

    JourneyFacts build() {
        return new JourneyFacts(
                journeyId,
                municipalityCode,
                gender,
                birthYear,
                arrivalDate,
                establishmentStart,
                establishmentEnd,
                employments,
                businesses,
                studies,
                internships,
                financialAssistance,
                selfSufficiencyChanges,
                followUps,
                lifecycleEvents,
                housingSecured,
                sfiLevels,
                civicOrientations);
    }
}

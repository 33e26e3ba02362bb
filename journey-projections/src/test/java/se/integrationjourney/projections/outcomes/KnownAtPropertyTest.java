package se.integrationjourney.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import se.integrationjourney.core.events.ClosureReason;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.EmploymentEnded;
import se.integrationjourney.core.events.EmploymentStarted;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.EstablishmentEndReason;
import se.integrationjourney.core.events.EstablishmentPlanEnded;
import se.integrationjourney.core.events.EstablishmentPlanStarted;
import se.integrationjourney.core.events.FinancialAssistanceStarted;
import se.integrationjourney.core.events.FollowUpRecorded;
import se.integrationjourney.core.events.FollowUpSource;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.HousingSecured;
import se.integrationjourney.core.events.JourneyClosed;
import se.integrationjourney.core.events.JourneyEvent;
import se.integrationjourney.core.events.JourneyReopened;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.OutcomeStatus;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.ReceptionType;
import se.integrationjourney.core.events.SelfSufficiencyBasis;
import se.integrationjourney.core.events.SelfSufficiencyReached;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.core.events.SfiLevelReached;
import se.integrationjourney.core.events.StudiesStarted;
import se.integrationjourney.core.events.StudyLevel;
import se.integrationjourney.core.events.Tenure;
import se.integrationjourney.projections.casefile.CaseFile;
import se.integrationjourney.projections.casefile.CaseFileFold;
import se.integrationjourney.projections.runtime.ViewTables;
import se.integrationjourney.projections.testsupport.EventFeeder;
import se.integrationjourney.projections.testsupport.ViewDatabase;

/**
 * The property of "as known at": for random histories whose events are stored at random moments (late recordings,
 * retractions stored long after what they retract, establishment starts retracted and recorded again in another
 * year, journeys the view has not folded yet), the answer as known at T equals the measurement computed from a fold of
 * exactly the events stored up to T, journey by journey, retractions included. The queries go through the outcomes
 * view's table and its split into rows and refolded journeys; the reference folds the raw history in memory.
 */
class KnownAtPropertyTest {

    @RegisterExtension
    static final ViewDatabase database = new ViewDatabase();

    private static final String[] MUNICIPALITIES = {"1473", "0180", "1287"};
    private static final Instant FIRST_RECORDING = Instant.parse("2018-01-01T00:00:00Z");
    private static final long RECORDING_SPAN_SECONDS = Duration.ofDays(9 * 365).toSeconds();
    /** The clock is after every recording: no moment asked is moved back. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    private JdbcTemplate jdbc;
    /** Questions whose cohort, as then known, held a journey that is in another cohort now: the hard case. */
    private int questionsWithAMovedJourney;

    /** One connection for the whole test: the test database's data source opens one per statement otherwise. */
    @BeforeEach
    void emptyTheView() {
        DriverManagerDataSource perStatement =
                (DriverManagerDataSource) database.jdbc().getDataSource();
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(
                perStatement.getUrl(), perStatement.getUsername(), perStatement.getPassword(), true));
        jdbc.update("delete from outcome_facts");
    }

    @Test
    void givenRandomHistoriesStoredAtRandomMoments_whenAskedAsKnownAtT_thenTheAnswerIsThatOfTheEventsStoredUpToT() {
        for (long seed = 1; seed <= 15; seed++) {
            jdbc.update("delete from outcome_facts");
            checkOneHistory(seed);
        }
        assertThat(questionsWithAMovedJourney)
                .as("the histories exercise cohorts that moved")
                .isPositive();
    }

    private void checkOneHistory(long seed) {
        Random random = new Random(seed);
        EventFeeder feeder = new EventFeeder();
        FedHistory history = new FedHistory(feeder, () -> 1);
        Object handlers = new OutcomesProjection(jdbc).eventHandlers(ViewTables.LIVE);
        OutcomeQueries queries = new OutcomeQueries(jdbc, CLOCK, Duration.ofSeconds(60), history);

        List<Recording> recordings = new ArrayList<>();
        for (int j = 0; j < 40; j++) {
            recordings.addAll(randomJourney(random));
        }
        recordings.sort(Comparator.comparing(Recording::at)); // the order the store holds them in; stable per journey
        Set<UUID> notYetInView = new HashSet<>();
        for (Recording recording : recordings) {
            if (random.nextInt(25) == 0) {
                notYetInView.add(recording.event().journeyId());
            }
        }
        notYetInView.forEach(journey -> history.notYetInView(journey.toString()));
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (Recording recording : recordings) {
            DomainEventMessage<?> message = feeder.recordingAt(recording.at()).message(recording.resolved(feeder));
            if (!notYetInView.contains(recording.event().journeyId())) {
                batch.add(message);
            }
            if (batch.size() >= 1 + random.nextInt(30)) {
                EventFeeder.deliver(handlers, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            EventFeeder.deliver(handlers, batch);
        }

        for (int question = 0; question < 20; question++) {
            Instant knownAt = question % 3 == 0
                    ? recordings.get(random.nextInt(recordings.size())).at() // exactly a stored moment
                    : FIRST_RECORDING.plusSeconds((long) (random.nextDouble() * RECORDING_SPAN_SECONDS));
            LocalDate asOf = LocalDate.of(2021 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String municipality = random.nextBoolean() ? null : MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)];
            List<JourneyFacts> known = knownAt(feeder.fed(), knownAt, municipality);
            String context =
                    "seed " + seed + ", knownAt " + knownAt + ", asOf " + asOf + ", municipality " + municipality;

            int endYear = 2020 + random.nextInt(6);
            Set<UUID> inTheCohortNow = new HashSet<>();
            knownAt(feeder.fed(), Instant.MAX, municipality).stream()
                    .filter(facts -> facts.establishmentEnd() != null
                            && facts.establishmentEnd().getYear() == endYear)
                    .forEach(facts -> inTheCohortNow.add(facts.journeyId()));
            if (known.stream()
                    .anyMatch(facts -> facts.establishmentEnd() != null
                            && facts.establishmentEnd().getYear() == endYear
                            && !inTheCohortNow.contains(facts.journeyId()))) {
                questionsWithAMovedJourney++;
            }
            TwoYearsAfterOutcomeResponse twoYearsAfter =
                    queries.handle(new FindTwoYearsAfterOutcome(endYear, municipality, asOf, knownAt));
            assertThat(twoYearsAfter.knownAt().used()).isEqualTo(knownAt);
            assertThat(twoYearsAfter)
                    .as(context + ", two years after " + endYear)
                    .isEqualTo(TwoYearsAfterOutcomeResponse.of(
                            OutcomeCalculator.twoYearsAfter(known, endYear, asOf),
                            twoYearsAfter.knownAt(),
                            twoYearsAfter.eventStorePosition()));

            Milestone milestone = Milestone.values()[random.nextInt(Milestone.values().length)];
            MeasuredFrom from = MeasuredFrom.values()[random.nextInt(MeasuredFrom.values().length)];
            int fromYear = 2018 + random.nextInt(5);
            Integer within = random.nextBoolean() ? null : random.nextInt(30);
            TimeToMilestoneResponse timeTo = queries.handle(
                    new FindTimeToMilestone(milestone, from, fromYear, within, municipality, asOf, knownAt));
            assertThat(timeTo)
                    .as(context + ", time to " + milestone + " from " + from + " " + fromYear)
                    .isEqualTo(TimeToMilestoneResponse.of(
                            OutcomeCalculator.timeToMilestone(known, milestone, from, fromYear, within, asOf),
                            asOf,
                            timeTo.knownAt(),
                            timeTo.eventStorePosition()));
        }
    }

    /** The reference: every journey folded afresh from exactly its events stored at or before the moment. */
    private static List<JourneyFacts> knownAt(
            List<DomainEventMessage<?>> history, Instant moment, String municipality) {
        Map<String, CaseFile> files = new HashMap<>();
        for (DomainEventMessage<?> message : history) {
            if (!message.getTimestamp().isAfter(moment)) {
                CaseFile file =
                        files.computeIfAbsent(message.getAggregateIdentifier(), id -> CaseFile.of(UUID.fromString(id)));
                CaseFileFold.apply(
                        file,
                        (JourneyEvent) message.getPayload(),
                        message.getIdentifier(),
                        message.getSequenceNumber(),
                        message.getTimestamp());
            }
        }
        return files.values().stream()
                .filter(CaseFile::registered)
                .filter(file -> municipality == null || municipality.equals(file.municipalityCode()))
                .map(OutcomeFacts::from)
                .toList();
    }

    /**
     * One journey's events with the moments they are stored at, in its order: mostly soon after their business
     * date, some much later (late recordings), retractions of earlier events at any later moment.
     */
    private static List<Recording> randomJourney(Random random) {
        UUID journey = UUID.randomUUID();
        List<Recording> recordings = new ArrayList<>();
        LocalDate arrival = LocalDate.of(2018 + random.nextInt(4), 1 + random.nextInt(12), 1 + random.nextInt(28));
        Instant[] clock = {atBusinessDate(arrival, random)};
        java.util.function.BiConsumer<JourneyEvent, LocalDate> record = (event, on) -> {
            Instant at = atBusinessDate(on, random);
            clock[0] = at.isAfter(clock[0]) ? at : clock[0].plusSeconds(1 + random.nextInt(3_600));
            recordings.add(new Recording(event, clock[0], null));
        };
        record.accept(
                new NewcomerRegistered(
                        journey,
                        arrival,
                        MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)],
                        ReceptionType.ASSIGNED,
                        1960 + random.nextInt(45),
                        Gender.values()[random.nextInt(Gender.values().length)],
                        "SY",
                        EducationLevel.SECONDARY,
                        new PersonalDetails("Property Test", null)),
                arrival);
        LocalDate start = arrival.plusDays(random.nextInt(300));
        if (random.nextInt(5) > 0) {
            record.accept(new EstablishmentPlanStarted(journey, start), start);
            if (random.nextInt(4) == 0) {
                // Retracted later and recorded again in another year: the cohort moves.
                int retracted = recordings.size() - 1;
                LocalDate corrected = start.plusMonths(6 + random.nextInt(12));
                recordings.add(
                        new Recording(null, clock[0] = clock[0].plus(Duration.ofDays(random.nextInt(400))), retracted));
                record.accept(new EstablishmentPlanStarted(journey, corrected), corrected);
                start = corrected;
            }
            if (random.nextInt(3) == 0) {
                LocalDate end = start.plusMonths(12 + random.nextInt(14));
                record.accept(new EstablishmentPlanEnded(journey, end, EstablishmentEndReason.COMPLETED), end);
            }
        }
        LocalDate day = arrival;
        int events = random.nextInt(10);
        for (int i = 0; i < events; i++) {
            day = day.plusDays(random.nextInt(200));
            switch (random.nextInt(9)) {
                case 0 -> record.accept(new HousingSecured(journey, day, Tenure.FIRST_HAND), day);
                case 1 -> record.accept(new SfiLevelReached(journey, day, SfiLevel.values()[random.nextInt(4)]), day);
                case 2 -> {
                    String id = "e-" + i;
                    record.accept(
                            new EmploymentStarted(
                                    journey,
                                    day,
                                    id,
                                    EmploymentType.values()[random.nextInt(EmploymentType.values().length)],
                                    "Vård",
                                    BigDecimal.TEN),
                            day);
                    if (random.nextBoolean()) {
                        LocalDate ended = day.plusDays(1 + random.nextInt(400));
                        record.accept(new EmploymentEnded(journey, ended, id), ended);
                    }
                }
                case 3 -> record.accept(new StudiesStarted(journey, day, "s-" + i, StudyLevel.KOMVUX), day);
                case 4 -> record.accept(new FinancialAssistanceStarted(journey, day), day);
                case 5 -> record.accept(new SelfSufficiencyReached(journey, day, SelfSufficiencyBasis.EMPLOYMENT), day);
                case 6 -> {
                    LocalDate later = day.plusMonths(24 + random.nextInt(30));
                    record.accept(
                            new FollowUpRecorded(
                                    journey,
                                    later,
                                    random.nextBoolean() ? 24 : 12,
                                    OutcomeStatus.values()[random.nextInt(OutcomeStatus.values().length)],
                                    FollowUpSource.REGISTER),
                            later);
                }
                case 7 -> {
                    record.accept(
                            new JourneyClosed(
                                    journey,
                                    day,
                                    ClosureReason.values()[random.nextInt(ClosureReason.values().length)]),
                            day);
                    if (random.nextBoolean()) {
                        LocalDate reopened = day.plusDays(1 + random.nextInt(100));
                        record.accept(new JourneyReopened(journey, reopened), reopened);
                    }
                }
                default -> {
                    if (recordings.size() > 1) { // a retraction of any earlier milestone, at some later moment
                        int retracted = 1 + random.nextInt(recordings.size() - 1);
                        if (recordings.get(retracted).event() != null) {
                            clock[0] = clock[0].plus(Duration.ofDays(random.nextInt(700)));
                            recordings.add(new Recording(null, clock[0], retracted));
                        }
                    }
                }
            }
        }
        // Recordings keep their order: a retraction refers to an earlier one by index, resolved when it is made.
        List<Recording> ordered = new ArrayList<>();
        for (Recording recording : recordings) {
            ordered.add(
                    recording.retracts() == null
                            ? recording
                            : new Recording(
                                    new MilestoneRetracted(journey, null, "property test"),
                                    recording.at(),
                                    recording.retracts(),
                                    recordings.get(recording.retracts())));
        }
        return ordered;
    }

    /** Stored within a few weeks of the business date, sometimes months later; never before the first recording. */
    private static Instant atBusinessDate(LocalDate date, Random random) {
        long delay = random.nextInt(10) == 0 ? random.nextInt(400) : random.nextInt(20);
        Instant at =
                date.plusDays(delay).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(86_400));
        return at.isBefore(FIRST_RECORDING) ? FIRST_RECORDING : at;
    }

    /**
     * An event and when it is stored; a retraction names the recording it retracts, whose event id is known once that
     * recording has been made into a message ({@link #resolved}).
     */
    private record Recording(JourneyEvent event, Instant at, Integer retracts, Recording target) {

        Recording(JourneyEvent event, Instant at, Integer retracts) {
            this(event, at, retracts, null);
        }

        JourneyEvent resolved(EventFeeder feeder) {
            if (target == null) {
                return event;
            }
            String targetId = feeder.fed().stream()
                    .filter(message -> message.getPayload() == target.event())
                    .map(DomainEventMessage::getIdentifier)
                    .findFirst()
                    .orElseThrow();
            return new MilestoneRetracted(event.journeyId(), targetId, "property test");
        }
    }
}

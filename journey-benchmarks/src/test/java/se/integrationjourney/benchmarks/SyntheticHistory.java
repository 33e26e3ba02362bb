package se.integrationjourney.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import se.integrationjourney.core.events.ActionPlanEstablished;
import se.integrationjourney.core.events.ActionPlanGoal;
import se.integrationjourney.core.events.ActionPlanRevised;
import se.integrationjourney.core.events.BusinessClosed;
import se.integrationjourney.core.events.BusinessStarted;
import se.integrationjourney.core.events.CaseworkerAssigned;
import se.integrationjourney.core.events.CivicOrientationCompleted;
import se.integrationjourney.core.events.ClosureReason;
import se.integrationjourney.core.events.EducationLevel;
import se.integrationjourney.core.events.EmploymentEnded;
import se.integrationjourney.core.events.EmploymentStarted;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.core.events.EstablishmentEndReason;
import se.integrationjourney.core.events.EstablishmentPlanEnded;
import se.integrationjourney.core.events.EstablishmentPlanStarted;
import se.integrationjourney.core.events.FinancialAssistanceEnded;
import se.integrationjourney.core.events.FinancialAssistanceStarted;
import se.integrationjourney.core.events.FollowUpRecorded;
import se.integrationjourney.core.events.FollowUpSource;
import se.integrationjourney.core.events.Gender;
import se.integrationjourney.core.events.HousingSecured;
import se.integrationjourney.core.events.InternshipEnded;
import se.integrationjourney.core.events.InternshipKind;
import se.integrationjourney.core.events.InternshipOutcome;
import se.integrationjourney.core.events.InternshipStarted;
import se.integrationjourney.core.events.IntroductoryMeetingHeld;
import se.integrationjourney.core.events.JourneyClosed;
import se.integrationjourney.core.events.JourneyEvent;
import se.integrationjourney.core.events.JourneyReopened;
import se.integrationjourney.core.events.MilestoneEvent;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.OutcomeStatus;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.PersonalDetailsCorrected;
import se.integrationjourney.core.events.ReceptionType;
import se.integrationjourney.core.events.SelfSufficiencyBasis;
import se.integrationjourney.core.events.SelfSufficiencyLost;
import se.integrationjourney.core.events.SelfSufficiencyReached;
import se.integrationjourney.core.events.SfiEnrolled;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.core.events.SfiLevelReached;
import se.integrationjourney.core.events.StudiesEnded;
import se.integrationjourney.core.events.StudiesStarted;
import se.integrationjourney.core.events.StudyLevel;
import se.integrationjourney.core.events.TemporaryHousingProvided;
import se.integrationjourney.core.events.Tenure;
import se.integrationjourney.core.journey.DecisionBasis;
import se.integrationjourney.core.journey.EpisodeKind;
import se.integrationjourney.core.journey.PairedEpisode;
import se.integrationjourney.core.journey.RecordedEvent;
import se.integrationjourney.core.journey.RuleFacts;

/**
 * A deterministic, plausible event history of many integration journeys, for load and rebuild measurements.
 *
 * <p>Each journey is a sequence of about 15–25 milestones over two to six years after arrival: registration,
 * caseworker, introductory meeting, action plan (and revisions), establishment plan start and end, housing, SFI
 * enrolment and ascending levels, civic orientation, internships, employments of every type (ended or not),
 * studies, businesses, financial assistance, self-sufficiency, follow-ups (the deciding one dated on the
 * measurement point), some closures and reopenings, a few personal-details corrections, and about 2% retractions.
 * Names are written in Latin (with å, ä, ö), Arabic and Ge'ez (Tigrinya) script.
 *
 * <p>Only histories the journey's rules accept are produced: the generator checks every event against the facts
 * journey-core derives ({@link RuleFacts}) before recording it, and {@code SyntheticHistoryTest} replays a
 * sample through the real aggregate. All dates lie between arrival and {@link #TODAY}; a journey's events are
 * recorded in business-date order, so each is recorded on its own business date (a retraction or correction on
 * the day it is made).
 *
 * <p>{@link #events} interleaves all journeys as a service would have recorded them: ordered by recording date,
 * ties by journey, then by the journey's own sequence number.
 */
public final class SyntheticHistory {

    /** The fixed "today" of every history: nothing is dated after it. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

    public static final List<String> MUNICIPALITY_CODES = List.of("1473", "1287", "1419", "0360", "0125");
    static final String AGGREGATE_TYPE = "Journey";

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final LocalDate FIRST_ARRIVAL = LocalDate.of(2017, 1, 1);
    private static final LocalDate LAST_ARRIVAL = LocalDate.of(2025, 10, 31);
    private static final double RETRACTION_CHANCE = 0.022;

    private static final String[] LATIN_GIVEN = {
        "Ahmad",
        "Fatima",
        "Yonas",
        "Selam",
        "Omar",
        "Amina",
        "Märta",
        "Åsa",
        "Björn",
        "Hawa",
        "Zainab",
        "Mohammed",
        "Ali",
        "Yodit",
        "Örjan",
        "Nour",
        "Dawit",
        "Leyla"
    };
    private static final String[] LATIN_FAMILY = {
        "Al-Hassan",
        "Öztürk",
        "Haile",
        "Tesfaye",
        "Åberg",
        "Håkansson",
        "Mäkinen",
        "Jönsson",
        "Abdi",
        "Nordström",
        "Rahimi",
        "Ahmadi",
        "Öberg",
        "Karlsson",
        "Yusuf",
        "Lindqvist"
    };
    private static final String[] ARABIC_GIVEN = {
        "محمد", "فاطمة", "أحمد", "زينب", "عمر", "ليلى", "يوسف", "مريم", "خالد", "نور"
    };
    private static final String[] ARABIC_FAMILY = {
        "الحسن", "العلي", "حداد", "منصور", "الخطيب", "عبد الله", "السيد", "الشامي"
    };
    private static final String[] GEEZ_GIVEN = {
        "ዮናስ", "ሰላም", "ፍሬወይኒ", "ኣማኑኤል", "ሚካኤል", "ሳባ", "ዳዊት", "ሕድሪ", "ኤልሳ", "ዮሃንስ"
    };
    private static final String[] GEEZ_FAMILY = {"ተስፋይ", "ገብረሂወት", "ሃብተ", "ገብረመድህን", "ወልደሚካኤል", "ኪዳነ", "በርሀ", "ተኽለ"};
    private static final String[] LATIN_COUNTRIES = {"AF", "SY", "ER", "SO", "IR", "UA", "TR", "IQ"};
    private static final String[] ARABIC_COUNTRIES = {"SY", "IQ", "SD", "YE", "PS"};
    private static final String[] GEEZ_COUNTRIES = {"ER", "ET"};
    private static final String[] SECTORS = {
        "vård och omsorg",
        "bygg",
        "restaurang",
        "transport",
        "handel",
        "lokalvård",
        "IT",
        "tillverkning",
        "skola och förskola"
    };
    private static final String[] CIVIC_LANGUAGES = {
        "arabiska", "tigrinja", "dari", "somaliska", "svenska", "ukrainska", "engelska"
    };
    private static final String[] PLAN_SUMMARIES = {
        "SFI och arbetsmarknadsinsatser",
        "Praktik inom vård och omsorg",
        "Validering av yrkeserfarenhet",
        "Studier på komvux efter SFI",
        "Körkort och arbete inom transport",
        "Stöd att hitta bostad och arbete"
    };
    private static final String[] RETRACTION_REASONS = {
        "registrerad av misstag", "fel datum angivet", "avser en annan person", "dubbelregistrering"
    };
    private static final BigDecimal[] HOURS = {
        new BigDecimal("20"), new BigDecimal("25"), new BigDecimal("30"), new BigDecimal("37.5"), new BigDecimal("40")
    };

    private SyntheticHistory() {}

    /** One event of a journey: its id, its sequence number in the journey and the day it was recorded. */
    public record Entry(String eventId, long sequence, LocalDate recordedOn, JourneyEvent event) {}

    /** One journey's events in recording order. */
    public record JourneyHistory(UUID journeyId, String municipalityCode, List<Entry> entries) {}

    /** The {@code count} first journeys of the seed's history, each on its own. */
    public static List<JourneyHistory> journeys(long seed, int count) {
        List<JourneyHistory> journeys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            journeys.add(journey(seed, i));
        }
        return journeys;
    }

    /** Journey number {@code index} of the seed's history; the same whatever else is generated. */
    public static JourneyHistory journey(long seed, int index) {
        return new Writer(new Random(spread(seed * 0x9E3779B97F4A7C15L + index))).write();
    }

    /**
     * A seed for {@link Random} from a number of a sequence (a journey's index, a reader's number). Random seeded
     * with neighbouring numbers starts with neighbouring numbers: seeded with the journey's index, every journey id
     * of a history began with {@code 06}, and 50 benchmark readers drew nearly the same first think time, so they
     * all asked at once. SplittableRandom's mixing spreads them over the whole range.
     */
    static long spread(long sequenceNumber) {
        return new SplittableRandom(sequenceNumber).nextLong();
    }

    /**
     * Exactly {@code eventCount} events of the seed's history in global order, as the domain event messages an
     * event store would hold: as many journeys as needed, interleaved, and cut at the count (a prefix in global
     * order is a valid history for every journey).
     */
    public static List<DomainEventMessage<?>> events(long seed, int eventCount) {
        List<JourneyHistory> journeys = new ArrayList<>();
        long total = 0;
        for (int i = 0; total < eventCount; i++) {
            JourneyHistory journey = journey(seed, i);
            journeys.add(journey);
            total += journey.entries().size();
        }
        List<DomainEventMessage<?>> all = interleave(journeys);
        return new ArrayList<>(all.subList(0, eventCount));
    }

    /** Every event of the journeys in global order (recording date, journey, sequence), with metadata. */
    public static List<DomainEventMessage<?>> interleave(List<JourneyHistory> journeys) {
        record Placed(JourneyHistory journey, Entry entry) {}
        List<Placed> placed = new ArrayList<>();
        journeys.forEach(journey -> journey.entries().forEach(entry -> placed.add(new Placed(journey, entry))));
        placed.sort(Comparator.comparing((Placed p) -> p.entry().recordedOn())
                .thenComparing(p -> p.journey().journeyId())
                .thenComparingLong(p -> p.entry().sequence()));
        List<DomainEventMessage<?>> messages = new ArrayList<>(placed.size());
        LocalDate day = null;
        int ofDay = 0;
        for (Placed p : placed) {
            Entry entry = p.entry();
            ofDay = entry.recordedOn().equals(day) ? ofDay + 1 : 0;
            day = entry.recordedOn();
            // Recording times rise with the global order: 08:00 plus a few seconds per event of the day.
            Instant recordedAt =
                    day.atTime(8, 0).plusSeconds(ofDay * 3L).atZone(STOCKHOLM).toInstant();
            Map<String, Object> metaData = new LinkedHashMap<>();
            metaData.put(
                    "username",
                    "handlaggare-" + p.journey().municipalityCode() + "-"
                            + Math.floorMod(entry.eventId().hashCode(), 12));
            metaData.put("municipalityCode", p.journey().municipalityCode());
            metaData.put("traceId", entry.eventId());
            metaData.put("correlationId", entry.eventId());
            messages.add(new GenericDomainEventMessage<>(
                    AGGREGATE_TYPE,
                    p.journey().journeyId().toString(),
                    entry.sequence(),
                    entry.event(),
                    metaData,
                    entry.eventId(),
                    recordedAt));
        }
        return messages;
    }

    /** Writes one journey: plans milestones relative to arrival, then records them in date order if allowed. */
    private static final class Writer {

        private final Random random;
        private final UUID journeyId;
        private final String municipality;
        private final LocalDate arrival;
        private final LocalDate horizon;
        private final List<Entry> entries = new ArrayList<>();
        private final PriorityQueue<Planned> plan =
                new PriorityQueue<>(Comparator.comparing(Planned::on).thenComparingInt(Planned::order));
        private final Map<String, String> startOfEnd = new LinkedHashMap<>();
        private DecisionBasis state = DecisionBasis.EMPTY;
        private LocalDate cursor;
        private int planned;
        private int nextId;

        Writer(Random random) {
            this.random = random;
            this.journeyId = uuid(random);
            this.municipality = pick(MUNICIPALITY_CODES.toArray(String[]::new));
            this.arrival = FIRST_ARRIVAL.plusDays(
                    random.nextInt((int) (LAST_ARRIVAL.toEpochDay() - FIRST_ARRIVAL.toEpochDay()) + 1));
            LocalDate end = arrival.plusDays(730 + random.nextInt(4 * 365 + 1));
            this.horizon = end.isAfter(TODAY) ? TODAY : end;
        }

        JourneyHistory write() {
            register();
            planMilestones();
            while (!plan.isEmpty()) {
                Planned next = plan.poll();
                if (next.on().isAfter(horizon)) {
                    break;
                }
                next.action().run(next.on());
            }
            return new JourneyHistory(journeyId, municipality, List.copyOf(entries));
        }

        private void planMilestones() {
            at(days(1, 14), this::assignCaseworker);
            if (chance(0.5)) {
                at(days(200, 900), this::assignCaseworker);
            }
            at(days(5, 40), on -> milestone(on, new IntroductoryMeetingHeld(journeyId, on)));
            if (chance(0.6)) {
                at(days(0, 10), on -> milestone(on, new TemporaryHousingProvided(journeyId, on)));
            }
            if (chance(0.85)) {
                at(days(60, 400), on -> milestone(on, new HousingSecured(journeyId, on, pick(Tenure.values()))));
            }
            at(days(14, 60), this::enrolInSfi);
            if (chance(0.1)) {
                at(days(500, 900), this::reEnrolInSfi);
            }
            at(days(20, 70), this::establishActionPlan);
            if (chance(0.95)) {
                at(days(25, 90), this::startEstablishmentPlan);
            }
            if (chance(0.8)) {
                at(
                        days(100, 450),
                        on -> milestone(
                                on,
                                new CivicOrientationCompleted(
                                        journeyId, on, 60 + random.nextInt(141), pick(CIVIC_LANGUAGES))));
            }
            int internships = weighted(new int[] {25, 50, 25});
            for (int i = 0; i < internships; i++) {
                at(days(200, 1000), this::startInternship);
            }
            int employments = weighted(new int[] {15, 35, 32, 18});
            for (int i = 0; i < employments; i++) {
                at(days(250, 1600), this::startEmployment);
            }
            if (chance(0.35)) {
                at(days(300, 1300), this::startStudies);
            }
            if (chance(0.06)) {
                at(days(500, 1500), this::startBusiness);
            }
            if (chance(0.45)) {
                at(days(20, 200), this::startFinancialAssistance);
            }
            if (chance(0.07)) {
                ClosureReason reason = chance(0.06)
                        ? ClosureReason.DECEASED
                        : chance(0.6) ? ClosureReason.MOVED_AWAY : ClosureReason.OTHER;
                at(days(100, 1800), on -> close(on, reason));
            }
            if (chance(0.03)) {
                at(days(10, 600), this::correctPersonalDetails);
            }
        }

        // --- the milestones ---------------------------------------------------------------------------------

        private void register() {
            int birthYear = arrival.getYear() - 18 - random.nextInt(47);
            int script = random.nextInt(10);
            String country = pick(script < 5 ? LATIN_COUNTRIES : script < 8 ? ARABIC_COUNTRIES : GEEZ_COUNTRIES);
            record(
                    arrival,
                    new NewcomerRegistered(
                            journeyId,
                            arrival,
                            municipality,
                            chance(0.7) ? ReceptionType.ASSIGNED : ReceptionType.OWN_ARRANGEMENT,
                            birthYear,
                            chance(0.5) ? Gender.FEMALE : chance(0.97) ? Gender.MALE : pick(Gender.values()),
                            country,
                            pick(EducationLevel.values()),
                            new PersonalDetails(name(script), identityNumber(birthYear))));
        }

        private void correctPersonalDetails(LocalDate on) {
            PersonalDetails current =
                    facts().personalDetails().get(facts().personalDetails().size() - 1);
            String corrected = name(random.nextInt(10));
            if (corrected.equals(current.fullName())) {
                return;
            }
            String number = current.personalIdentityNumber() != null
                    ? current.personalIdentityNumber()
                    : identityNumber(facts().registration().birthYear());
            record(on, new PersonalDetailsCorrected(journeyId, new PersonalDetails(corrected, number)));
        }

        private void assignCaseworker(LocalDate on) {
            milestone(
                    on,
                    new CaseworkerAssigned(journeyId, on, "handlaggare-" + municipality + "-" + random.nextInt(12)));
        }

        private void enrolInSfi(LocalDate on) {
            int path = weighted(new int[] {0, 45, 35, 20});
            if (milestone(on, new SfiEnrolled(journeyId, on, path)) == null) {
                return;
            }
            LocalDate when = on;
            // Path 1 covers A-D, path 2 B-D, path 3 C-D: reach none, some or all of them, in order.
            int levels = random.nextInt(6 - path);
            for (int level = path - 1; level < path - 1 + levels; level++) {
                when = when.plusDays(90 + random.nextInt(211));
                SfiLevel reached = SfiLevel.values()[level];
                at(when, date -> reachSfiLevel(date, reached));
            }
        }

        private void reEnrolInSfi(LocalDate on) {
            Integer path = facts().sfiStudyPath();
            if (path != null) {
                milestone(on, new SfiEnrolled(journeyId, on, path));
            }
        }

        private void reachSfiLevel(LocalDate on, SfiLevel level) {
            RuleFacts facts = facts();
            Integer path = facts.sfiStudyPath();
            boolean onPath = path != null && level.compareTo(SfiLevel.values()[path - 1]) >= 0;
            boolean above = facts.highestSfiLevel() == null || level.compareTo(facts.highestSfiLevel()) > 0;
            if (onPath && above) {
                milestone(on, new SfiLevelReached(journeyId, on, level));
            }
        }

        private void establishActionPlan(LocalDate on) {
            if (milestone(on, new ActionPlanEstablished(journeyId, on, goals(), pick(PLAN_SUMMARIES))) == null) {
                return;
            }
            LocalDate when = on;
            for (int i = weighted(new int[] {40, 40, 20}); i > 0; i--) {
                when = when.plusDays(180 + random.nextInt(521));
                at(when, this::reviseActionPlan);
            }
        }

        private void reviseActionPlan(LocalDate on) {
            LocalDate first = facts().firstActionPlanOn();
            if (first != null && !first.isAfter(on)) {
                milestone(on, new ActionPlanRevised(journeyId, on, goals(), pick(PLAN_SUMMARIES)));
            }
        }

        private void startEstablishmentPlan(LocalDate on) {
            if (facts().latestEpisode(EpisodeKind.ESTABLISHMENT_PLAN).isPresent()
                    || milestone(on, new EstablishmentPlanStarted(journeyId, on)) == null) {
                return;
            }
            int dice = random.nextInt(100);
            if (dice < 70) {
                at(
                        on.plusMonths(24).minusDays(random.nextInt(21)),
                        date -> endEstablishmentPlan(date, EstablishmentEndReason.COMPLETED));
            } else if (dice < 90) {
                EstablishmentEndReason reason = pick(new EstablishmentEndReason[] {
                    EstablishmentEndReason.WORK,
                    EstablishmentEndReason.STUDIES,
                    EstablishmentEndReason.MOVED,
                    EstablishmentEndReason.OTHER
                });
                at(on.plusDays(180 + random.nextInt(471)), date -> endEstablishmentPlan(date, reason));
            }
            // Without a recorded end the plan ends at start + 24 months: plan the follow-ups from there.
            at(on.plusMonths(24).plusDays(1), date -> {
                PairedEpisode plan =
                        facts().latestEpisode(EpisodeKind.ESTABLISHMENT_PLAN).orElse(null);
                if (plan != null && plan.open()) {
                    planFollowUps(plan.startedOn().plusMonths(24));
                }
            });
        }

        private void endEstablishmentPlan(LocalDate on, EstablishmentEndReason reason) {
            PairedEpisode plan =
                    facts().latestEpisode(EpisodeKind.ESTABLISHMENT_PLAN).orElse(null);
            if (plan != null
                    && plan.open()
                    && !on.isBefore(plan.startedOn())
                    && milestone(on, new EstablishmentPlanEnded(journeyId, on, reason)) != null) {
                planFollowUps(on);
            }
        }

        private void planFollowUps(LocalDate establishmentEnd) {
            if (chance(0.5)) {
                at(establishmentEnd.plusMonths(12), on -> followUp(on, 12));
            }
            if (chance(0.75)) {
                // The deciding follow-up is dated on the measurement point (docs/projections.md).
                at(establishmentEnd.plusMonths(24), on -> followUp(on, 24));
            }
        }

        private void followUp(LocalDate on, int months) {
            if (milestone(on, new FollowUpRecorded(journeyId, on, months, status(), pick(FollowUpSource.values())))
                            != null
                    && months == 24
                    && chance(0.35)) {
                at(on.plusDays(random.nextInt(61)), date -> close(date, ClosureReason.FOLLOW_UP_COMPLETE));
            }
        }

        private void startInternship(LocalDate on) {
            String id = "praktik-" + nextId++;
            if (milestone(on, new InternshipStarted(journeyId, on, id, pick(InternshipKind.values()), pick(SECTORS)))
                            != null
                    && chance(0.9)) {
                at(
                        on.plusDays(30 + random.nextInt(151)),
                        date -> endEpisode(
                                date,
                                EpisodeKind.INTERNSHIP,
                                id,
                                new InternshipEnded(journeyId, date, id, pick(InternshipOutcome.values()))));
            }
        }

        private void startEmployment(LocalDate on) {
            String id = "anst-" + nextId++;
            EmploymentType type = EmploymentType.values()[weighted(new int[] {50, 15, 10, 15, 10})];
            if (milestone(on, new EmploymentStarted(journeyId, on, id, type, pick(SECTORS), pick(HOURS))) == null) {
                return;
            }
            if (chance(0.55)) {
                at(
                        on.plusDays(60 + random.nextInt(841)),
                        date -> endEpisode(date, EpisodeKind.EMPLOYMENT, id, new EmploymentEnded(journeyId, date, id)));
            }
            if (chance(0.6)) {
                at(on.plusDays(20 + random.nextInt(101)), this::reachSelfSufficiency);
            }
        }

        private void startStudies(LocalDate on) {
            String id = "studier-" + nextId++;
            StudyLevel level = StudyLevel.values()[weighted(new int[] {50, 10, 15, 20, 5})];
            if (milestone(on, new StudiesStarted(journeyId, on, id, level)) != null && chance(0.7)) {
                at(
                        on.plusDays(120 + random.nextInt(781)),
                        date -> endEpisode(date, EpisodeKind.STUDIES, id, new StudiesEnded(journeyId, date, id)));
            }
        }

        private void startBusiness(LocalDate on) {
            if (facts().openEpisode(EpisodeKind.BUSINESS, "").isEmpty()
                    && milestone(on, new BusinessStarted(journeyId, on)) != null) {
                if (chance(0.6)) {
                    at(on.plusDays(60 + random.nextInt(301)), this::reachSelfSufficiency);
                }
                if (chance(0.4)) {
                    at(
                            on.plusDays(200 + random.nextInt(801)),
                            date -> endEpisode(date, EpisodeKind.BUSINESS, "", new BusinessClosed(journeyId, date)));
                }
            }
        }

        private void startFinancialAssistance(LocalDate on) {
            if (facts().openEpisode(EpisodeKind.FINANCIAL_ASSISTANCE, "").isEmpty()
                    && milestone(on, new FinancialAssistanceStarted(journeyId, on)) != null
                    && chance(0.8)) {
                at(
                        on.plusDays(60 + random.nextInt(441)),
                        date -> endEpisode(
                                date,
                                EpisodeKind.FINANCIAL_ASSISTANCE,
                                "",
                                new FinancialAssistanceEnded(journeyId, date)));
            }
        }

        private void reachSelfSufficiency(LocalDate on) {
            RuleFacts facts = facts();
            if (facts.selfSufficient()) {
                return;
            }
            SelfSufficiencyBasis basis = open(facts, EpisodeKind.EMPLOYMENT)
                    ? SelfSufficiencyBasis.EMPLOYMENT
                    : open(facts, EpisodeKind.BUSINESS)
                            ? SelfSufficiencyBasis.BUSINESS
                            : open(facts, EpisodeKind.STUDIES)
                                    ? SelfSufficiencyBasis.STUDIES_WITH_STUDENT_FINANCE
                                    : SelfSufficiencyBasis.OTHER;
            if (milestone(on, new SelfSufficiencyReached(journeyId, on, basis)) != null && chance(0.15)) {
                at(on.plusDays(90 + random.nextInt(511)), this::loseSelfSufficiency);
            }
        }

        private void loseSelfSufficiency(LocalDate on) {
            PairedEpisode since =
                    facts().openEpisode(EpisodeKind.SELF_SUFFICIENCY, "").orElse(null);
            if (since != null && !on.isBefore(since.startedOn())) {
                milestone(on, new SelfSufficiencyLost(journeyId, on));
                if (chance(0.3)) {
                    at(on.plusDays(random.nextInt(60)), this::startFinancialAssistance);
                }
            }
        }

        private void endEpisode(LocalDate on, EpisodeKind kind, String key, MilestoneEvent end) {
            PairedEpisode open = facts().openEpisode(kind, key).orElse(null);
            if (open != null && !on.isBefore(open.startedOn())) {
                String endId = milestone(on, end);
                if (endId != null) {
                    startOfEnd.put(endId, open.start().eventId());
                }
            }
        }

        private void close(LocalDate on, ClosureReason reason) {
            if (milestone(on, new JourneyClosed(journeyId, on, reason)) != null
                    && reason != ClosureReason.DECEASED
                    && chance(0.25)) {
                at(on.plusDays(30 + random.nextInt(371)), this::reopen);
            }
        }

        private void reopen(LocalDate on) {
            PairedEpisode closure = facts().openEpisode(EpisodeKind.CLOSURE, "").orElse(null);
            if (closure != null && !on.isBefore(closure.startedOn()) && !on.isAfter(horizon)) {
                record(on, new JourneyReopened(journeyId, on));
            }
        }

        /**
         * Retracts an event if the rules allow it now: not yet retracted, and no event still counting relies on
         * it (an episode's start only once its end is retracted, if it was ended).
         */
        private void retract(LocalDate on, String eventId) {
            if (state.retracted(eventId)) {
                return;
            }
            List<RecordedEvent> remaining = state.countingEvents().stream()
                    .filter(recorded -> !recorded.eventId().equals(eventId))
                    .toList();
            if (!RuleFacts.of(remaining).inconsistentEventIds().isEmpty()) {
                return;
            }
            record(on, new MilestoneRetracted(journeyId, eventId, pick(RETRACTION_REASONS)));
            String start = startOfEnd.get(eventId);
            if (start != null && chance(0.4)) {
                at(on.plusDays(random.nextInt(31)), date -> retract(date, start));
            }
        }

        // --- recording ----------------------------------------------------------------------------------------

        /** Records a milestone if the journey is open and the date lies between arrival and the horizon. */
        private String milestone(LocalDate on, MilestoneEvent event) {
            if (on.isBefore(arrival) || on.isAfter(horizon) || facts().closed()) {
                return null;
            }
            String eventId = record(on, event);
            if (!(event instanceof JourneyReopened) && chance(RETRACTION_CHANCE)) {
                at(on.plusDays(random.nextInt(61)), date -> retract(date, eventId));
            }
            return eventId;
        }

        private String record(LocalDate on, JourneyEvent event) {
            if (cursor != null && on.isBefore(cursor)) {
                throw new IllegalStateException("recorded out of date order: " + on + " after " + cursor);
            }
            String eventId = uuid(random).toString();
            long sequence = entries.size();
            entries.add(new Entry(eventId, sequence, on, event));
            state = state.with(new RecordedEvent(eventId, sequence, event));
            cursor = on;
            return eventId;
        }

        private RuleFacts facts() {
            return state.facts();
        }

        private OutcomeStatus status() {
            RuleFacts facts = facts();
            List<PairedEpisode> employments = facts.episodes().stream()
                    .filter(e -> e.open() && e.kind() == EpisodeKind.EMPLOYMENT)
                    .toList();
            if (employments.stream()
                    .anyMatch(
                            e -> ((EmploymentStarted) e.start().event()).employmentType() == EmploymentType.REGULAR)) {
                return OutcomeStatus.EMPLOYED;
            }
            return !employments.isEmpty()
                    ? OutcomeStatus.SUBSIDISED_EMPLOYMENT
                    : open(facts, EpisodeKind.BUSINESS)
                            ? OutcomeStatus.SELF_EMPLOYED
                            : open(facts, EpisodeKind.STUDIES)
                                    ? OutcomeStatus.STUDYING
                                    : open(facts, EpisodeKind.FINANCIAL_ASSISTANCE)
                                            ? OutcomeStatus.FINANCIAL_ASSISTANCE
                                            : OutcomeStatus.UNKNOWN;
        }

        private static boolean open(RuleFacts facts, EpisodeKind kind) {
            return facts.episodes().stream().anyMatch(e -> e.open() && e.kind() == kind);
        }

        // --- planning and chance ------------------------------------------------------------------------------

        private void at(LocalDate on, Action action) {
            plan.add(new Planned(on.isBefore(cursor) ? cursor : on, planned++, action));
        }

        private LocalDate days(int from, int to) {
            return arrival.plusDays(from + random.nextInt(to - from + 1));
        }

        private boolean chance(double p) {
            return random.nextDouble() < p;
        }

        private int weighted(int[] weights) {
            int total = 0;
            for (int weight : weights) {
                total += weight;
            }
            int dice = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                dice -= weights[i];
                if (dice < 0) {
                    return i;
                }
            }
            throw new IllegalStateException();
        }

        private <T> T pick(T[] options) {
            return options[random.nextInt(options.length)];
        }

        private Set<ActionPlanGoal> goals() {
            EnumSet<ActionPlanGoal> goals = EnumSet.of(ActionPlanGoal.LANGUAGE);
            for (ActionPlanGoal goal : ActionPlanGoal.values()) {
                if (chance(0.5)) {
                    goals.add(goal);
                }
            }
            return Collections.unmodifiableSet(goals);
        }

        private String name(int script) {
            if (script < 5) {
                return pick(LATIN_GIVEN) + " " + pick(LATIN_FAMILY);
            }
            if (script < 8) {
                return pick(ARABIC_GIVEN) + " " + pick(ARABIC_FAMILY);
            }
            return pick(GEEZ_GIVEN) + " " + pick(GEEZ_FAMILY);
        }

        /** A valid personal identity number (or, one in five, coordination number), or none (15%). */
        private String identityNumber(int birthYear) {
            if (chance(0.15)) {
                return null;
            }
            int day = 1 + random.nextInt(28) + (chance(0.2) ? 60 : 0);
            String nine = String.format(
                    "%02d%02d%02d%03d", birthYear % 100, 1 + random.nextInt(12), day, random.nextInt(1000));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int product = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
                sum += product > 9 ? product - 9 : product;
            }
            return birthYear / 100 + nine + (10 - sum % 10) % 10;
        }

        private static UUID uuid(Random random) {
            return new UUID(
                    (random.nextLong() & ~0xF000L) | 0x4000L,
                    (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        }
    }

    @FunctionalInterface
    private interface Action {
        void run(LocalDate on);
    }

    private record Planned(LocalDate on, int order, Action action) {}
}

package se.integrationjourney.api.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.journey.Journey;
import se.integrationjourney.eventstore.AxonTables;
import se.integrationjourney.projections.journeystate.FindJourneyState;
import se.integrationjourney.projections.journeystate.JourneyState;
import se.integrationjourney.projections.journeystate.JourneyStateQueries;

/**
 * Finds what retention would do now: the journeys whose newest event was stored (the event store's time, not a
 * business date) longer ago than {@code journey.retention.keep-for}, read from the event store a page at a time, and
 * for each its verdict from the person's identity number as the journey-state view shows it.
 */
@Component
public class RetentionPlanner {

    /** Journeys asked of the event store at once. */
    static final int JOURNEYS_PER_QUERY = 1000;

    /** The aggregate type Axon stores a journey's events under: the aggregate class's simple name. */
    private static final String JOURNEY = Journey.class.getSimpleName();

    private final AxonTables tables;
    private final JourneyStateQueries states;
    private final RetentionSettings settings;
    private final Clock clock;

    RetentionPlanner(AxonTables tables, JourneyStateQueries states, RetentionSettings settings, Clock clock) {
        this.tables = tables;
        this.states = states;
        this.settings = settings;
        this.clock = clock;
    }

    /** What retention would do now. */
    public RetentionPlan plan() {
        return plan(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /** What retention would do at {@code now}, as the event store and the journey-state view stand. */
    public RetentionPlan plan(Instant now) {
        Instant before = settings.lastRecordedBefore(now);
        List<RetentionPlan.Candidate> candidates = new ArrayList<>();
        String after = "";
        Map<String, Instant> page;
        do {
            page = tables.lastRecordedBefore(JOURNEY, before, after, JOURNEYS_PER_QUERY);
            for (Map.Entry<String, Instant> last : page.entrySet()) {
                candidates.add(judge(last.getKey(), last.getValue()));
                after = last.getKey();
            }
        } while (page.size() == JOURNEYS_PER_QUERY);
        return new RetentionPlan(now, now.atZone(RetentionSettings.ZONE).toLocalDate(), before, candidates);
    }

    private RetentionPlan.Candidate judge(String aggregateId, Instant lastRecordedAt) {
        UUID journeyId = UUID.fromString(aggregateId);
        Optional<JourneyState> state = states.handle(new FindJourneyState(journeyId));
        if (state.isEmpty()) {
            return new RetentionPlan.Candidate(journeyId, null, lastRecordedAt, RetentionPlan.Verdict.NOT_IN_VIEW);
        }
        PersonalDetails details = state.get().personalDetails();
        RetentionPlan.Verdict verdict;
        if (details == null || details.fullName() == null && details.personalIdentityNumber() == null) {
            verdict = RetentionPlan.Verdict.NOTHING_TO_ERASE;
        } else if (ResearchBirthDays.keptForResearch(details.personalIdentityNumber())) {
            verdict = RetentionPlan.Verdict.KEEP_FOR_RESEARCH;
        } else {
            verdict = RetentionPlan.Verdict.ERASE;
        }
        return new RetentionPlan.Candidate(journeyId, state.get().municipalityCode(), lastRecordedAt, verdict);
    }
}

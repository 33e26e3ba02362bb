package se.integrationjourney.api.journeys;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.stereotype.Component;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.security.JourneyAccess;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.DecideAgain;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.core.commands.Recorded;
import se.integrationjourney.projections.journeystate.FindJourneyState;
import se.integrationjourney.projections.journeystate.JourneyMatch;
import se.integrationjourney.projections.journeystate.JourneyState;
import se.integrationjourney.projections.journeystate.JourneyStateQueries;
import se.integrationjourney.projections.timeline.FindTimeline;
import se.integrationjourney.projections.timeline.Timeline;
import se.integrationjourney.projections.timeline.TimelineQueries;

/**
 * What people do with journeys, for the API and the web application alike: register, record, read the state and
 * the timeline, each with the municipality rule checked and every read of a case put in the access log. Refusals
 * are exceptions both can show: {@code JourneyRuleViolation} (a rule of the journey), {@link JourneyChangedMeanwhile},
 * {@link ApiException} (403, 404).
 */
@Component
public class JourneyService {

    /** How long a read waits for the journey view to show what was just recorded. */
    private static final Duration FRESHNESS_WAIT = Duration.ofSeconds(2);

    /**
     * How long a read waits for the view to show a journey the event store already holds (one just registered): a
     * busy machine can hold the view back for seconds, and "no such journey" would then be false.
     */
    private static final Duration FIRST_SIGHT_WAIT = Duration.ofSeconds(15);

    private final CommandGateway commands;
    private final JourneyStateQueries states;
    private final TimelineQueries timelines;
    private final JourneyAccess access;
    private final JourneyDirectory directory;
    private final AccessLog accessLog;

    JourneyService(
            CommandGateway commands,
            JourneyStateQueries states,
            TimelineQueries timelines,
            JourneyAccess access,
            JourneyDirectory directory,
            AccessLog accessLog) {
        this.commands = commands;
        this.states = states;
        this.timelines = timelines;
        this.access = access;
        this.directory = directory;
        this.accessLog = accessLog;
    }

    /**
     * Registers a newcomer in {@code municipalityCode}, if the user may: {@code registration} makes the command for
     * the new journey's id. @return the journey's id
     */
    public UUID register(JourneyUser user, String municipalityCode, Function<UUID, ?> registration) {
        access.requireMunicipality(user, municipalityCode);
        UUID journeyId = UUID.randomUUID();
        send(journeyId, registration.apply(journeyId));
        return journeyId;
    }

    /**
     * Records on an existing journey, if the user may act on it: {@code command} makes the command for the expected
     * version ({@code null}: whatever the journey's version is).
     */
    public Recorded record(JourneyUser user, UUID journeyId, Long expectedVersion, Function<Long, ?> command) {
        requireAccess(user, journeyId);
        return (Recorded) send(journeyId, command.apply(expectedVersion));
    }

    /**
     * The journey as it stands, once the view shows at least the journey's current version (or after a short wait,
     * as it is: its version says how current it is). The read is recorded as {@code resource}.
     */
    public JourneyState state(JourneyUser user, UUID journeyId, String resource) {
        requireAccess(user, journeyId);
        long version = directory.versionOf(journeyId);
        JourneyState state = freshState(journeyId, version).orElseThrow(JourneyService::noSuchJourney);
        accessLog.journeyRead(user.actor(), AccessAction.JOURNEY_READ, resource, journeyId);
        return state;
    }

    /** Every event of the journey as recorded, read from the event store; recorded as {@code resource}. */
    public Timeline timeline(JourneyUser user, UUID journeyId, String resource) {
        Timeline timeline = timelines.handle(new FindTimeline(journeyId)).orElseThrow(JourneyService::noSuchJourney);
        access.requireMunicipality(user, timeline.municipalityCode());
        accessLog.journeyRead(user.actor(), AccessAction.TIMELINE_READ, resource, journeyId);
        return timeline;
    }

    /** The journey's current version (the sequence number of its newest event). */
    public long versionOf(JourneyUser user, UUID journeyId) {
        requireAccess(user, journeyId);
        return directory.versionOf(journeyId);
    }

    /**
     * The journeys, in any municipality, of the person with this identity number (12 digits), as the view knows
     * them: for the duplicate check at registration and for finding a case. No names: only ids and municipalities.
     */
    public List<JourneyMatch> withPersonalIdentityNumber(String normalisedNumber) {
        return states.withPersonalIdentityNumber(normalisedNumber);
    }

    /** @throws ApiException 404 if there is no such journey (for work not done on a user's behalf: erasure) */
    public void requireExists(UUID journeyId) {
        directory.municipalityOf(journeyId).orElseThrow(JourneyService::noSuchJourney);
    }

    /** @throws ApiException 404 if there is no such journey, 403 if the user may not act on it */
    public void requireAccess(JourneyUser user, UUID journeyId) {
        String municipality = directory.municipalityOf(journeyId).orElseThrow(JourneyService::noSuchJourney);
        access.requireMunicipality(user, municipality);
    }

    /**
     * Sends the command, decided again on the journey as stored when its decision was refused for a state that had
     * changed (this node's cached journey behind another node's write, or another request first): the caller hears
     * a decision on fresh state (docs/adr/0021-several-nodes-requests.md).
     */
    private Object send(UUID journeyId, Object command) {
        return DecideAgain.onFreshState(() -> sendOnce(journeyId, command));
    }

    private Object sendOnce(UUID journeyId, Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (ConflictingAggregateVersionException stale) {
            // Judged against the journey as loaded, which may be this node's cached copy, behind the store: the
            // If-Match stands refused only if the journey as stored is not at the expected version either.
            long stored = directory.versionOf(journeyId);
            if (stored == stale.getExpectedVersion()) {
                throw new DecideAgain.StaleDecision(JourneyChangedMeanwhile.atTheSameMoment());
            }
            throw JourneyChangedMeanwhile.sinceVersion(stored);
        } catch (ConcurrencyException overtaken) {
            // The store's unique (journey, sequence number) refused the append: nothing of it was stored, and the
            // refusal rolled the journey out of this node's cache, so the next decision reloads it.
            throw new DecideAgain.StaleDecision(JourneyChangedMeanwhile.atTheSameMoment());
        } catch (AggregateNotFoundException missing) {
            throw noSuchJourney();
        }
    }

    private Optional<JourneyState> freshState(UUID journeyId, long version) {
        long start = System.nanoTime();
        Optional<JourneyState> state = states.handle(new FindJourneyState(journeyId));
        while ((state.isEmpty() || state.get().version() < version)
                && System.nanoTime() - start < (state.isEmpty() ? FIRST_SIGHT_WAIT : FRESHNESS_WAIT).toNanos()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // a poll, not a timing assumption
            state = states.handle(new FindJourneyState(journeyId));
        }
        return state;
    }

    private static ApiException noSuchJourney() {
        return new ApiException(Problems.NOT_FOUND, "No journey with that id");
    }
}

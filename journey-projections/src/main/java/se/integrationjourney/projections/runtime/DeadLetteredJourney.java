package se.integrationjourney.projections.runtime;

import java.time.Instant;

/**
 * A journey whose events wait in a view's dead-letter queue: the first of them failed, the others queue behind it so
 * that the view stays consistent per journey. No personal data: the cause is the sanitized description.
 *
 * @param journeyId   the journey
 * @param eventType   the failed event's type
 * @param position    the failed event's global index in the store, when known
 * @param cause       why it failed: exception type, SQL state, event and journey, never a message
 * @param enqueuedAt  when it was put in the queue
 * @param lastTouched when it was last tried
 * @param events      how many of the journey's events wait, the failed one included
 */
public record DeadLetteredJourney(
        String journeyId,
        String eventType,
        Long position,
        String cause,
        Instant enqueuedAt,
        Instant lastTouched,
        int events) {}

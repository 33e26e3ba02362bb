package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person's status at a follow-up after the establishment period; a follow-up at 24 months decides the two-years-
 * after outcome.
 *
 * @param monthsAfterEstablishment months after the establishment end, 0 to 120
 */
@Revision("1")
public record FollowUpRecorded(
        UUID journeyId, LocalDate occurredOn, int monthsAfterEstablishment, OutcomeStatus status, FollowUpSource source)
        implements MilestoneEvent {}

package se.integrationjourney.core.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person's name or identity number was corrected; replaces the registered personal details. A correction, not a
 * milestone, so it has no business date.
 *
 * @param personalDetails the details as they should have been
 */
@Revision("1")
public record PersonalDetailsCorrected(UUID journeyId, PersonalDetails personalDetails) implements JourneyEvent {}

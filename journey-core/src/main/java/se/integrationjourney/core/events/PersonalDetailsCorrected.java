package se.integrationjourney.core.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person's name or identity number was corrected; replaces the registered personal details. A correction, not a
 * milestone, so it has no business date.
 *
 * @param personalDetails the details as they should have been
 * <p>Revision 2: the personal details are stored sealed with the journey's key (the JSON of the class is unchanged;
 * revision 1 stored them in plain text and reads through {@link PersonalDetails1To2Upcaster}).
 */
@Revision("2")
public record PersonalDetailsCorrected(UUID journeyId, PersonalDetails personalDetails) implements JourneyEvent {}

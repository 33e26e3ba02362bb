package se.integrationjourney.core.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The journey's personal data (name, personal identity number) was erased: its key was destroyed in the same
 * transaction, so the stored details can no longer be read, and views drop the plain text they held. Everything
 * else stays, so the statistics do not move. Not a milestone: it has no business date and cannot be retracted.
 */
@Revision("1")
public record PersonalDataErased(UUID journeyId, ErasureReason reason) implements JourneyEvent {}

package se.integrationjourney.api.privacy;

import java.util.UUID;
import se.integrationjourney.api.accesslog.Actor;
import se.integrationjourney.core.events.ErasureReason;

/**
 * Erases a journey's personal data (name, personal identity number): destroys the journey's key and records the
 * erasure as an event, in one transaction, with its access-log entry.
 */
public interface PersonalDataErasure {

    /**
     * @return false when the journey's personal data was already erased (nothing is recorded then)
     * @throws se.integrationjourney.api.web.ApiException 404 when the journey does not exist
     */
    boolean erase(UUID journeyId, ErasureReason reason, Actor actor);
}

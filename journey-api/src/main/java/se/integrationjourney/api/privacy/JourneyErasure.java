package se.integrationjourney.api.privacy;

import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.accesslog.Actor;
import se.integrationjourney.api.commandhandling.CommittedJourneyCache;
import se.integrationjourney.api.journeys.JourneyService;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.DecideAgain;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.core.commands.ErasePersonalData;
import se.integrationjourney.core.events.ErasureReason;
import se.integrationjourney.eventstore.personaldata.JourneyKeys;

/**
 * Erases a journey's personal data: destroys its key, records {@code PersonalDataErased} and the access-log entry,
 * all in one transaction, then drops the journey this node holds in memory (whose history was read with the key).
 * Views drop their plain text when they handle the event.
 */
@Service
public class JourneyErasure implements PersonalDataErasure {

    private final TransactionTemplate transaction;
    private final CommandGateway commands;
    private final JourneyKeys keys;
    private final JourneyService directory;
    private final AccessLog accessLog;
    private final ObjectProvider<CommittedJourneyCache> journeys;

    JourneyErasure(
            TransactionTemplate transaction,
            CommandGateway commands,
            JourneyKeys keys,
            JourneyService directory,
            AccessLog accessLog,
            ObjectProvider<CommittedJourneyCache> journeys) {
        this.transaction = transaction;
        this.commands = commands;
        this.keys = keys;
        this.directory = directory;
        this.accessLog = accessLog;
        this.journeys = journeys;
    }

    @Override
    public boolean erase(UUID journeyId, ErasureReason reason, Actor actor) {
        return erase(journeyId, reason, actor, "retention job");
    }

    /** @param resource the endpoint or page that asked, for the access log */
    public boolean erase(UUID journeyId, ErasureReason reason, Actor actor, String resource) {
        directory.requireExists(journeyId);
        if (keys.destroyed(journeyId)) {
            return false;
        }
        return Boolean.TRUE.equals(DecideAgain.onFreshState(() -> transaction.execute(status -> {
            // The journey decides on its details as they still read, then the key goes: in one transaction.
            try {
                commands.sendAndWait(new ErasePersonalData(journeyId, reason));
            } catch (ConcurrencyException overtaken) {
                // Decided on this node's cached journey while another node recorded on it: nothing was stored, the
                // transaction rolls back, and the erasure is decided again on the journey as stored.
                throw new DecideAgain.StaleDecision(new ApiException(
                        Problems.CONFLICT,
                        "The journey was changed by other requests each time its erasure was decided; nothing was"
                                + " erased. Try again"));
            }
            if (!keys.destroy(journeyId)) {
                status.setRollbackOnly(); // another erasure got there first
                return false;
            }
            accessLog.actOnJourney(actor, AccessAction.PERSONAL_DATA_ERASED, resource, journeyId, reason.name());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    journeys.ifAvailable(cache -> cache.remove(journeyId.toString()));
                }
            });
            return true;
        })));
    }
}

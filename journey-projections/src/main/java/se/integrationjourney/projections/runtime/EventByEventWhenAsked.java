package se.integrationjourney.projections.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The view's handlers, each event in a savepoint with its changes written at once while its batch's segment is
 * {@linkplain SegmentWatch#eventByEvent handled event by event}; otherwise the handlers as they are.
 */
final class EventByEventWhenAsked implements EventMessageHandler {

    private final EventMessageHandler handlers;
    /** The view's handlers object, which may collect a batch's writes ({@link DeferredWrites}). */
    private final Object eventHandlers;

    private final SegmentWatch watch;
    /** The unit-of-work resource under which Axon's processor puts the batch's segment. */
    private final String segmentResource;

    private final DataSource dataSource;

    EventByEventWhenAsked(
            EventMessageHandler handlers,
            Object eventHandlers,
            SegmentWatch watch,
            String segmentResource,
            DataSource dataSource) {
        this.handlers = handlers;
        this.eventHandlers = eventHandlers;
        this.watch = watch;
        this.segmentResource = segmentResource;
        this.dataSource = dataSource;
    }

    @Override
    public Object handle(EventMessage<?> event) throws Exception {
        Integer segment = CurrentUnitOfWork.isStarted()
                ? (Integer) CurrentUnitOfWork.get().root().resources().get(segmentResource)
                : null;
        if (segment == null || !watch.eventByEvent(segment)) {
            return handlers.handle(event);
        }
        // The batch's connection, bound to this thread by its transaction. Spring's nested transactions are not
        // offered by its JPA transaction manager, so the savepoint is taken on the connection itself.
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!DataSourceUtils.isConnectionTransactional(connection, dataSource)) {
                throw new IllegalStateException("a batch handled event by event needs its transaction's connection");
            }
            Savepoint before = connection.setSavepoint();
            try {
                Object result = handlers.handle(event);
                if (eventHandlers instanceof DeferredWrites deferred) {
                    deferred.writeNow();
                }
                connection.releaseSavepoint(before);
                return result;
            } catch (Exception failure) {
                try {
                    connection.rollback(before); // the transaction goes on, so the event can be dead-lettered in it
                } catch (SQLException rollbackFailed) {
                    failure.addSuppressed(rollbackFailed);
                }
                throw failure;
            } finally {
                if (eventHandlers instanceof DeferredWrites deferred) {
                    deferred.discardUnwritten(); // nothing, after writeNow; the failed event's changes otherwise
                }
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @Override
    public boolean canHandle(EventMessage<?> event) {
        return handlers.canHandle(event);
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return handlers.canHandleType(payloadType);
    }

    @Override
    public Class<?> getTargetType() {
        return handlers.getTargetType();
    }

    @Override
    public boolean supportsReset() {
        return handlers.supportsReset();
    }
}

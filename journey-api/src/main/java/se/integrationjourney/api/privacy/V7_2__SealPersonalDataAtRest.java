package se.integrationjourney.api.privacy;

import java.sql.PreparedStatement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.eventstore.personaldata.MasterKey;
import se.integrationjourney.eventstore.personaldata.StoredPlainTextSealing;

/**
 * Seals, once, the names and identity numbers that history stored in plain text before revision 2 (events and dead
 * letters), in the migration's transaction, and records that it ran in the access log. A Spring bean, which Flyway
 * runs in version order with the SQL migrations, because it needs the operator's master key.
 */
@Component
class V7_2__SealPersonalDataAtRest extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V7_2__SealPersonalDataAtRest.class);

    private final MasterKey masterKey;

    V7_2__SealPersonalDataAtRest(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    @Override
    public void migrate(Context context) throws Exception {
        StoredPlainTextSealing.Sealed sealed = new StoredPlainTextSealing(masterKey)
                .run(context.getConnection(), PersonalDataAtRestConfiguration.SEALED_TYPES);
        try (PreparedStatement entry = context.getConnection()
                .prepareStatement("insert into access_log (username, roles, action, resource, subject)"
                        + " values ('flyway', 'SYSTEM', ?, 'migration V7_2', ?)")) {
            entry.setString(1, AccessAction.PERSONAL_DATA_SEALED.name());
            entry.setString(
                    2,
                    sealed.events() + " events and " + sealed.deadLetters() + " dead letters of " + sealed.journeys()
                            + " journeys");
            entry.executeUpdate();
        }
        LOG.info(
                "Sealed the personal details stored in plain text: {} events and {} dead letters of {} journeys",
                sealed.events(),
                sealed.deadLetters(),
                sealed.journeys());
    }
}

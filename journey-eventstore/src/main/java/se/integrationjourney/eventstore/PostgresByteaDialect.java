package se.integrationjourney.eventstore;

import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * PostgreSQL dialect that stores JPA {@code @Lob byte[]} columns as {@code bytea}.
 *
 * <p>Axon's entities (events, snapshots, tokens, dead letters) annotate their serialized payloads with
 * {@code @Lob}. Hibernate maps that to PostgreSQL large objects ({@code oid}) by default: every payload
 * then lives in {@code pg_largeobject}, reads need an extra lookup each, and deleting a row leaks the
 * object. Storing the bytes inline as {@code bytea} avoids all of that. See
 * {@code docs/adr/0002-event-store-schema.md}.
 */
public class PostgresByteaDialect extends PostgreSQLDialect {

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        // Bind and read @Lob byte[] values as plain bytes, not through the large-object API.
        typeContributions
                .getTypeConfiguration()
                .getJdbcTypeRegistry()
                .addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
    }
}

package se.integrationjourney.projections.casefile;

import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.eventstore.DatabaseFailures;

/** One physical table of a case-file view (live or rebuild copy): reads case files, writes them with the view's columns. */
final class CaseFileTable {

    /** Rows per JDBC batch when many case files are written at once (a rebuild's write-out). */
    private static final int ROWS_PER_STATEMENT_BATCH = 2_000;
    /** PostgreSQL's binary COPY header: signature, flags, header extension length. */
    private static final byte[] COPY_SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    /** Days from 1970-01-01 (Java's epoch) to 2000-01-01 (PostgreSQL's). */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    /** The column types {@link #copyInOwnTransaction} can encode. */
    private static final Set<String> COPYABLE_TYPES = Set.of(
            "uuid", "text", "varchar", "bpchar", "date", "bool", "int2", "int4", "int8", "json", "jsonb", "bytea");

    private final JdbcTemplate jdbc;
    private final String table;
    private final CaseFileProjection view;

    CaseFileTable(JdbcTemplate jdbc, String table, CaseFileProjection view) {
        this.jdbc = jdbc;
        this.table = table;
        this.view = view;
    }

    String name() {
        return table;
    }

    /** Whether the table holds the whole case file, personal data included ({@link CaseFileProjection#keepsWholeCaseFile}). */
    boolean wholeCaseFile() {
        return view.keepsWholeCaseFile();
    }

    /** The stored case files of those journeys that have a row; one query. */
    Map<UUID, CaseFile> load(Collection<UUID> journeys) {
        Map<UUID, CaseFile> files = new HashMap<>();
        if (journeys.isEmpty()) {
            return files;
        }
        jdbc.query(
                "select case_file::text from " + table + " where journey_id = any(?)",
                row -> {
                    CaseFile file = CaseFileJson.read(row.getString(1));
                    files.put(file.journeyId(), file);
                },
                (Object) journeys.toArray(UUID[]::new));
        return files;
    }

    /**
     * Lets the caller's transaction commit without waiting for its WAL to reach the disk
     * ({@code synchronous_commit = off}, for this transaction only). For work that is abandoned after a crash anyway
     * (a rebuild's batches): a later synchronous commit, such as the swap's, makes it durable.
     */
    void commitWithoutWaitingForDisk() {
        jdbc.execute("set local synchronous_commit = off");
    }

    /** Upserts the case files, in JDBC batches, in a transaction of their own on the calling thread. */
    void storeInOwnTransaction(Collection<CaseFile> files) {
        transactions().executeWithoutResult(status -> store(files));
    }

    /** Upserts the case files, in JDBC batches, within the caller's transaction. */
    void store(Collection<CaseFile> files) {
        List<CaseFile> chunk = new ArrayList<>(Math.min(files.size(), ROWS_PER_STATEMENT_BATCH));
        for (CaseFile file : files) {
            chunk.add(file);
            if (chunk.size() == ROWS_PER_STATEMENT_BATCH) {
                view.store(jdbc, table, chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            view.store(jdbc, table, chunk);
        }
    }

    /**
     * Upserts the case files within the caller's transaction like {@link #store}, except that a case file whose row
     * the database refuses (text it cannot hold, a constraint) does not fail the others: a refused write is taken
     * back to its savepoint and written again in halves, down to the refused case files. A failure that is not
     * about the rows (the connection lost, say) is thrown.
     *
     * @return the journeys whose rows were refused, none written
     */
    Set<UUID> storeAllItCan(Collection<CaseFile> files) {
        Connection connection = DataSourceUtils.getConnection(dataSource());
        Set<UUID> refused = new HashSet<>();
        storeInHalves(connection, new ArrayList<>(files), refused);
        return refused;
    }

    /** {@link #storeAllItCan} in a transaction of its own. */
    Set<UUID> storeAllItCanInOwnTransaction(Collection<CaseFile> files) {
        return transactions().execute(status -> storeAllItCan(files));
    }

    /** Deletes the journeys' rows, in a transaction of its own. */
    void deleteInOwnTransaction(Collection<UUID> journeys) {
        transactions()
                .executeWithoutResult(status -> jdbc.update(
                        "delete from " + table + " where journey_id = any(?)", (Object) journeys.toArray(UUID[]::new)));
    }

    private void storeInHalves(Connection connection, List<CaseFile> files, Set<UUID> refused) {
        if (files.isEmpty()) {
            return;
        }
        try {
            Savepoint before = connection.setSavepoint();
            try {
                store(files);
                connection.releaseSavepoint(before);
            } catch (RuntimeException failure) {
                if (!DatabaseFailures.refusesRows(failure)) {
                    throw failure;
                }
                connection.rollback(before);
                if (files.size() == 1) {
                    refused.add(files.get(0).journeyId());
                    return;
                }
                int half = files.size() / 2;
                storeInHalves(connection, files.subList(0, half), refused);
                storeInHalves(connection, files.subList(half, files.size()), refused);
            }
        } catch (SQLException savepointFailed) {
            throw new IllegalStateException("a savepoint on " + table + " failed", savepointFailed);
        }
    }

    /**
     * Whether {@link #copyInOwnTransaction} can fill this table: the view names its columns
     * ({@link CaseFileProjection#columns()}) and each is of a type this class encodes.
     */
    boolean copyable() {
        if (view.columns().isEmpty()) {
            return false;
        }
        Map<String, String> types = columnTypes();
        List<String> columns = copiedColumns();
        return columns.stream().allMatch(column -> COPYABLE_TYPES.contains(types.get(column)));
    }

    /**
     * Adds the rows of registered journeys' case files with one {@code COPY … (format binary)}, in a transaction
     * of its own on the calling thread: much cheaper for PostgreSQL than upserts (no conflict check, no statement
     * per row). Only for a table without rows of these journeys: a rebuild's fresh copy. The case files come in
     * chunks, {@code documents} giving each chunk's JSON (shared by the tables written at once, so that each case
     * file is serialized once).
     *
     * @param chunks    the case files, in chunks
     * @param documents the JSON of the case files of the chunk with that index, in the chunk's order
     */
    void copyInOwnTransaction(List<List<CaseFile>> chunks, IntFunction<CaseFileJson.Documents[]> documents) {
        Map<String, String> typeByColumn = columnTypes();
        List<String> columns = copiedColumns();
        String[] types = columns.stream().map(typeByColumn::get).toArray(String[]::new);
        boolean whole = wholeCaseFile();
        DataSource dataSource = dataSource();
        transactions().executeWithoutResult(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                PGCopyOutputStream copy = new PGCopyOutputStream(
                        connection.unwrap(PGConnection.class),
                        "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format binary)",
                        1 << 16);
                try (DataOutputStream out = new DataOutputStream(copy)) {
                    out.write(COPY_SIGNATURE);
                    out.writeInt(0);
                    out.writeInt(0);
                    for (int index = 0; index < chunks.size(); index++) {
                        List<CaseFile> chunk = chunks.get(index);
                        CaseFileJson.Documents[] json = documents.apply(index);
                        for (int file = 0; file < chunk.size(); file++) {
                            if (chunk.get(file).registered()) {
                                writeRow(out, types, view.values(chunk.get(file)), json[file].of(whole));
                            }
                        }
                    }
                    out.writeShort(-1);
                }
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("copying case files into " + table + " failed", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
    }

    /** One row of a binary COPY: the view's values, then the case file's JSON. */
    private static void writeRow(DataOutputStream out, String[] types, Object[] values, byte[] caseFile)
            throws IOException {
        out.writeShort(values.length + 1);
        for (int column = 0; column < values.length; column++) {
            writeValue(out, types[column], values[column]);
        }
        writeValue(out, types[values.length], caseFile);
    }

    /** A value in PostgreSQL's binary format for the column's type (its "send" form), preceded by its length. */
    private static void writeValue(DataOutputStream out, String type, Object value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        switch (type) {
            case "uuid" -> {
                UUID uuid = value instanceof UUID id ? id : UUID.fromString(value.toString());
                out.writeInt(16);
                out.writeLong(uuid.getMostSignificantBits());
                out.writeLong(uuid.getLeastSignificantBits());
            }
            case "date" -> {
                LocalDate date = value instanceof java.sql.Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) value;
                out.writeInt(4);
                out.writeInt(Math.toIntExact(date.toEpochDay() - POSTGRES_EPOCH_DAY));
            }
            case "bool" -> {
                out.writeInt(1);
                out.writeByte((Boolean) value ? 1 : 0);
            }
            case "int2" -> {
                out.writeInt(2);
                out.writeShort((int) integral(value, Short.MIN_VALUE, Short.MAX_VALUE));
            }
            case "int4" -> {
                out.writeInt(4);
                out.writeInt((int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
            }
            case "int8" -> {
                out.writeInt(8);
                out.writeLong(integral(value, Long.MIN_VALUE, Long.MAX_VALUE));
            }
            case "jsonb" -> {
                byte[] text = text(value);
                out.writeInt(text.length + 1);
                out.writeByte(1); // jsonb's binary format: a version byte, then the text
                out.write(text);
            }
            default -> { // text, varchar, bpchar, json: the text; bytea: the bytes
                byte[] text = text(value);
                out.writeInt(text.length);
                out.write(text);
            }
        }
    }

    private static long integral(Object value, long min, long max) {
        long number = value instanceof BigDecimal decimal ? decimal.longValueExact() : ((Number) value).longValue();
        if (number < min || number > max || (value instanceof Double || value instanceof Float)) {
            throw new IllegalArgumentException("not a whole number of the column's range: " + value);
        }
        return number;
    }

    private static byte[] text(Object value) {
        return value instanceof byte[] bytes ? bytes : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The view's columns and {@code case_file}, as copied. */
    private List<String> copiedColumns() {
        List<String> columns = new ArrayList<>(view.columns());
        columns.add("case_file");
        return columns;
    }

    /** Each column's type name ({@code pg_type.typname}). */
    private Map<String, String> columnTypes() {
        Map<String, String> types = new HashMap<>();
        jdbc.query(
                "select a.attname, t.typname from pg_attribute a join pg_type t on t.oid = a.atttypid"
                        + " where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped",
                row -> {
                    types.put(row.getString(1), row.getString(2));
                },
                table);
        return types;
    }

    private TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
    }

    private DataSource dataSource() {
        DataSource dataSource = jdbc.getDataSource();
        if (dataSource == null) {
            throw new IllegalStateException("the view's JdbcTemplate has no data source");
        }
        return dataSource;
    }
}

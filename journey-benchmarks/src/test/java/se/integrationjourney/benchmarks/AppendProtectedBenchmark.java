package se.integrationjourney.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.PersonalDetailsCorrected;
import se.integrationjourney.eventstore.AppendLinks;
import se.integrationjourney.eventstore.personaldata.JourneyKeys;
import se.integrationjourney.eventstore.personaldata.PersonalDataSealingSerializer;
import se.integrationjourney.projections.runtime.ProjectionRunner;
import se.integrationjourney.projections.testsupport.ThrowawayDatabase;

/**
 * What protecting the stored events costs an append (issue 18): the service as shipped, which seals names and
 * identity numbers with the journey's key ({@code PersonalDataSealingSerializer}, the key stored in the append's
 * transaction) and links each event into its journey's hash chain as it inserts it ({@code AppendLinks}; the
 * schema's row trigger fills a link only where an insert leaves it out), against the same service without either,
 * measured in the same run:
 * <ol>
 *     <li>protected: the application as shipped, on a throwaway database of its own, with whatever triggers its
 *     schema has on {@code domain_event_entry};</li>
 *     <li>baseline: the same application on a second throwaway database, with {@link PlainEvents} given to the
 *     application builder (overriding the beans {@code eventSerializer}, by Axon's plain Jackson 3 serializer, the
 *     one the sealing serializer wraps, {@code personalDataCheck}, which would refuse it, and {@code appendLinks}, by
 *     {@code AppendLinks.LEFT_TO_THE_DATABASE}, so that the event store computes no link; bean overriding is
 *     allowed for this instance only), and that database's user triggers on {@code domain_event_entry} disabled
 *     after start-up. A column the trigger fills and that may not be null ({@code chain_hash}) is made nullable
 *     there too, or the baseline's inserts would be refused. Both are table settings of the benchmark's own
 *     database, not server settings.</li>
 * </ol>
 * Both run side by side in this JVM (so the JIT compiles the common command path once, for both), with the views
 * stopped. Each is warmed up as {@link AppendBenchmark}'s in-process warm-up (until the JIT compilers are nearly
 * idle, at most {@code benchmark.protected.warmup.seconds}), then measured runs alternate, protected then baseline,
 * {@code benchmark.protected.runs} times, so that the machine's noise hits both alike. Each pair of runs loads the
 * same fresh synthetic journeys (the two databases are separate), {@link CommandSideLoader}, one event per command.
 * Reported: the median of each one's runs (events/s, p50 and p99 per command) and protected / baseline.
 *
 * <p>After the runs the stored rows are checked, and the benchmark fails if they are not what is compared: every
 * registration and correction stored sealed by the protected instance and plain by the baseline, and, when the
 * schema has a {@code chain_hash} column, every protected event with a link.
 *
 * <p>Settings (system properties): {@code benchmark.protected.seconds} (20 per run),
 * {@code benchmark.protected.runs} (3 of each), {@code benchmark.protected.threads} (8),
 * {@code benchmark.protected.journeys} (at most this many per run, 600 per second of a run by default),
 * {@code benchmark.protected.warmup.seconds} (at most 60 for each instance; at least 20).
 */
final class AppendProtectedBenchmark {

    static final String NAME = "append-protected";

    private static final int SECONDS = Integer.getInteger("benchmark.protected.seconds", 20);
    private static final int RUNS = Integer.getInteger("benchmark.protected.runs", 3);
    private static final int THREADS = Integer.getInteger("benchmark.protected.threads", 8);
    private static final int JOURNEYS = Integer.getInteger("benchmark.protected.journeys", SECONDS * 600);
    private static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.protected.warmup.seconds", 60);
    private static final double TARGET = 0.8;
    /** The column the hash chain's trigger fills (V7_3__event_hash_chain.sql), when the schema has it. */
    private static final String CHAIN_COLUMN = "chain_hash";
    /** Axon's columns of the event table: any other one is the service's own (the chain's link). */
    private static final List<String> AXON_COLUMNS = List.of(
            "global_index",
            "event_identifier",
            "type",
            "aggregate_identifier",
            "sequence_number",
            "time_stamp",
            "payload_type",
            "payload_revision",
            "payload",
            "meta_data");

    private AppendProtectedBenchmark() {}

    /**
     * The baseline's replacements: events stored as Axon's Jackson 3 serializer writes them (the general
     * serializer, as Axon itself would give events with {@code axon.serializer.events=jackson3}), and a start-up
     * check that no longer refuses that (it still checks the master key, as the shipped one does). Given to the
     * baseline's application builder only.
     */
    // No @Configuration: component scanning would then add it to every context of this module's tests; it is given
    // to the baseline instance's builder as a source only.
    static class PlainEvents {

        @Bean
        @Qualifier("eventSerializer")
        Serializer eventSerializer(@Qualifier("serializer") Serializer general) {
            return general;
        }

        @Bean
        SmartInitializingSingleton personalDataCheck(JourneyKeys keys) {
            return keys::checkMasterKey;
        }

        @Bean
        AppendLinks appendLinks() {
            return AppendLinks.LEFT_TO_THE_DATABASE;
        }
    }

    static List<Figure> run(BenchmarkContext context) throws Exception {
        ThrowawayDatabase protectedDatabase = ThrowawayDatabase.named();
        ThrowawayDatabase baselineDatabase = ThrowawayDatabase.named();
        try {
            return measure(context, protectedDatabase, baselineDatabase);
        } finally {
            try {
                protectedDatabase.destroy();
            } finally {
                baselineDatabase.destroy();
            }
        }
    }

    private static List<Figure> measure(
            BenchmarkContext context, ThrowawayDatabase protectedDatabase, ThrowawayDatabase baselineDatabase)
            throws Exception {
        List<AppendBenchmark.Run> protectedRuns = new ArrayList<>();
        List<AppendBenchmark.Run> baselineRuns = new ArrayList<>();
        boolean chained;
        try (ConfigurableApplicationContext shipped = BenchmarkApplication.start(protectedDatabase);
                ConfigurableApplicationContext plain = BenchmarkApplication.start(
                        baselineDatabase,
                        List.of(PlainEvents.class),
                        "--spring.main.allow-bean-definition-overriding=true")) {
            shipped.getBean(ProjectionRunner.class).stop();
            plain.getBean(ProjectionRunner.class).stop();
            Serializer sealing = eventSerializer(shipped);
            Serializer jackson = eventSerializer(plain);
            if (!(sealing instanceof PersonalDataSealingSerializer) || !(jackson instanceof Jackson3Serializer)) {
                throw new IllegalStateException("the event serializers are " + name(sealing) + " (protected) and "
                        + name(jackson) + " (baseline), not PersonalDataSealingSerializer and Jackson3Serializer");
            }
            chained = hasColumn(protectedDatabase, CHAIN_COLUMN);
            String shippedTriggers = triggers(protectedDatabase);
            String unprotected = withoutTriggers(baselineDatabase);
            context.note(
                    "%s: two instances of the application in this JVM, views stopped while appending; protected:"
                            + " event serializer %s, triggers on domain_event_entry: %s, %s column %s; baseline:"
                            + " event serializer %s (beans eventSerializer, personalDataCheck and appendLinks overridden), on its"
                            + " database %s, triggers now: %s",
                    NAME,
                    name(sealing),
                    shippedTriggers,
                    CHAIN_COLUMN,
                    chained ? "present" : "absent (no hash chain in this schema)",
                    name(jackson),
                    unprotected,
                    triggers(baselineDatabase));

            AppendBenchmark.Journeys journeys = new AppendBenchmark.Journeys(context.seed);
            // Both warm up on the same journeys (each in its own database); the JIT's work is mostly shared.
            List<SyntheticHistory.JourneyHistory> warmUp = journeys.lazily(WARM_UP_SECONDS * 500);
            for (ConfigurableApplicationContext application : List.of(shipped, plain)) {
                long compiledBefore = CpuUsage.jitMillis();
                AppendBenchmark.Run run = AppendBenchmark.warmUp(application, warmUp, THREADS, WARM_UP_SECONDS);
                context.note(
                        "%s, %s, warm-up (not measured) until the JIT compilers were nearly idle (%.0f s of"
                                + " compilation meanwhile), %s",
                        NAME,
                        application == shipped ? "protected" : "baseline",
                        (CpuUsage.jitMillis() - compiledBefore) / 1e3,
                        run.describe());
            }

            for (int i = 1; i <= RUNS; i++) {
                long generating = System.nanoTime();
                List<SyntheticHistory.JourneyHistory> fresh = journeys.next(JOURNEYS);
                double generated = (System.nanoTime() - generating) / 1e9;
                AppendBenchmark.Run protectedRun = AppendBenchmark.commandSide(shipped, fresh, THREADS, SECONDS);
                AppendBenchmark.Run baselineRun = AppendBenchmark.commandSide(plain, fresh, THREADS, SECONDS);
                protectedRuns.add(protectedRun);
                baselineRuns.add(baselineRun);
                context.note(
                        "%s, run %d of %d (the same %,d fresh journeys for both, generated in %.1f s beforehand):"
                                + " protected %s; baseline %s; protected / baseline %.2f×",
                        NAME,
                        i,
                        RUNS,
                        JOURNEYS,
                        generated,
                        protectedRun.describe(),
                        baselineRun.describe(),
                        protectedRun.result().eventsPerSecond()
                                / baselineRun.result().eventsPerSecond());
            }
        }
        context.note(
                "%s, stored: protected: %s; baseline: %s",
                NAME, checkStored(protectedDatabase, true, chained), checkStored(baselineDatabase, false, chained));

        double protectedRate = median(protectedRuns, run -> run.result().eventsPerSecond());
        double baselineRate = median(baselineRuns, run -> run.result().eventsPerSecond());
        String benchmark = String.format(
                Locale.ROOT,
                "append, %s, in-process, %d threads (median of %d runs)",
                chained ? "sealed personal data + hash chain" : "sealed personal data (no hash chain in the schema)",
                THREADS,
                RUNS);
        String baseline = "the same, plain Jackson 3 events, no triggers (runs alternating)";
        return List.of(
                new Figure(
                        benchmark,
                        "events/s",
                        protectedRate,
                        baseline,
                        baselineRate,
                        "≥ " + TARGET + "×",
                        protectedRate / baselineRate >= TARGET),
                new Figure(
                        benchmark,
                        "p50 ms",
                        median(protectedRuns, run -> run.result().latencies().percentileMillis(50)),
                        baseline,
                        median(baselineRuns, run -> run.result().latencies().percentileMillis(50)),
                        "",
                        null),
                new Figure(
                        benchmark,
                        "p99 ms",
                        median(protectedRuns, run -> run.result().latencies().percentileMillis(99)),
                        baseline,
                        median(baselineRuns, run -> run.result().latencies().percentileMillis(99)),
                        "",
                        null));
    }

    private static Serializer eventSerializer(ConfigurableApplicationContext application) {
        return application.getBean(org.axonframework.config.Configuration.class).eventSerializer();
    }

    private static String name(Object component) {
        return component == null ? "none" : component.getClass().getSimpleName();
    }

    /** The median of a figure of some runs (the mean of the middle two of an even number). */
    static <T> double median(List<T> runs, ToDoubleFunction<T> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    // --- the databases ----------------------------------------------------------------------------------------

    private static boolean hasColumn(ThrowawayDatabase database, String column) throws SQLException {
        try (Connection connection = BenchmarkContext.connect(database);
                PreparedStatement query = connection.prepareStatement("select exists (select 1 from"
                        + " information_schema.columns where table_schema = current_schema()"
                        + " and table_name = 'domain_event_entry' and column_name = ?)")) {
            query.setString(1, column);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /** The user triggers on the event table, each with whether it fires, e.g. "chain (enabled)"; "none". */
    private static String triggers(ThrowawayDatabase database) throws SQLException {
        List<String> triggers = new ArrayList<>();
        try (Connection connection = BenchmarkContext.connect(database);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select tgname, tgenabled from pg_trigger"
                        + " where tgrelid = 'domain_event_entry'::regclass and not tgisinternal order by tgname")) {
            while (result.next()) {
                triggers.add(result.getString(1) + ("D".equals(result.getString(2)) ? " (disabled)" : " (enabled)"));
            }
        }
        return triggers.isEmpty() ? "none" : String.join(", ", triggers);
    }

    /**
     * Disables the baseline database's user triggers on the event table, and lets the columns only a trigger
     * fills (not Axon's, not null, no default) be null, as the table was before them. Returns what it did.
     */
    private static String withoutTriggers(ThrowawayDatabase database) throws SQLException {
        List<String> done = new ArrayList<>(List.of("alter table domain_event_entry disable trigger user"));
        try (Connection connection = BenchmarkContext.connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(done.get(0));
            List<String> filled = new ArrayList<>();
            try (ResultSet columns = statement.executeQuery("select column_name from information_schema.columns"
                    + " where table_schema = current_schema() and table_name = 'domain_event_entry'"
                    + " and is_nullable = 'NO' and column_default is null and is_identity = 'NO'")) {
                while (columns.next()) {
                    if (!AXON_COLUMNS.contains(columns.getString(1))) {
                        filled.add(columns.getString(1));
                    }
                }
            }
            for (String column : filled) {
                String alter = "alter table domain_event_entry alter column " + column + " drop not null";
                statement.execute(alter);
                done.add(alter);
            }
        }
        return String.join("; ", done);
    }

    /**
     * Checks that the database holds what its instance is meant to store (sealed or plain personal details, and
     * the protected one's chain links) and describes it; fails the benchmark otherwise.
     */
    private static String checkStored(ThrowawayDatabase database, boolean sealed, boolean chained) throws SQLException {
        try (Connection connection = BenchmarkContext.connect(database);
                Statement statement = connection.createStatement()) {
            long withDetails;
            long sealedDetails;
            long plainDetails;
            try (ResultSet result = statement.executeQuery("select count(*),"
                    + " count(*) filter (where details -> 'sealed' is not null),"
                    + " count(*) filter (where details -> 'fullName' is not null and details -> 'sealed' is null)"
                    + " from (select convert_from(payload, 'UTF8')::jsonb -> 'personalDetails' as details"
                    + " from domain_event_entry where payload_type in ('" + NewcomerRegistered.class.getName()
                    + "', '" + PersonalDetailsCorrected.class.getName() + "')) registrations"
                    + " where jsonb_typeof(details) = 'object'")) {
                result.next();
                withDetails = result.getLong(1);
                sealedDetails = result.getLong(2);
                plainDetails = result.getLong(3);
            }
            long events;
            long keys;
            try (ResultSet result = statement.executeQuery(
                    "select (select count(*) from domain_event_entry), (select count(*) from journey_key)")) {
                result.next();
                events = result.getLong(1);
                keys = result.getLong(2);
            }
            String described = String.format(
                    Locale.ROOT,
                    "%,d events, %,d of them with personal details: %,d sealed, %,d plain; %,d journey keys",
                    events,
                    withDetails,
                    sealedDetails,
                    plainDetails,
                    keys);
            boolean expected = withDetails > 0
                    && (sealed ? sealedDetails == withDetails && keys > 0 : plainDetails == withDetails && keys == 0);
            if (chained) {
                try (ResultSet result =
                        statement.executeQuery("select count(" + CHAIN_COLUMN + ") from domain_event_entry")) {
                    result.next();
                    long linked = result.getLong(1);
                    described += String.format(Locale.ROOT, "; %,d with a %s", linked, CHAIN_COLUMN);
                    expected &= !sealed || linked == events;
                }
                if (sealed) {
                    // The links the event store computed, against the chain as the schema's SQL defines it (V7_3).
                    try (ResultSet result = statement.executeQuery("select count(*) from (select " + CHAIN_COLUMN
                            + ", event_chain(event_chain_bytes(aggregate_identifier, sequence_number,"
                            + " event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data, type))"
                            + " over (partition by aggregate_identifier order by sequence_number) as recomputed"
                            + " from domain_event_entry) links where " + CHAIN_COLUMN + " <> recomputed")) {
                        result.next();
                        long wrong = result.getLong(1);
                        described += String.format(Locale.ROOT, ", %,d of them not the link SQL computes", wrong);
                        expected &= wrong == 0;
                    }
                }
            }
            if (!expected) {
                throw new IllegalStateException("The " + (sealed ? "protected" : "baseline")
                        + " instance did not store what the benchmark compares: " + described);
            }
            return described;
        }
    }
}

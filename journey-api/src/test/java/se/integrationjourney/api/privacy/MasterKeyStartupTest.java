package se.integrationjourney.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.integrationjourney.api.JourneyApplication;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.eventstore.MisconfiguredStorageException;
import se.integrationjourney.projections.testsupport.ThrowawayDatabase;

/**
 * The real service on a database of its own: it starts only with a master key that opens the stored keys, makes a
 * key file for a single node on its first start and only then, takes a rotation, and seals older plain-text history
 * once.
 */
class MasterKeyStartupTest {

    private static final String KEY_A = key(1);
    private static final String KEY_B = key(2);
    /** The tests' application.properties gives every context a key; these starts have none. */
    private static final String NO_KEY = "--journey.personal-data.master-key=";

    private final ThrowawayDatabase database = ThrowawayDatabase.named();

    @TempDir
    Path directory;

    @AfterEach
    void dropDatabase() throws Exception {
        database.destroy();
    }

    @Test
    void givenKeysWrappedByOneKey_whenStartedWithAnother_thenRefusedUntilRotatedWithThePreviousKey() {
        start("--journey.personal-data.master-key=" + KEY_A).close();

        assertThat(refusal(() -> start("--journey.personal-data.master-key=" + KEY_B)))
                .contains("does not open the personal-data keys")
                .doesNotContain(KEY_B);

        start("--journey.personal-data.master-key=" + KEY_B, "--journey.personal-data.previous-master-key=" + KEY_A)
                .close();
        start("--journey.personal-data.master-key=" + KEY_B).close();
        assertThat(refusal(() -> start("--journey.personal-data.master-key=" + KEY_A)))
                .contains("does not open the personal-data keys");
    }

    @Test
    void givenNoKey_whenASingleNodeStartsFirst_thenItMakesAKeyFileForItselfAndNoOtherNodeStartsWithout()
            throws Exception {
        Path keyFile = directory.resolve("keys/master.key");
        start(NO_KEY, "--journey.personal-data.created-key-file=" + keyFile).close();

        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(keyFile).trim())).hasSize(32);
        start(NO_KEY, "--journey.personal-data.created-key-file=" + keyFile).close();
        start(NO_KEY, "--journey.personal-data.master-key-file=" + keyFile).close();
        assertThat(refusal(
                        () -> start(NO_KEY, "--journey.personal-data.created-key-file=" + directory.resolve("o.key"))))
                .contains("No master key is given");
    }

    @Test
    void givenPlainTextHistory_whenMigrated_thenSealedOnceAndStillReadAndRecorded() throws Exception {
        try (Connection maintenance = database.maintenanceConnection()) {
            maintenance.createStatement().execute("create database " + database.name());
        }
        Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .locations(
                        "classpath:se/integrationjourney/eventstore",
                        "classpath:se/integrationjourney/projections",
                        "classpath:db/migration")
                .target("6.2")
                .load()
                .migrate();
        UUID journey = UUID.fromString("6c1f0e52-4b7a-4d1e-9a53-0f3c2b9d8e71");
        String golden = new String(
                getClass()
                        .getResourceAsStream("/golden-events/NewcomerRegistered-revision-1.json")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry"
                        + " (event_identifier, type, aggregate_identifier, sequence_number, time_stamp, payload_type,"
                        + " payload_revision, payload, meta_data) values (?, 'Journey', ?, 0, '2024-03-15T10:00:00Z',"
                        + " ?, '1', ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, journey.toString());
            insert.setString(3, NewcomerRegistered.class.getName());
            insert.setBytes(4, golden.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }

        try (ConfigurableApplicationContext service = start("--journey.personal-data.master-key=" + KEY_A)) {
            try (Connection connection = connect();
                    ResultSet row = connection
                            .createStatement()
                            .executeQuery("select payload_revision, convert_from(payload, 'UTF8')"
                                    + " from domain_event_entry")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("2");
                assertThat(row.getString(2)).contains("\"sealed\"").doesNotContain("Åström");
            }
            NewcomerRegistered read = (NewcomerRegistered) service.getBean(EventStore.class)
                    .readEvents(journey.toString())
                    .next()
                    .getPayload();
            assertThat(read.personalDetails().fullName()).isEqualTo("ሳባ ተስፋይ Åström");
            assertThat(read.personalDetails().personalIdentityNumber()).isEqualTo("191212121212");
            try (Connection connection = connect();
                    ResultSet entry = connection
                            .createStatement()
                            .executeQuery("select subject from access_log where action = 'PERSONAL_DATA_SEALED'")) {
                assertThat(entry.next()).isTrue();
                assertThat(entry.getString(1)).isEqualTo("1 events and 0 dead letters of 1 journeys");
            }
        }
    }

    private ConfigurableApplicationContext start(String... settings) {
        String[] arguments = Stream.concat(Stream.of(database.commandLineArguments()), Stream.of(settings))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(JourneyApplication.class)
                .web(WebApplicationType.NONE)
                .run(arguments);
    }

    /** The message of the misconfiguration the start stopped with. */
    private static String refusal(Runnable start) {
        Throwable thrown = catchThrowable(start::run);
        while (thrown != null && !(thrown instanceof MisconfiguredStorageException)) {
            thrown = thrown.getCause();
        }
        assertThat(thrown).as("a start refused for its master key").isNotNull();
        return thrown.getMessage();
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static String key(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return Base64.getEncoder().encodeToString(key);
    }
}

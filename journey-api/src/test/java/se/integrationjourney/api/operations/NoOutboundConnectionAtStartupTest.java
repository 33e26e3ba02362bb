package se.integrationjourney.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.security.Permission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.axonframework.updates.UpdateChecker;
import org.axonframework.updates.detection.TestEnvironmentDetector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.integrationjourney.api.JourneyApplication;
import se.integrationjourney.projections.testsupport.ThrowawayDatabase;

/**
 * Starts the real service as in production and records every network connection the JVM opens meanwhile:
 * the only peer may be the database on this machine.
 *
 * <p>Axon skips its update checker whenever it sees a test framework on the stack, which would make this
 * test pass for the wrong reason; {@code axoniq.usage.force-test-environment} turns that detection off, so
 * the checker is wired exactly as it would be in production, unless the service itself keeps it out.
 */
@SuppressWarnings("removal") // SecurityManager: the one JDK 17 hook that sees every socket connect and lookup
class NoOutboundConnectionAtStartupTest {

    private final ThrowawayDatabase database = ThrowawayDatabase.named();

    @AfterEach
    void dropDatabase() throws Exception {
        database.destroy();
    }

    @Test
    void givenProductionStartUp_whenTheServiceIsReady_thenItHasConnectedToNothingButLoopback() {
        ConnectionRecorder recorder = new ConnectionRecorder();
        String previousDetection = System.getProperty(TestEnvironmentDetector.AXONIQ_USAGE_FORCE_TEST_ENVIRONMENT);
        SecurityManager previousManager = System.getSecurityManager();
        System.setProperty(TestEnvironmentDetector.AXONIQ_USAGE_FORCE_TEST_ENVIRONMENT, "true");
        System.setSecurityManager(recorder);
        List<String> peersAtStartUp;
        String[] arguments = Stream.concat(Stream.of(database.commandLineArguments()), Stream.of("--server.port=0"))
                .toArray(String[]::new);
        try (ConfigurableApplicationContext service =
                new SpringApplicationBuilder(JourneyApplication.class).run(arguments)) {
            peersAtStartUp = List.copyOf(recorder.peers);
            assertThat(service.getBeansOfType(UpdateChecker.class)).isEmpty();
        } finally {
            System.setSecurityManager(previousManager);
            restore(previousDetection);
        }

        assertThat(peersAtStartUp)
                .as("the recorder must have seen the database connections")
                .anySatisfy(peer -> assertThat(peer).endsWith(":5432"));
        assertThat(peersAtStartUp.stream().filter(peer -> !isThisMachine(peer)).toList())
                .isEmpty();
        assertThat(System.getProperty("axoniq.update-checker.disabled")).isEqualTo("true");
    }

    private static void restore(String previousDetection) {
        if (previousDetection == null) {
            System.clearProperty(TestEnvironmentDetector.AXONIQ_USAGE_FORCE_TEST_ENVIRONMENT);
        } else {
            System.setProperty(TestEnvironmentDetector.AXONIQ_USAGE_FORCE_TEST_ENVIRONMENT, previousDetection);
        }
    }

    /**
     * Loopback, this machine's own name and interface addresses, and the wildcard address (asked for when the
     * service reads back its own listening socket) are all this machine. Any other name or address is not: a
     * look-up of a foreign name is already traffic leaving the machine.
     */
    private static boolean isThisMachine(String peer) {
        String host = peer.substring(0, peer.lastIndexOf(':'));
        try {
            if (host.equals("localhost")
                    || host.equals(InetAddress.getLocalHost().getHostName())) {
                return true;
            }
            if (!host.matches("[0-9.]+|[0-9a-fA-F:]+(%\\w+)?")) {
                return false; // a name: its look-up alone would go out
            }
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress()
                    || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Allows everything and writes down each connect and name lookup ({@code host:port}, port -1 for lookups). */
    private static final class ConnectionRecorder extends SecurityManager {

        final List<String> peers = new CopyOnWriteArrayList<>();

        @Override
        public void checkConnect(String host, int port) {
            peers.add(host + ":" + port);
        }

        @Override
        public void checkConnect(String host, int port, Object context) {
            peers.add(host + ":" + port);
        }

        @Override
        public void checkPermission(Permission permission) {}

        @Override
        public void checkPermission(Permission permission, Object context) {}
    }
}

package se.integrationjourney.eventstore;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This node as the other nodes on the same database see it: its name (the owner written into the tracking tokens it
 * claims) and how long a claim lasts without being renewed before another node may take the segment over.
 *
 * @param name         unique among the nodes sharing the database, and the same at every start of one node
 * @param claimTimeout a claim not renewed for this long is taken to be a dead node's; the pooled processors renew
 *                     theirs and look for unclaimed segments every {@link #claimInterval()}
 */
public record ProcessingNode(String name, Duration claimTimeout) {

    /** Axon's own interval between claim attempts and between claim renewals, kept for the default claim timeout. */
    static final Duration AXON_CLAIM_INTERVAL = Duration.ofSeconds(5);

    /** The longest name the token table's {@code owner} column holds. */
    static final int MAX_NAME_LENGTH = 255;

    public ProcessingNode {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new MisconfiguredStorageException("journey.node.name is '" + name + "'; it names this node among"
                    + " those sharing the database (1 to " + MAX_NAME_LENGTH + " characters)");
        }
        if (claimTimeout == null || claimTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new MisconfiguredStorageException("journey.processing.claim-timeout is " + claimTimeout
                    + "; it is how long a dead node's segments wait before another node takes them (at least 1s)");
        }
    }

    /**
     * How often a processor renews its claims and looks for segments to claim: a sixth of the claim timeout, so that
     * a live node renews a claim several times before it could expire, and at most Axon's own 5 s (the interval of
     * the default 30 s claim timeout). A dead node's segments are taken over at most the claim timeout plus this
     * after its last renewal.
     */
    public Duration claimInterval() {
        Duration sixth = claimTimeout.dividedBy(6);
        return sixth.compareTo(AXON_CLAIM_INTERVAL) < 0 ? sixth : AXON_CLAIM_INTERVAL;
    }

    /** The node's settings, {@code journey.node.*}; the name defaults to {@link #defaultName}. */
    @ConfigurationProperties("journey.node")
    public record Settings(String name) {}

    /** Event processing's settings shared by every node, {@code journey.processing.*}. */
    @ConfigurationProperties("journey.processing")
    public record ProcessingSettings(Duration claimTimeout) {}

    /**
     * The host name and HTTP port, {@code host:port}: unique as long as two nodes on one host listen on different
     * ports, and the same when a node restarts, so that it takes back its own segments at once instead of waiting for
     * its old claims to expire. A random port (0, in tests) gives {@code host:pid<pid>} instead.
     */
    static String defaultName(int port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            host = "localhost";
        }
        return host + ":"
                + (port > 0
                        ? String.valueOf(port)
                        : "pid" + ProcessHandle.current().pid());
    }
}

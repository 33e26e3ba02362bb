package se.integrationjourney.eventstore;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain's definition, in Java: what the database's trigger computes when an event is inserted
 * (V7_3__event_hash_chain.sql, the same definition in SQL; EventChainTest checks that they agree), and what every
 * verification recomputes. docs/events.md, "Tamper evidence", has it in words, so that anyone can write it again.
 *
 * <pre>
 * link(event) = SHA-256(link(previous event of the same aggregate) || bytes(event)), the first event's previous
 *               link 32 zero bytes
 * bytes(event) = field(aggregate_identifier) || field(sequence_number) || field(event_identifier)
 *             || field(time_stamp) || field(payload_type) || field(payload_revision) || field(payload)
 *             || field(meta_data) || field(type)
 * field(x)     = 4-byte big-endian signed length of x, then x; null is the length -1 and nothing
 * </pre>
 *
 * Text is its UTF-8 bytes and the sequence number its 8 bytes, big-endian; payload and metadata are the stored bytes,
 * whatever they hold (JSON, ciphertext), so that no verification has to parse or canonicalise them. Plain Java, no
 * Spring: the export's verifier ({@code java -jar … verify FILE}) uses it without a database.
 */
public final class EventChain {

    /** The version of this definition, named in every export and verification result. */
    public static final String DEFINITION = "integration-journey-chain-1";

    public static final int LINK_LENGTH = 32;

    private static final int NULL_LENGTH = -1;
    private static final HexFormat HEX = HexFormat.of();

    private EventChain() {}

    /** What the first event of an aggregate chains from: 32 zero bytes. */
    public static byte[] start() {
        return new byte[LINK_LENGTH];
    }

    /** The event's link: SHA-256 of the previous link and the event's {@link #bytes}. */
    public static byte[] link(byte[] previous, ChainedEvent event) {
        return new Linker().link(previous, event);
    }

    /**
     * Links one event after another with one digest, the fields fed to it as they are (no copy of the event's bytes
     * is made): for a verification's many events. Not for several threads at once.
     */
    public static final class Linker {

        private final MessageDigest sha256 = sha256();
        private final byte[] length = new byte[4];

        /** The same as {@link EventChain#link}. */
        public byte[] link(byte[] previous, ChainedEvent event) {
            sha256.update(previous);
            field(text(event.aggregateIdentifier()));
            field(bigEndian(event.sequenceNumber()));
            field(text(event.eventIdentifier()));
            field(text(event.timeStamp()));
            field(text(event.payloadType()));
            field(text(event.payloadRevision()));
            field(event.payload());
            field(event.metaData());
            field(text(event.type()));
            return sha256.digest();
        }

        private void field(byte[] value) {
            int size = value == null ? NULL_LENGTH : value.length;
            length[0] = (byte) (size >>> 24);
            length[1] = (byte) (size >>> 16);
            length[2] = (byte) (size >>> 8);
            length[3] = (byte) size;
            sha256.update(length);
            if (value != null) {
                sha256.update(value);
            }
        }
    }

    /** The event's stored fields, each with its length before it, in the definition's order. */
    public static byte[] bytes(ChainedEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + length(event.payload()) + length(event.metaData()));
        field(out, text(event.aggregateIdentifier()));
        field(out, bigEndian(event.sequenceNumber()));
        field(out, text(event.eventIdentifier()));
        field(out, text(event.timeStamp()));
        field(out, text(event.payloadType()));
        field(out, text(event.payloadRevision()));
        field(out, event.payload());
        field(out, event.metaData());
        field(out, text(event.type()));
        return out.toByteArray();
    }

    /** Lower-case hexadecimal, as links are shown and exported; null for null. */
    public static String hex(byte[] link) {
        return link == null ? null : HEX.formatHex(link);
    }

    /** @throws IllegalArgumentException if {@code hex} is not hexadecimal digits in pairs */
    public static byte[] fromHex(String hex) {
        return HEX.parseHex(hex);
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        int length = value == null ? NULL_LENGTH : value.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        if (value != null) {
            out.write(value, 0, value.length);
        }
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bigEndian(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            // Every Java runtime has SHA-256 (java.security.MessageDigest's required algorithms).
            throw new IllegalStateException(impossible);
        }
    }
}

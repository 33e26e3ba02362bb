package se.integrationjourney.api.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP Basic credentials that bcrypt accepted a moment ago, so that a client sending the same username and password
 * on every request pays for bcrypt once per TTL rather than once per request
 * (docs/adr/0005-verified-credentials-cache.md).
 *
 * <p>An entry is a {@link Fingerprint}: HMAC-SHA-256, under a random key made when this object is created and never
 * written anywhere, of the username, the presented password and the account's stored hash. The cache holds no
 * password and nothing that can be checked against a guessed password without that key. Binding the stored hash
 * means that a changed password (a new hash) never matches an entry made with the old one.
 *
 * <p>An entry is valid for {@code ttl} from the moment bcrypt accepted the password, by the injected clock; it is not
 * extended by use. At most {@code maxEntries} are held: expired ones go first, then the oldest. A zero TTL turns the
 * cache off: nothing is remembered and every check runs bcrypt.
 */
public final class VerifiedCredentials {

    private static final String HMAC = "HmacSHA256";
    private static final int KEY_BYTES = 32;

    private final SecretKeySpec key;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    /**
     * Fingerprint → when it expires, in the order remembered (entries are only ever added at the end), so the
     * oldest, and with a steady clock the first to expire, come first. Guarded by itself.
     */
    private final LinkedHashMap<Fingerprint, Instant> expiries = new LinkedHashMap<>();

    public VerifiedCredentials(Duration ttl, int maxEntries, Clock clock) {
        if (ttl == null || ttl.isNegative()) {
            throw new IllegalArgumentException(
                    "journey.security.verified-credentials-ttl must be zero (off) or" + " positive, was " + ttl);
        }
        if (!ttl.isZero() && maxEntries < 1) {
            throw new IllegalArgumentException(
                    "journey.security.verified-credentials-max-entries must be at least 1," + " was " + maxEntries);
        }
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
        byte[] secret = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
        Arrays.fill(secret, (byte) 0); // SecretKeySpec keeps its own copy
    }

    /** @return false when the TTL is zero: then nothing is ever remembered */
    public boolean enabled() {
        return !ttl.isZero();
    }

    public Duration ttl() {
        return ttl;
    }

    public int maxEntries() {
        return maxEntries;
    }

    /** The keyed fingerprint of a sign-in attempt; computing it costs microseconds, not milliseconds. */
    Fingerprint fingerprint(String username, CharSequence password, String storedHash) {
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        byte[] secret = password.toString().getBytes(StandardCharsets.UTF_8);
        byte[] hash = storedHash.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            // Each field preceded by its length, so that no two different triples give the same input.
            for (byte[] field : new byte[][] {user, secret, hash}) {
                mac.update(
                        ByteBuffer.allocate(Integer.BYTES).putInt(field.length).array());
                mac.update(field);
            }
            return new Fingerprint(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e); // every Java runtime has it
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** @return true if this fingerprint was remembered less than a TTL ago */
    boolean isVerified(Fingerprint fingerprint) {
        if (!enabled()) {
            return false;
        }
        Instant now = clock.instant();
        synchronized (expiries) {
            Instant expiry = expiries.get(fingerprint);
            if (expiry == null) {
                return false;
            }
            if (now.isBefore(expiry)) {
                return true;
            }
            expiries.remove(fingerprint);
            return false;
        }
    }

    /** Remembers a fingerprint whose password bcrypt has just accepted; only ever called after a success. */
    void remember(Fingerprint fingerprint) {
        if (!enabled()) {
            return;
        }
        Instant now = clock.instant();
        synchronized (expiries) {
            expiries.remove(fingerprint); // re-inserted at the end: it is now the newest
            expiries.put(fingerprint, now.plus(ttl));
            Iterator<Map.Entry<Fingerprint, Instant>> oldestFirst =
                    expiries.entrySet().iterator();
            while (oldestFirst.hasNext()) {
                Map.Entry<Fingerprint, Instant> oldest = oldestFirst.next();
                if (expiries.size() > maxEntries || !now.isBefore(oldest.getValue())) {
                    oldestFirst.remove();
                } else {
                    break;
                }
            }
        }
    }

    /** Entries held now, expired ones not yet removed included (for tests and metrics). */
    public int size() {
        synchronized (expiries) {
            return expiries.size();
        }
    }

    /** An HMAC value; compared by content, and never printed. */
    static final class Fingerprint {

        private final byte[] mac;
        private final int hash;

        private Fingerprint(byte[] mac) {
            this.mac = mac;
            this.hash = Arrays.hashCode(mac);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Fingerprint that && Arrays.equals(mac, that.mac);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "Fingerprint[…]";
        }
    }
}

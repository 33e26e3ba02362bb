package se.integrationjourney.eventstore.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash (HMAC-SHA256) of a personal identity number, which views store instead of the number to find a
 * person's journeys (the duplicate check, searches): without the key, which the master key wraps, a hash cannot be
 * matched against the few million possible numbers. The key is read when first needed, after the database is
 * migrated.
 */
public final class IdentityNumberLookup {

    private final JourneyKeys keys;
    private volatile SecretKeySpec key;

    /** The service's lookup: its key made on first use and kept by {@code keys} (wrapped by the master key). */
    public IdentityNumberLookup(JourneyKeys keys) {
        this.keys = keys;
    }

    /** A lookup with a key given outright, for a view outside the service (tests, tools). */
    public static IdentityNumberLookup withKey(byte[] key) {
        IdentityNumberLookup lookup = new IdentityNumberLookup(null);
        lookup.key = new SecretKeySpec(key, "HmacSHA256");
        return lookup;
    }

    /** The hash of a number normalised to 12 digits; null for null. */
    public byte[] hash(String normalisedNumber) {
        if (normalisedNumber == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac.doFinal(normalisedNumber.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            SecretKey opened = keys.serviceKey(JourneyKeys.IDENTITY_NUMBER_LOOKUP);
            known = new SecretKeySpec(opened.getEncoded(), "HmacSHA256");
            key = known;
        }
        return known;
    }
}

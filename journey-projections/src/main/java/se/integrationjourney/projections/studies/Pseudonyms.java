package se.integrationjourney.projections.studies;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A study's pseudonyms for journeys: HMAC-SHA256 of the journey id under the study's own 256-bit key, the first
 * {@link #HEX_DIGITS} hex digits. The same journey has the same pseudonym in every extract of one study; without the
 * key, nobody can tell which journey a pseudonym is, nor match two studies' pseudonyms (each study has its own key).
 *
 * <p>Why 16 hex digits (64 bits): the key, not the length, is what makes a pseudonym unguessable and unlinkable, so
 * the length need only keep two journeys of one study from sharing a pseudonym. With 64 bits the chance that any
 * two of n journeys collide is about n²/2⁶⁵: under 3 in 10 billion for 100,000 journeys, more than all of Sweden's
 * municipalities receive in years. Shorter (8 digits, 32 bits) would collide once in a few thousand studies of
 * 1,000 journeys; longer only makes the file wider. {@link ResearchExtract} still refuses an extract with a
 * collision rather than merge two people.
 */
final class Pseudonyms {

    static final int HEX_DIGITS = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param keyHex the study's key, 64 hex digits */
    Pseudonyms(String keyHex) {
        this.key = new SecretKeySpec(HexFormat.of().parseHex(keyHex), ALGORITHM);
    }

    String of(UUID journeyId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(journeyId.toString().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** No key in any log. */
    @Override
    public String toString() {
        return "Pseudonyms[key hidden]";
    }
}

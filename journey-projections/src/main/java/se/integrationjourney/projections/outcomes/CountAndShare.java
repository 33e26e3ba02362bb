package se.integrationjourney.projections.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A count and its share of a denominator: a fraction from 0 to 1 rounded half-up to 4 decimals
 * (docs/api.md, "Outcomes": shares are fractions 0 to 1, four decimals), always with scale 4 so that
 * every response prints the same way. An empty denominator gives share 0, never NaN or an exception.
 * Both are {@code null} when the count is suppressed as a small cell ({@link SmallCells}): a share with its
 * denominator shown would give the count back.
 */
public record CountAndShare(Long count, BigDecimal share) {

    public static final int SHARE_SCALE = 4;

    /** A count hidden by small-cell suppression, and so its share. */
    public static final CountAndShare SUPPRESSED = new CountAndShare(null, null);

    public CountAndShare {
        if ((count == null) != (share == null)) {
            throw new IllegalArgumentException("a count and its share are suppressed together, or neither");
        }
    }

    public CountAndShare(long count, BigDecimal share) {
        this(Long.valueOf(count), requireShare(share));
    }

    public static CountAndShare of(long count, long denominator) {
        if (denominator == 0) {
            return new CountAndShare(count, BigDecimal.ZERO.setScale(SHARE_SCALE));
        }
        return new CountAndShare(
                count,
                BigDecimal.valueOf(count).divide(BigDecimal.valueOf(denominator), SHARE_SCALE, RoundingMode.HALF_UP));
    }

    private static BigDecimal requireShare(BigDecimal share) {
        if (share == null) {
            throw new NullPointerException("share");
        }
        return share;
    }
}

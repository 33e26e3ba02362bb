package se.integrationjourney.projections.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A count and its share of a denominator: a fraction from 0 to 1 rounded half-up to 4 decimals
 * (docs/api.md, "Outcomes": shares are fractions 0 to 1, four decimals), always with scale 4 so that
 * every response prints the same way. An empty denominator gives share 0, never NaN or an exception.
 */
public record CountAndShare(long count, BigDecimal share) {

    public static final int SHARE_SCALE = 4;

    public CountAndShare {
        Objects.requireNonNull(share, "share");
    }

    public static CountAndShare of(long count, long denominator) {
        if (denominator == 0) {
            return new CountAndShare(count, BigDecimal.ZERO.setScale(SHARE_SCALE));
        }
        return new CountAndShare(
                count,
                BigDecimal.valueOf(count).divide(BigDecimal.valueOf(denominator), SHARE_SCALE, RoundingMode.HALF_UP));
    }
}

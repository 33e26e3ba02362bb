package se.integrationjourney.api.pages.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Shares as people read them: the API's fraction (4 decimals, 0.6667) as a percentage with one decimal, rounded
 * half-up (66,7 % in Swedish, 66.7% in English). A share of nobody is a dash, not 0 %: an empty denominator means
 * "not measured", which is different from "none of them". A suppressed share ({@code null}) shows the pages' mark for
 * a suppressed figure, as its count does.
 */
public final class Shares {

    /** What a share of an empty denominator shows. */
    public static final String NONE = "–";

    private final Locale locale;
    private final String suppressedMark;

    /** @param suppressedMark what a suppressed figure shows, e.g. {@code <5} */
    Shares(Locale locale, String suppressedMark) {
        this.locale = locale;
        this.suppressedMark = suppressedMark;
    }

    /** The fraction as a percentage, one decimal; the mark when it is suppressed. */
    public String percent(BigDecimal fraction) {
        if (fraction == null) {
            return suppressedMark;
        }
        String number =
                fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
        return "sv".equals(locale.getLanguage()) ? number.replace('.', ',') + "\u00a0%" : number + "%";
    }

    /**
     * {@link #percent} of a share of {@code denominator}; {@link #NONE} when the denominator is 0; the mark when the
     * share (or the denominator) is suppressed.
     */
    public String percentOf(BigDecimal fraction, Long denominator) {
        if (fraction == null || denominator == null) {
            return suppressedMark;
        }
        return denominator == 0 ? NONE : percent(fraction);
    }

    /** A count, or the mark when it is suppressed. */
    public String count(Long count) {
        return count == null ? suppressedMark : String.valueOf(count);
    }

    /** What a suppressed figure shows. */
    public String suppressedMark() {
        return suppressedMark;
    }

    /** A whole percentage, for a chart's axis: 25 % in Swedish, 25% in English. */
    public String wholePercent(int percent) {
        return "sv".equals(locale.getLanguage()) ? percent + "\u00a0%" : percent + "%";
    }
}

package se.integrationjourney.api.pages.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Shares as people read them: the API's fraction (4 decimals, 0.6667) as a percentage with one decimal, rounded
 * half-up (66,7 % in Swedish, 66.7% in English). A share of nobody is a dash, not 0 %: an empty denominator means
 * "not measured", which is different from "none of them".
 */
public final class Shares {

    /** What a share of an empty denominator shows. */
    public static final String NONE = "–";

    private final Locale locale;

    Shares(Locale locale) {
        this.locale = locale;
    }

    /** The fraction as a percentage, one decimal. */
    public String percent(BigDecimal fraction) {
        String number =
                fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
        return "sv".equals(locale.getLanguage()) ? number.replace('.', ',') + "\u00a0%" : number + "%";
    }

    /** {@link #percent} of a share of {@code denominator}, or {@link #NONE} when the denominator is 0. */
    public String percentOf(BigDecimal fraction, long denominator) {
        return denominator == 0 ? NONE : percent(fraction);
    }

    /** A whole percentage, for a chart's axis: 25 % in Swedish, 25% in English. */
    public String wholePercent(int percent) {
        return "sv".equals(locale.getLanguage()) ? percent + "\u00a0%" : percent + "%";
    }
}

package se.integrationjourney.projections.outcomes;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the analysts' measurements, {@code journey.outcomes.*}, checked when bound.
 *
 * @param settleMargin how far back from now a question "as known at" a recent moment is answered
 *                     ({@link KnownAt}): longer than any transaction appending events may take to commit
 */
@ConfigurationProperties("journey.outcomes")
public record OutcomeSettings(@DefaultValue("60s") Duration settleMargin) {

    public OutcomeSettings {
        if (settleMargin.isNegative()) {
            throw new IllegalArgumentException(
                    "journey.outcomes.settle-margin must not be negative, was " + settleMargin);
        }
    }
}

package se.integrationjourney.core.journey;

import java.util.Objects;

/**
 * A command refused because it would record something impossible. Nothing is recorded. The message starts with the
 * rule's code and says what was wrong, and never holds personal data, so it can be shown and logged as it is.
 */
public class JourneyRuleViolation extends RuntimeException {

    private final Rule rule;

    /**
     * @param rule   the rule the command broke
     * @param detail what was wrong, without personal data
     */
    public JourneyRuleViolation(Rule rule, String detail) {
        // No stack trace: a refusal is an answer to the caller, not a fault to debug, and it is thrown often.
        super(Objects.requireNonNull(rule) + ": " + detail, null, false, false);
        this.rule = rule;
    }

    /** The broken rule, for callers that react to a particular one. */
    public Rule rule() {
        return rule;
    }
}

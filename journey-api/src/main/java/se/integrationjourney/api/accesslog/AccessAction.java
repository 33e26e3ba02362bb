package se.integrationjourney.api.accesslog;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an access-log entry records: a read of personal data, or an administrative act. Every action is one or the
 * other ({@link #kind()}; {@code AccessActionTest} fails for one that is neither), and has a label on the auditor's
 * pages in both languages ({@code AuditLabelsTest}).
 */
public enum AccessAction {
    /** A journey's state (with the person's details) was shown. */
    JOURNEY_READ,
    /** A journey's timeline was shown. */
    TIMELINE_READ,
    /** A page of a caseload (names, stages, due actions) was shown: the entry names every journey on it. */
    CASELOAD_READ,
    /**
     * A search for a person (by name or identity number) showed journeys: the entry names those it showed. The
     * auditor's lookup of a case by identity number is one too.
     */
    JOURNEY_SEARCH,
    /**
     * Registration's duplicate check told that an identity number has open journeys (a link to those of the
     * caseworker's municipality, or "one exists in another municipality"): the entry names every journey it told of.
     */
    DUPLICATE_CHECK,
    ACCOUNT_CREATED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    ACCOUNT_ROLES_CHANGED,
    /** An administrator set a new password, to be changed at the account's next sign-in. */
    PASSWORD_RESET,
    /** The account's owner chose a new password. */
    PASSWORD_CHANGED,
    VIEW_REBUILD_STARTED,
    DEAD_LETTERS_RETRIED,
    DEAD_LETTER_DELETED,
    SIGN_IN_LOCK_LIFTED,
    /** An analyst saved a study (its subject): a question with its answer, which holds no personal data. */
    STUDY_SAVED,
    /**
     * A pseudonymised research extract of a saved study (its subject) was made: the entry names every journey in it,
     * since pseudonymised microdata is still personal data. Recorded even when it had none.
     */
    RESEARCH_EXTRACT;

    /** Whether an entry tells what someone was shown, or what someone did. */
    public enum Kind {
        READ,
        ACT
    }

    /** The actions that show personal data (or pseudonymised microdata) to someone. */
    private static final Set<AccessAction> READS =
            EnumSet.of(JOURNEY_READ, TIMELINE_READ, CASELOAD_READ, JOURNEY_SEARCH, DUPLICATE_CHECK, RESEARCH_EXTRACT);

    /** The administrative acts. */
    private static final Set<AccessAction> ACTS = EnumSet.of(
            ACCOUNT_CREATED,
            ACCOUNT_DISABLED,
            ACCOUNT_ENABLED,
            ACCOUNT_ROLES_CHANGED,
            PASSWORD_RESET,
            PASSWORD_CHANGED,
            VIEW_REBUILD_STARTED,
            DEAD_LETTERS_RETRIED,
            DEAD_LETTER_DELETED,
            SIGN_IN_LOCK_LIFTED,
            STUDY_SAVED);

    /** A read if it shows personal data, else an act (an action in neither set fails {@code AccessActionTest}). */
    public Kind kind() {
        return READS.contains(this) ? Kind.READ : Kind.ACT;
    }

    /** The actions of a kind, for questions to the log. */
    public static Set<AccessAction> of(Kind kind) {
        return kind == Kind.READ ? EnumSet.copyOf(READS) : EnumSet.copyOf(ACTS);
    }
}

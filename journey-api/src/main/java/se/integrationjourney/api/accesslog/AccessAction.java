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
    /** A journey's personal data was erased (its key destroyed), by an administrator or the retention job. */
    PERSONAL_DATA_ERASED,
    /** The migration that sealed the personal details older history held in plain text ran (once). */
    PERSONAL_DATA_SEALED,
    /** An analyst saved a study (its subject): a question with its answer, which holds no personal data. */
    STUDY_SAVED,
    /**
     * A pseudonymised research extract of a saved study (its subject) was made: the entry names every journey in it,
     * since pseudonymised microdata is still personal data. Recorded even when it had none.
     */
    RESEARCH_EXTRACT,
    /**
     * The hash chain of one journey (its subject: the journey id) or of the whole store (subject: the verification's
     * id) was verified. The result names ids, positions and hashes only, so it is not a read of the case.
     */
    CHAIN_VERIFIED,
    /**
     * A journey's events were exported as stored, with their hashes (docs/operations.md, "Tamper evidence"): a read
     * of the case, since the payloads carry personal data.
     */
    JOURNEY_EXPORTED,
    /**
     * Everything recorded about one person was exported for a subject-access request (registerutdrag): the entry names
     * every journey in the export, never the identity number asked for. Recorded even when none was found.
     */
    SUBJECT_ACCESS_EXPORT,
    /** An administrator looked at what retention would erase today (a dry run; its subject is the day). */
    RETENTION_DRY_RUN,
    /** Retention ran: the daily run (by retention-job) or an administrator's run now; its subject is the day. */
    RETENTION_RUN;

    /** Whether an entry tells what someone was shown, or what someone did. */
    public enum Kind {
        READ,
        ACT
    }

    /** The actions that show personal data (or pseudonymised microdata) to someone. */
    private static final Set<AccessAction> READS = EnumSet.of(
            JOURNEY_READ,
            TIMELINE_READ,
            CASELOAD_READ,
            JOURNEY_SEARCH,
            DUPLICATE_CHECK,
            RESEARCH_EXTRACT,
            JOURNEY_EXPORTED,
            SUBJECT_ACCESS_EXPORT);

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
            STUDY_SAVED,
            PERSONAL_DATA_ERASED,
            PERSONAL_DATA_SEALED,
            CHAIN_VERIFIED,
            RETENTION_DRY_RUN,
            RETENTION_RUN);

    /** A read if it shows personal data, else an act (an action in neither set fails {@code AccessActionTest}). */
    public Kind kind() {
        return READS.contains(this) ? Kind.READ : Kind.ACT;
    }

    /** The actions of a kind, for questions to the log. */
    public static Set<AccessAction> of(Kind kind) {
        return kind == Kind.READ ? EnumSet.copyOf(READS) : EnumSet.copyOf(ACTS);
    }
}

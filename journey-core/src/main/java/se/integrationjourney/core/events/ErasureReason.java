package se.integrationjourney.core.events;

/** Why a journey's personal data was erased. */
public enum ErasureReason {
    /** An administrator erased it (for instance after a court's or the supervisory authority's decision). */
    ADMINISTRATOR,
    /** The retention rule (gallring) erased it: the journey's last entry was recorded longer ago than kept. */
    RETENTION
}

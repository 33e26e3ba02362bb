package se.integrationjourney.core.journey;

/** The things in a journey that start and later end; each end belongs to the open start of the same kind and key. */
public enum EpisodeKind {
    INTERNSHIP("internship"),
    EMPLOYMENT("employment"),
    STUDIES("studies"),
    BUSINESS("business"),
    FINANCIAL_ASSISTANCE("financial assistance"),
    ESTABLISHMENT_PLAN("establishment plan"),
    SELF_SUFFICIENCY("self-sufficiency"),
    /** From closing the journey to reopening it. */
    CLOSURE("closure");

    private final String label;

    EpisodeKind(String label) {
        this.label = label;
    }

    /** How error messages name it. */
    public String label() {
        return label;
    }
}

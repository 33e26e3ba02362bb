package se.integrationjourney.core.events;

/**
 * The form of an employment. Everything but {@link #REGULAR} is a subsidised employment, which the outcome
 * measurements count as SUBSIDISED_EMPLOYMENT rather than EMPLOYED.
 * <p>Stored by name in events: constants may be added, never renamed or removed.
 */
public enum EmploymentType {
    REGULAR,
    NYSTARTSJOBB,
    EXTRATJANST,
    INTRODUKTIONSJOBB,
    OTHER_SUBSIDISED;

    /** Whether the employment is subsidised (nystartsjobb, extratjänst, introduktionsjobb or another form). */
    public boolean isSubsidised() {
        return this != REGULAR;
    }
}

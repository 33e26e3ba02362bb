package se.integrationjourney.core.events;

/**
 * The only personal data the journey holds, kept in this one record so that it can be found, left out of
 * analyst views and erased in one place.
 *
 * @param fullName               the person's name as the caseworker knows it
 * @param personalIdentityNumber personnummer or samordningsnummer as 12 digits without hyphen, or {@code null}
 *                               when the person has none yet
 */
public record PersonalDetails(String fullName, String personalIdentityNumber) {

    /**
     * What the details read as once erased: the journey's key is destroyed, so the stored details cannot be opened.
     * Both parts are null; a recorded name never is.
     */
    public static final PersonalDetails ERASED = new PersonalDetails(null, null);

    /** Whether these are the details of an erased journey (no name, no number). */
    public boolean erased() {
        return fullName == null;
    }

    /** Kept out of log lines and failure messages, which print records through this method. */
    @Override
    public String toString() {
        return "PersonalDetails[redacted]";
    }
}

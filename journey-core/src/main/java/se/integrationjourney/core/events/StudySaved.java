package se.integrationjourney.core.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An analyst saved a study: a question, fixed in business time ({@code asOf}) and in recording time
 * ({@code knownAt}), so that asking it again gives the same answer for ever, with the answer it had when saved
 * (docs/adr/0017-saved-studies-keep-answer-and-key-in-the-event.md).
 *
 * @param title         the analyst's name for it; no personal data
 * @param asOf          the business date the question is asked as of: the one asked, or the day of saving
 * @param knownAt       only events stored at or before this moment count: the moment of saving less the settle
 *                      margin
 * @param answer        the answer at saving, as the API's JSON for the query (no personal data)
 * @param savedBy       the username of the account that saved it
 * @param pseudonymKey  the study's own random key (256 bits, hex) for the research extract's pseudonyms; never
 *                      shown, returned or logged
 */
@Revision("1")
public record StudySaved(
        UUID studyId,
        String title,
        StudyQuery query,
        LocalDate asOf,
        Instant knownAt,
        String answer,
        String savedBy,
        String pseudonymKey)
        implements StudyEvent {

    /** Without the key (and the answer, which can be long): safe for any log. */
    @Override
    public String toString() {
        return "StudySaved[studyId=" + studyId + ", query=" + query + ", asOf=" + asOf + ", knownAt=" + knownAt
                + ", savedBy=" + savedBy + "]";
    }
}

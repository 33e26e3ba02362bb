package se.integrationjourney.projections.studies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import se.integrationjourney.core.events.StudyQuery;

/**
 * A saved study as its events record it, with the answer kept when it was saved (the API's JSON for its query) and
 * every research extract made of it. Never its pseudonym key: that stays in {@link StudyQueries}.
 *
 * @param answer  the kept answer, JSON text
 * @param savedAt when the study's event was stored
 */
public record SavedStudy(
        UUID id,
        String title,
        StudyQuery query,
        LocalDate asOf,
        Instant knownAt,
        String answer,
        String savedBy,
        Instant savedAt,
        List<Extract> extracts) {

    public SavedStudy {
        extracts = List.copyOf(extracts);
    }

    /** The study as its list shows it. */
    public StudyListItem listItem() {
        return new StudyListItem(id, title, query, asOf, knownAt, savedBy, savedAt, extracts.size());
    }

    /** One research extract made of the study: who, when, how many rows. */
    public record Extract(String madeBy, Instant madeAt, int rows) {}
}

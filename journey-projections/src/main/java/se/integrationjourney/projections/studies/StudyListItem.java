package se.integrationjourney.projections.studies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import se.integrationjourney.core.events.StudyQuery;

/**
 * One saved study as the list shows it: what it asks and when it was saved, without its answer.
 *
 * @param asOf      the business date it is asked as of
 * @param knownAt   only events stored at or before this moment count
 * @param extracts  research extracts made of it so far
 */
public record StudyListItem(
        UUID id,
        String title,
        StudyQuery query,
        LocalDate asOf,
        Instant knownAt,
        String savedBy,
        Instant savedAt,
        int extracts) {}

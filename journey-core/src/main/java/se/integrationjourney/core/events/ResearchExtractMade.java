package se.integrationjourney.core.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A pseudonymised research extract of a saved study's cohort was made (docs/projections.md, "Research extract"):
 * who made it is here, when is the event's timestamp. The extract itself is not kept; it can be made again, the same
 * row for row, from the study.
 *
 * @param madeBy  the username of the account that made it
 * @param rows    how many journeys (rows) it had
 */
@Revision("1")
public record ResearchExtractMade(UUID studyId, String madeBy, int rows) implements StudyEvent {}

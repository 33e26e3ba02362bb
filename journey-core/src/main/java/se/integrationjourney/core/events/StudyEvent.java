package se.integrationjourney.core.events;

import java.util.UUID;

/**
 * Every fact recorded about an analyst's saved study: its own aggregate beside the journeys, in the same event
 * store, so that saving a study and every research extract made from it are in the audit trail. Not a
 * {@link JourneyEvent}: the journey views, which handle those, never see it.
 */
public sealed interface StudyEvent permits StudySaved, ResearchExtractMade {

    /** The study; also the aggregate identifier in the event store. */
    UUID studyId();
}

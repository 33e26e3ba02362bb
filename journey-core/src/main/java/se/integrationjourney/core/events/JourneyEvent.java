package se.integrationjourney.core.events;

import java.util.UUID;

/**
 * Every fact recorded on a journey. Handlers take this type to see the whole history of a journey. Sealed: a
 * milestone, a retraction or a personal-details correction, and nothing else.
 */
public sealed interface JourneyEvent
        permits MilestoneEvent, MilestoneRetracted, PersonalDetailsCorrected, PersonalDataErased {

    /** The journey the fact belongs to; also the aggregate identifier in the event store. */
    UUID journeyId();
}

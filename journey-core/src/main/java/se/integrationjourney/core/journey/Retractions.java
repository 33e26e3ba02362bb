package se.integrationjourney.core.journey;

import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.PersonalDataErased;
import se.integrationjourney.core.events.PersonalDetailsCorrected;

/**
 * Which recorded events a retraction may strike: every milestone, but not the registration (a journey is closed
 * instead) nor a correction (a personal-details correction or a retraction), nor an erasure. The journey's decisions refuse the
 * others; pages use it to offer retraction only where it can succeed.
 */
public final class Retractions {

    private Retractions() {}

    public static boolean canBeRetracted(Object event) {
        return !(event instanceof NewcomerRegistered
                || event instanceof PersonalDetailsCorrected
                || event instanceof MilestoneRetracted
                || event instanceof PersonalDataErased);
    }
}

package se.integrationjourney.eventstore.personaldata;

import java.util.UUID;

/** Personal data was to be sealed for a journey whose key is destroyed: nothing personal is stored for it again. */
public class PersonalDataErasedException extends RuntimeException {

    public PersonalDataErasedException(UUID journeyId) {
        super("the personal data of journey " + journeyId + " was erased: nothing personal is recorded for it again");
    }
}

package se.integrationjourney.eventstore;

/** The service was wired with storage it must never run on; start-up stops with this. */
public class MisconfiguredStorageException extends RuntimeException {

    public MisconfiguredStorageException(String message) {
        super(message);
    }
}

package se.integrationjourney.projections.runtime;

/** No view has the requested name. */
public class UnknownProjectionException extends RuntimeException {

    public UnknownProjectionException(String name) {
        super("No view is named '" + name + "'");
    }
}

package se.integrationjourney.core.study;

/**
 * A study command refused because it is incomplete or out of range; nothing is recorded. The API checks the same
 * before it sends a command, so this guards the record itself. The message names the field, never its value (a
 * title is the analyst's free text).
 */
public class StudyRefused extends IllegalArgumentException {

    public StudyRefused(String message) {
        super(message);
    }
}

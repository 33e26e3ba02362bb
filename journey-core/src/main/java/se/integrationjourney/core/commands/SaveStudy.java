package se.integrationjourney.core.commands;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.integrationjourney.core.events.StudyQuery;

/**
 * Saves an analyst's study ({@code Study}): the caller has asked the question as known at {@code knownAt} and sends
 * the answer it got, with a fresh random key for the study's pseudonyms. The caller generates the study id.
 *
 * @param title        1 to 200 characters, not blank
 * @param asOf         the business date the question is asked as of
 * @param knownAt      the moment the answer is as known at
 * @param answer       the answer as JSON text
 * @param savedBy      the saving account's username
 * @param pseudonymKey 64 hex digits (256 random bits)
 */
public record SaveStudy(
        @TargetAggregateIdentifier UUID studyId,
        String title,
        StudyQuery query,
        LocalDate asOf,
        Instant knownAt,
        String answer,
        String savedBy,
        String pseudonymKey) {

    /** Without the key: safe for any log. */
    @Override
    public String toString() {
        return "SaveStudy[studyId=" + studyId + ", query=" + query + ", asOf=" + asOf + ", knownAt=" + knownAt + "]";
    }
}

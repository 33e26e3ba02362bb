package se.integrationjourney.core.commands;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a research extract of a saved study was made, by whom and with how many rows; sent before the extract
 * is handed over, in the same transaction as its access-log entry.
 */
public record RecordResearchExtract(
        @TargetAggregateIdentifier UUID studyId, String madeBy, int rows) {}

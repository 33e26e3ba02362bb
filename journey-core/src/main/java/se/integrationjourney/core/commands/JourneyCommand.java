package se.integrationjourney.core.commands;

import java.util.UUID;

/** A command addressed to one journey; lets callers handle every command alike (routing, idempotency, logging). */
public interface JourneyCommand {

    /** The journey the command is for. */
    UUID journeyId();
}

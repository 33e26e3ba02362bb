package se.integrationjourney.core.commands;

import java.time.LocalDate;

/** A command that records a milestone: dated by its business date, and checked against the version the caller saw. */
public interface MilestoneCommand extends JourneyCommand {

    /** The journey version the caller last saw; a stale one is refused. {@code null} skips the check. */
    Long expectedVersion();

    /** The day it happened in the person's life. */
    LocalDate occurredOn();
}

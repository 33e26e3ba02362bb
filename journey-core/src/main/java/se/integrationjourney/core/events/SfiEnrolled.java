package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person enrolled in SFI on a study path; the latest enrolment's path bounds the levels that can be reached.
 *
 * @param studyPath 1 (courses A–D), 2 (B–D) or 3 (C–D)
 */
@Revision("1")
public record SfiEnrolled(UUID journeyId, LocalDate occurredOn, int studyPath) implements MilestoneEvent {}

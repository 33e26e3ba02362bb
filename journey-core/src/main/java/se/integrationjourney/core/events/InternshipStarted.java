package se.integrationjourney.core.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An internship (praktik, arbetsträning or yrkeskompetensbedömning) started.
 *
 * @param internshipId the caller's id, pairing the start with its end
 */
@Revision("1")
public record InternshipStarted(
        UUID journeyId, LocalDate occurredOn, String internshipId, InternshipKind kind, String sector)
        implements MilestoneEvent {}

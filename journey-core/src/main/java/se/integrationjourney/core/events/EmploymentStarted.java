package se.integrationjourney.core.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An employment started.
 *
 * @param employmentId the caller's id, pairing the start with its end
 * @param hoursPerWeek contracted hours, more than 0 and at most 168
 */
@Revision("1")
public record EmploymentStarted(
        UUID journeyId,
        LocalDate occurredOn,
        String employmentId,
        EmploymentType employmentType,
        String sector,
        BigDecimal hoursPerWeek)
        implements MilestoneEvent {}

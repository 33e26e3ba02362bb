package se.integrationjourney.projections.caseload;

import java.time.LocalDate;

/**
 * Something a caseworker should do for a journey.
 *
 * @param code  one of {@link DueActionCode}'s names
 * @param since the day it became due
 */
public record DueAction(String code, LocalDate since) {}

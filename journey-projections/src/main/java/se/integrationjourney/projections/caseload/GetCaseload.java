package se.integrationjourney.projections.caseload;

import se.integrationjourney.projections.casefile.Stage;

/**
 * Query: the active journeys of a caseworker and/or a municipality with their due actions, most overdue first,
 * one page at a time. A blank filter means no filter.
 *
 * @param caseworkerId     only journeys assigned to this caseworker, or null for all
 * @param municipalityCode only journeys of this municipality (four digits), or null for all
 * @param dueOnly          only journeys with at least one due action (always so with a {@code dueAction} filter)
 * @param stage            only journeys in this stage today, or null for all; never {@link Stage#CLOSED}, as closed
 *                         journeys are not in a caseload
 * @param dueAction        only journeys for which this action is due today, or null for all
 * @param page             page number, from 0
 * @param size             items per page, 1 to {@value #MAX_SIZE} ({@value #DEFAULT_SIZE} when the client gives none)
 * @throws IllegalArgumentException for a page or size out of range, a malformed municipality code or the stage
 *                                  {@code CLOSED}
 */
public record GetCaseload(
        String caseworkerId,
        String municipalityCode,
        boolean dueOnly,
        Stage stage,
        DueActionCode dueAction,
        int page,
        int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public GetCaseload {
        caseworkerId = blankToNull(caseworkerId);
        municipalityCode = blankToNull(municipalityCode);
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if (municipalityCode != null && !municipalityCode.matches("\\d{4}")) {
            throw new IllegalArgumentException("municipalityCode must be four digits");
        }
        if (stage == Stage.CLOSED) {
            throw new IllegalArgumentException("stage CLOSED is never in a caseload: closed journeys are not listed");
        }
        // A journey due by one action is due: the filter lists due journeys only, in the due order.
        dueOnly = dueOnly || dueAction != null;
    }

    /** Without the stage and due-action filters. */
    public GetCaseload(String caseworkerId, String municipalityCode, boolean dueOnly, int page, int size) {
        this(caseworkerId, municipalityCode, dueOnly, null, null, page, size);
    }

    /** The first page, of the default size. */
    public GetCaseload(String caseworkerId, String municipalityCode, boolean dueOnly) {
        this(caseworkerId, municipalityCode, dueOnly, 0, DEFAULT_SIZE);
    }

    /** Rows to skip: a long, since page × size may not fit an int. */
    long offset() {
        return (long) page * size;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

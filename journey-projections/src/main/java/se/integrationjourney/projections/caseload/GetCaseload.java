package se.integrationjourney.projections.caseload;

/**
 * Query: the active journeys of a caseworker and/or a municipality with their due actions, most overdue first,
 * one page at a time. A blank filter means no filter.
 *
 * @param caseworkerId     only journeys assigned to this caseworker, or null for all
 * @param municipalityCode only journeys of this municipality (four digits), or null for all
 * @param dueOnly          only journeys with at least one due action
 * @param page             page number, from 0
 * @param size             items per page, 1 to {@value #MAX_SIZE} ({@value #DEFAULT_SIZE} when the client gives none)
 * @throws IllegalArgumentException for a page or size out of range or a malformed municipality code
 */
public record GetCaseload(String caseworkerId, String municipalityCode, boolean dueOnly, int page, int size) {

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

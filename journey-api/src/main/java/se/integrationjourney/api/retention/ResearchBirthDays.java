package se.integrationjourney.api.retention;

import java.util.Set;

/**
 * The retention rule's exception: the records of people born on the 5th, 15th or 25th of a month are kept for
 * research, as Swedish social services' retention decisions keep them (a sample of every tenth or so person, chosen by
 * birth day so that it is the same in every municipality and every register). The birth day is read from the
 * personal identity number (YYYYMMDDNNNC); a coordination number (samordningsnummer) adds 60 to the day, so 65, 75
 * and 85 are the 5th, 15th and 25th. Without a number the birth day is not known, and the record is not kept.
 */
public final class ResearchBirthDays {

    /** The birth days whose records are kept. */
    public static final Set<Integer> DAYS = Set.of(5, 15, 25);

    private static final int COORDINATION_DAY_OFFSET = 60;

    private ResearchBirthDays() {}

    /**
     * @param personalIdentityNumber 12 digits as the journey stores it, or null when it has none; anything else says
     *                               no birth day, as no number does
     */
    public static boolean keptForResearch(String personalIdentityNumber) {
        if (personalIdentityNumber == null || !personalIdentityNumber.matches("\\d{12}")) {
            return false;
        }
        int day = Integer.parseInt(personalIdentityNumber.substring(6, 8));
        if (day > COORDINATION_DAY_OFFSET) {
            day -= COORDINATION_DAY_OFFSET;
        }
        return DAYS.contains(day);
    }
}

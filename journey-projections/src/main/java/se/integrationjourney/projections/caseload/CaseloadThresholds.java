package se.integrationjourney.projections.caseload;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When each due action of the caseload becomes due (docs/projections.md, "Due actions"), bound from the
 * {@code journey.caseload.*} properties and checked when bound; the defaults are those of docs/domain.md, and
 * {@link #DEFAULTS} says the same (CaseloadConfigurationTest holds the two together).
 *
 * @param introductoryMeetingDays  NO_INTRODUCTORY_MEETING is due this many days after arrival
 * @param actionPlanDays           NO_ACTION_PLAN is due this many days after arrival
 * @param housingDays              NO_HOUSING is due this many days after arrival
 * @param sfiEnrolmentDays         NOT_ENROLLED_IN_SFI is due this many days after arrival
 * @param establishmentEndingDays  ESTABLISHMENT_ENDING_NOT_IN_WORK_OR_STUDIES is due this many days before the
 *                                 establishment end, until the end date
 * @param sfiRightYears            the right to SFI lasts this many years from the first enrolment
 * @param sfiRightEndingDays       SFI_RIGHT_ENDING_WITHOUT_LEVEL_D is due this many days before the right ends,
 *                                 until the end date
 */
@ConfigurationProperties("journey.caseload")
public record CaseloadThresholds(
        @DefaultValue("30") int introductoryMeetingDays,
        @DefaultValue("60") int actionPlanDays,
        @DefaultValue("90") int housingDays,
        @DefaultValue("30") int sfiEnrolmentDays,
        @DefaultValue("90") int establishmentEndingDays,
        @DefaultValue("3") int sfiRightYears,
        @DefaultValue("90") int sfiRightEndingDays) {

    public static final CaseloadThresholds DEFAULTS = new CaseloadThresholds(30, 60, 90, 30, 90, 3, 90);

    /**
     * The time-limited right to SFI is law since 2026: a right ending before this day did not exist, so it is
     * never due. A rule in force from a date, not a setting (docs/domain.md, "What is measured").
     */
    public static final LocalDate SFI_RIGHT_IN_FORCE_FROM = LocalDate.of(2026, 1, 1);

    public CaseloadThresholds {
        requireNotNegative("introductory-meeting-days", introductoryMeetingDays);
        requireNotNegative("action-plan-days", actionPlanDays);
        requireNotNegative("housing-days", housingDays);
        requireNotNegative("sfi-enrolment-days", sfiEnrolmentDays);
        requireNotNegative("establishment-ending-days", establishmentEndingDays);
        requireNotNegative("sfi-right-ending-days", sfiRightEndingDays);
        if (sfiRightYears < 1) {
            throw new IllegalArgumentException(
                    "journey.caseload.sfi-right-years must be at least 1, was " + sfiRightYears);
        }
    }

    /**
     * The thresholds as the caseload view records them with its rows ({@code caseload_settings}): a change of any
     * of them changes this text, and the view is rebuilt.
     */
    String describe() {
        return "introductory-meeting-days=" + introductoryMeetingDays + ",action-plan-days=" + actionPlanDays
                + ",housing-days=" + housingDays + ",sfi-enrolment-days=" + sfiEnrolmentDays
                + ",establishment-ending-days=" + establishmentEndingDays + ",sfi-right-years=" + sfiRightYears
                + ",sfi-right-ending-days=" + sfiRightEndingDays + ",sfi-right-in-force-from="
                + SFI_RIGHT_IN_FORCE_FROM;
    }

    private static void requireNotNegative(String property, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("journey.caseload." + property + " must not be negative, was " + days);
        }
    }
}

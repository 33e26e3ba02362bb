package se.integrationjourney.core.journey;

/**
 * Every rule a journey command can break. The code is what a caller sees (the API puts it in a 422's detail) and
 * what tests assert on, so a constant is never renamed once released.
 */
public enum Rule {
    JOURNEY_NOT_REGISTERED("a milestone needs a registered journey"),
    JOURNEY_ALREADY_REGISTERED("a journey is registered once"),
    JOURNEY_CLOSED("nothing but a reopening (or a correction) may be recorded on a closed journey"),
    JOURNEY_NOT_CLOSED("only a closed journey can be reopened"),
    REQUIRED_VALUE_MISSING("a required value is missing or blank"),
    DATE_IN_FUTURE("a business date may not be after today"),
    DATE_BEFORE_ARRIVAL(
            "a milestone may not be dated before arrival; an establishment plan may start up to 12 months before"),
    MUNICIPALITY_CODE_INVALID("a municipality code is exactly four digits"),
    COUNTRY_OF_BIRTH_INVALID("a country of birth is an ISO 3166-1 alpha-2 code: two upper-case letters"),
    BIRTH_YEAR_OUT_OF_RANGE("a birth year lies between 1900 and the year of arrival"),
    INVALID_PERSONAL_IDENTITY_NUMBER(
            "a personal identity number is YYYYMMDDNNNC (hyphen before the last four allowed), a real date"
                    + " (day plus 60 for a coordination number) and a valid check digit"),
    PERSONAL_DATA_ERASED("the personal data of this journey was erased: it is neither corrected nor erased again"),
    PERSONAL_DATA_IN_FREE_TEXT("free text may not contain the person's name or a personal identity number"),
    ACTION_PLAN_NOT_ESTABLISHED("an action plan can be revised only once one is established, on or before that date"),
    ESTABLISHMENT_ALREADY_STARTED("the establishment plan starts once"),
    ESTABLISHMENT_NOT_STARTED("the establishment plan ends only after it started"),
    ESTABLISHMENT_ALREADY_ENDED("the establishment plan ends once"),
    SFI_STUDY_PATH_INVALID("an SFI study path is 1, 2 or 3"),
    SFI_NOT_ENROLLED("an SFI level is reached only after enrolment in SFI"),
    SFI_LEVEL_OUTSIDE_PATH("path 1 covers SFI levels A-D, path 2 B-D, path 3 C-D"),
    SFI_LEVEL_BELOW_REACHED("an SFI level below one already reached cannot be reached"),
    SFI_LEVEL_ALREADY_REACHED("an SFI level is reached once"),
    CIVIC_ORIENTATION_HOURS_OUT_OF_RANGE("civic orientation hours are between 1 and 1000"),
    HOURS_PER_WEEK_OUT_OF_RANGE("hours per week are more than 0 and at most 168"),
    EPISODE_ALREADY_OPEN("an internship, employment or study id, a business or financial assistance is started only"
            + " when not already open"),
    EPISODE_NOT_STARTED("an internship, employment, study, business or financial assistance is ended only if it was"
            + " started and is still open"),
    END_BEFORE_START("an end (or a reopening, or a loss of self-sufficiency) is dated on or after its start"),
    SELF_SUFFICIENCY_ALREADY_REACHED("self-sufficiency is reached only when the person is not already self-sufficient"),
    NOT_SELF_SUFFICIENT("self-sufficiency is lost only when the person is self-sufficient"),
    FOLLOW_UP_MONTHS_OUT_OF_RANGE("a follow-up is between 0 and 120 months after the establishment period"),
    REASON_REQUIRED("a retraction gives a reason"),
    RETRACTION_TARGET_UNKNOWN("a retraction names an event of this journey"),
    ALREADY_RETRACTED("an event is retracted once"),
    REGISTRATION_NOT_RETRACTABLE("the registration cannot be retracted: close the journey instead"),
    CORRECTION_NOT_RETRACTABLE("a personal-details correction or a retraction cannot be retracted"),
    DEPENDENT_MILESTONE_RECORDED(
            "an event cannot be retracted while a later one relies on it (an end on its start, a restart on the"
                    + " previous end, a reopening on its closure, a revision on its plan): retract that one first");

    private final String description;

    Rule(String description) {
        this.description = description;
    }

    /** The rule in one line, for documentation and error listings. */
    public String description() {
        return description;
    }
}

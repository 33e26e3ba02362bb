package se.integrationjourney.api.pages.journeys;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import se.integrationjourney.core.journey.Rule;

/**
 * Where on a form a broken rule is shown: the first of its fields that the form has; otherwise at the top of the
 * form. The rule's text is {@code rule.<RULE>} in the rules bundle.
 */
final class RuleFields {

    private static final Map<Rule, List<String>> FIELDS = new EnumMap<>(Rule.class);

    static {
        for (Rule dated : List.of(
                Rule.DATE_IN_FUTURE,
                Rule.DATE_BEFORE_ARRIVAL,
                Rule.END_BEFORE_START,
                Rule.ACTION_PLAN_NOT_ESTABLISHED,
                Rule.ESTABLISHMENT_ALREADY_STARTED,
                Rule.ESTABLISHMENT_NOT_STARTED,
                Rule.ESTABLISHMENT_ALREADY_ENDED,
                Rule.SFI_NOT_ENROLLED,
                Rule.SELF_SUFFICIENCY_ALREADY_REACHED,
                Rule.NOT_SELF_SUFFICIENT,
                Rule.JOURNEY_NOT_CLOSED)) {
            FIELDS.put(dated, List.of("occurredOn", "arrivalDate"));
        }
        FIELDS.put(Rule.MUNICIPALITY_CODE_INVALID, List.of("municipalityCode"));
        FIELDS.put(Rule.COUNTRY_OF_BIRTH_INVALID, List.of("countryOfBirth"));
        FIELDS.put(Rule.BIRTH_YEAR_OUT_OF_RANGE, List.of("birthYear"));
        FIELDS.put(Rule.INVALID_PERSONAL_IDENTITY_NUMBER, List.of("personalIdentityNumber"));
        FIELDS.put(Rule.PERSONAL_DATA_IN_FREE_TEXT, List.of("summary", "reason", "sector", "language"));
        FIELDS.put(Rule.SFI_STUDY_PATH_INVALID, List.of("studyPath"));
        FIELDS.put(Rule.SFI_LEVEL_OUTSIDE_PATH, List.of("level"));
        FIELDS.put(Rule.SFI_LEVEL_BELOW_REACHED, List.of("level"));
        FIELDS.put(Rule.SFI_LEVEL_ALREADY_REACHED, List.of("level"));
        FIELDS.put(Rule.CIVIC_ORIENTATION_HOURS_OUT_OF_RANGE, List.of("hours"));
        FIELDS.put(Rule.HOURS_PER_WEEK_OUT_OF_RANGE, List.of("hoursPerWeek"));
        FIELDS.put(Rule.EPISODE_ALREADY_OPEN, List.of("internshipId", "employmentId", "studyId", "occurredOn"));
        FIELDS.put(Rule.EPISODE_NOT_STARTED, List.of("internshipId", "employmentId", "studyId", "occurredOn"));
        FIELDS.put(Rule.FOLLOW_UP_MONTHS_OUT_OF_RANGE, List.of("monthsAfterEstablishment"));
        FIELDS.put(Rule.REASON_REQUIRED, List.of("reason"));
    }

    private RuleFields() {}

    /** The field of {@code fields} where {@code rule} is shown, or null for the top of the form. */
    static String fieldFor(Rule rule, Collection<String> fields) {
        return FIELDS.getOrDefault(rule, List.of()).stream()
                .filter(fields::contains)
                .findFirst()
                .orElse(null);
    }
}

package se.integrationjourney.api.pages.audit;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import se.integrationjourney.api.journeys.IdentityNumberInput;

/**
 * What an auditor typed to open a case: a journey id, or a personal identity number in one of the forms people
 * write it (YYYYMMDD-NNNN, YYMMDD-NNNN, with or without the dash, {@code +} for someone 100 or older). The number
 * is read as the caseworker's search reads it ({@link IdentityNumberInput}): the century by Skatteverket's rule, then
 * the core's check, the same rule registration uses.
 */
sealed interface CaseReference {

    /** The longest input read at all: anything longer is neither an id nor a number. */
    int MAX_LENGTH = 100;

    record JourneyId(UUID id) implements CaseReference {}

    /** @param number twelve digits, as stored */
    record IdentityNumber(String number) implements CaseReference {}

    /** @param messageKey why it is neither, for the field's message */
    record Unreadable(String messageKey) implements CaseReference {}

    Pattern JOURNEY_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static CaseReference read(String typed, LocalDate today) {
        String input = typed == null ? "" : typed.strip().replace(" ", "");
        if (input.isEmpty()) {
            return new Unreadable("audit.lookup.required");
        }
        if (input.length() > MAX_LENGTH) {
            return new Unreadable("audit.lookup.unreadable");
        }
        if (JOURNEY_ID.matcher(input).matches()) {
            return new JourneyId(UUID.fromString(input));
        }
        if (!IdentityNumberInput.inNumberForm(input)) {
            return new Unreadable("audit.lookup.unreadable");
        }
        return IdentityNumberInput.normalise(input, today)
                .<CaseReference>map(IdentityNumber::new)
                .orElse(new Unreadable("audit.lookup.invalidNumber"));
    }
}

package se.integrationjourney.api.pages.outcomes;

import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import se.integrationjourney.api.municipalities.Municipalities;
import se.integrationjourney.api.municipalities.Municipalities.Municipality;
import se.integrationjourney.projections.outcomes.OutcomeCsv;

/** What the analysts' pages share: the years a form accepts, the municipality choices, CSV downloads. */
final class OutcomePages {

    /**
     * The earliest cohort year a form accepts. The establishment reform (etableringsreformen) began in December
     * 2010; earlier years leave room for journeys registered from older records.
     */
    static final int FIRST_COHORT_YEAR = 2000;

    /** How many cohort years the comparison across years shows, the chosen one the last. */
    static final int COMPARED_COHORT_YEARS = 6;

    private static final Collator SWEDISH_ORDER = Collator.getInstance(Locale.forLanguageTag("sv"));

    private OutcomePages() {}

    /** Sweden's 290 municipalities in Swedish alphabetical order (Å, Ä, Ö last), as a person looks for a name. */
    static List<Municipality> municipalityChoices(Municipalities municipalities) {
        return municipalities.all().stream()
                .sorted(Comparator.comparing(Municipality::name, SWEDISH_ORDER))
                .toList();
    }

    /**
     * A CSV download in {@link OutcomeCsv}'s format (the API's own), as an attachment. {@code fileName} is built from
     * the query's parameters only, so it can never carry personal data.
     */
    static ResponseEntity<String> csv(List<List<String>> rows, String fileName) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(OutcomeCsv.render(rows));
    }

    /** The part of a file name naming the municipality: its code, or "all". */
    static String municipalityPart(String municipalityCode) {
        return municipalityCode == null || municipalityCode.isEmpty() ? "all" : municipalityCode;
    }
}

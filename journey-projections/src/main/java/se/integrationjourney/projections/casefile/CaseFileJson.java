package se.integrationjourney.projections.casefile;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import se.integrationjourney.core.events.PersonalDetails;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Case files as JSON documents in the views' {@code jsonb} columns. A mapper of its own, reading and writing
 * fields only, so that neither the HTTP API's settings nor a new accessor method changes what is stored.
 */
public final class CaseFileJson {

    private static final JsonMapper MAPPER = mapper().build();
    /** The same, leaving out the personal details: what views analysts read store. */
    private static final JsonMapper WITHOUT_PERSONAL_DATA = mapper()
            .addMixIn(CaseFile.class, PersonalDataLeftOut.class)
            .build();

    private static JsonMapper.Builder mapper() {
        return JsonMapper.builder()
                .changeDefaultVisibility(visibility -> visibility
                        .withVisibility(PropertyAccessor.ALL, Visibility.NONE)
                        .withVisibility(PropertyAccessor.FIELD, Visibility.ANY))
                // A document written by a newer version must not stop an older one from serving.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private CaseFileJson() {
    }

    public static String write(CaseFile file) {
        return MAPPER.writeValueAsString(file);
    }

    /**
     * The case file as JSON without its personal details (name, personal identity number), in one pass: no copy
     * of the case file is made (a rebuild writes tens of thousands of them at once).
     */
    public static String writeWithoutPersonalData(CaseFile file) {
        return WITHOUT_PERSONAL_DATA.writeValueAsString(file);
    }

    public static CaseFile read(String json) {
        return MAPPER.readValue(json, CaseFile.class);
    }

    /** Jackson mix-in: the case file's personal details are left out. */
    private abstract static class PersonalDataLeftOut {
        @JsonIgnore
        PersonalDetails personalDetails;
    }
}

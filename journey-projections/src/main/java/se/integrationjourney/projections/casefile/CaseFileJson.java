package se.integrationjourney.projections.casefile;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import java.nio.charset.StandardCharsets;
import se.integrationjourney.core.events.PersonalDetails;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Case files as JSON documents in the views' {@code json} columns. A mapper of its own, reading and writing
 * fields only, so that neither the HTTP API's settings nor a new accessor method changes what is stored.
 */
public final class CaseFileJson {

    private static final JsonMapper MAPPER = mapper().build();
    /** The same, leaving out the personal details: what views analysts read store. */
    private static final JsonMapper WITHOUT_PERSONAL_DATA =
            mapper().addMixIn(CaseFile.class, PersonalDataLeftOut.class).build();

    private static final byte[] PERSONAL_DETAILS_FIELD = "{\"personalDetails\":".getBytes(StandardCharsets.UTF_8);

    private static JsonMapper.Builder mapper() {
        return JsonMapper.builder()
                .changeDefaultVisibility(visibility -> visibility
                        .withVisibility(PropertyAccessor.ALL, Visibility.NONE)
                        .withVisibility(PropertyAccessor.FIELD, Visibility.ANY))
                // A document written by a newer version must not stop an older one from serving.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private CaseFileJson() {}

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

    /**
     * The case file as both views' forms store it, from one serialization: without personal details (the analysts'
     * view), and whole (the caseworkers' views), which is the same document with the personal details in front. A
     * rebuild writes tens of thousands of case files to three tables at once; serializing each once, not per table,
     * is a third of the work. Reads the same as {@link #write} and {@link #writeWithoutPersonalData}.
     */
    public static Documents documents(CaseFile file) {
        byte[] withoutPersonalData = WITHOUT_PERSONAL_DATA.writeValueAsBytes(file);
        byte[] personalDetails = MAPPER.writeValueAsBytes(file.personalDetails);
        // {"journeyId":…} becomes {"personalDetails":{…},"journeyId":…}: the document always has other fields.
        byte[] whole = new byte[PERSONAL_DETAILS_FIELD.length + personalDetails.length + withoutPersonalData.length];
        System.arraycopy(PERSONAL_DETAILS_FIELD, 0, whole, 0, PERSONAL_DETAILS_FIELD.length);
        System.arraycopy(personalDetails, 0, whole, PERSONAL_DETAILS_FIELD.length, personalDetails.length);
        int comma = PERSONAL_DETAILS_FIELD.length + personalDetails.length;
        whole[comma] = ',';
        System.arraycopy(withoutPersonalData, 1, whole, comma + 1, withoutPersonalData.length - 1);
        return new Documents(whole, withoutPersonalData);
    }

    public static CaseFile read(String json) {
        return MAPPER.readValue(json, CaseFile.class);
    }

    /** A case file's JSON (UTF-8) whole and without personal details. */
    public record Documents(byte[] whole, byte[] withoutPersonalData) {

        public byte[] of(boolean wholeCaseFile) {
            return wholeCaseFile ? whole : withoutPersonalData;
        }
    }

    /** Jackson mix-in: the case file's personal details are left out. */
    private abstract static class PersonalDataLeftOut {
        @JsonIgnore
        PersonalDetails personalDetails;
    }
}

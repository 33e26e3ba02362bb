package se.integrationjourney.projections.casefile;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Case files as JSON documents in the views' {@code jsonb} columns. A mapper of its own, reading and writing
 * fields only, so that neither the HTTP API's settings nor a new accessor method changes what is stored.
 */
public final class CaseFileJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultVisibility(visibility -> visibility
                    .withVisibility(PropertyAccessor.ALL, Visibility.NONE)
                    .withVisibility(PropertyAccessor.FIELD, Visibility.ANY))
            // A document written by a newer version must not stop an older one from serving.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CaseFileJson() {
    }

    public static String write(CaseFile file) {
        return MAPPER.writeValueAsString(file);
    }

    public static CaseFile read(String json) {
        return MAPPER.readValue(json, CaseFile.class);
    }

    static CaseFile copy(CaseFile file) {
        return read(write(file));
    }
}

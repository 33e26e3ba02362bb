package se.integrationjourney.api.pages.journeys;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.integrationjourney.api.journeys.MilestoneRequest;

/** The milestone types the API accepts, by the API's name, in the order of the path. */
final class MilestoneTypes {

    private static final Map<String, Class<? extends MilestoneRequest>> REQUESTS = new LinkedHashMap<>();

    static {
        for (JsonSubTypes.Type type :
                MilestoneRequest.class.getAnnotation(JsonSubTypes.class).value()) {
            REQUESTS.put(type.name(), type.value().asSubclass(MilestoneRequest.class));
        }
    }

    private MilestoneTypes() {}

    static List<String> names() {
        return List.copyOf(REQUESTS.keySet());
    }

    /** The request record of {@code type}, or null if there is no such type. */
    static Class<? extends MilestoneRequest> request(String type) {
        return type == null ? null : REQUESTS.get(type);
    }
}

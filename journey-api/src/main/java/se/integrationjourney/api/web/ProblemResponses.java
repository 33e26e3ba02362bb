package se.integrationjourney.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problems written where no controller answers: servlet filters, the security filters, the error page. The same
 * {@code type}, {@code title} and shape as {@link ApiExceptionHandler}'s.
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {}

    /** Writes a problem of this kind; {@code detail} must never carry a submitted value. */
    public static void write(HttpServletResponse response, Problems kind, String detail) throws IOException {
        response.setStatus(kind.status().value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("application/problem+json");
        response.getWriter().write(json(kind, detail));
        response.flushBuffer();
    }

    /** The problem's JSON body. */
    public static String json(Problems kind, String detail) {
        return json(kind, kind.status().value(), detail);
    }

    /** The problem's JSON body, for a status the kind stands in for (a container error without a kind of its own). */
    static String json(Problems kind, int status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", kind.type().toString());
        problem.put("title", kind.title());
        problem.put("status", status);
        problem.put("detail", detail);
        return JSON.writeValueAsString(problem);
    }
}

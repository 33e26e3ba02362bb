package se.integrationjourney.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 400 a path or query parameter holding text that PostgreSQL cannot store ({@link StorableText}): such
 * a value would otherwise reach a query as a parameter and fail there. Read from the raw query string, so that a
 * form body is never read here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class StorableRequestTarget extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (!storable(request.getRequestURI()) || (query != null && !storableParameters(query))) {
            ProblemResponses.write(
                    response,
                    Problems.VALIDATION,
                    "The address or a query parameter " + StorableText.REFUSAL + "; nothing was recorded");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean storableParameters(String query) {
        for (String part : query.split("&")) {
            if (!storable(part)) {
                return false;
            }
        }
        return true;
    }

    /** The text with its escapes decoded ({@code %00} is a NUL) can be stored; a malformed escape is left alone. */
    private static boolean storable(String escaped) {
        try {
            return StorableText.isStorable(URLDecoder.decode(escaped.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return true; // left to Tomcat or to parameter binding, which refuse it with 400
        }
    }
}

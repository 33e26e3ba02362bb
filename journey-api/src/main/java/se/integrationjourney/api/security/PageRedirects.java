package se.integrationjourney.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A redirect that htmx follows too: a request htmx made (header {@code HX-Request}) gets {@code HX-Redirect}, so the
 * whole page goes to the new address instead of the sign-in form appearing inside a fragment.
 */
final class PageRedirects {

    private PageRedirects() {}

    static void to(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String location = request.getContextPath() + path;
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", location);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.sendRedirect(location);
    }
}

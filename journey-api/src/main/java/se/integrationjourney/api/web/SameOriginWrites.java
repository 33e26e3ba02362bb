package se.integrationjourney.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request (anything but GET, HEAD, OPTIONS) whose {@code Origin} is not this service's own
 * or one of {@code journey.http.allowed-origins}: a page on another site must not make a signed-in browser record,
 * rebuild or create anything (a bodyless admin POST needs no JSON content type, so CORS alone would not stop it).
 * Clients that send no {@code Origin} (curl, other services) are not affected.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class SameOriginWrites extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SameOriginWrites.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Set<String> allowedOrigins;

    public SameOriginWrites(HttpSettings settings) {
        this.allowedOrigins = Set.copyOf(settings.allowedOrigins().stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(origin -> origin.toLowerCase(Locale.ROOT))
                .toList());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null
                && !SAFE_METHODS.contains(request.getMethod())
                && !sameOrigin(origin, request)
                && !allowedOrigins.contains(origin.trim().toLowerCase(Locale.ROOT))) {
            // Worth an operator's eye: a page elsewhere tried to act through someone's browser.
            log.info("Refused a {} from another site's page", request.getMethod());
            ProblemResponses.write(
                    response,
                    Problems.FORBIDDEN,
                    "Requests from another site's page are refused; nothing was recorded");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The origin names the host and port the request was sent to ({@code Host}). */
    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getHost() == null || uri.getScheme() == null) {
                return false; // "null" (a sandboxed or file page) and anything else unreadable
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            String hostPort = uri.getHost() + ":" + port;
            String expected = host.contains(":") && !host.endsWith("]")
                    ? host
                    : host + ":" + ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
            return hostPort.equalsIgnoreCase(expected);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }
}

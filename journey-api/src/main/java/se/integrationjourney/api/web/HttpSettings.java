package se.integrationjourney.api.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP edge's settings, {@code journey.http.*} (the defaults are application.yml's), checked when bound.
 *
 * @param maxRequestBody the largest request body accepted; larger ones get 413 before they are read
 * @param allowedOrigins origins (scheme://host:port) besides the service's own whose pages may send writes
 */
@ConfigurationProperties("journey.http")
public record HttpSettings(DataSize maxRequestBody, List<String> allowedOrigins) {

    public HttpSettings {
        if (maxRequestBody == null || maxRequestBody.toBytes() < 1) {
            throw new IllegalArgumentException("journey.http.max-request-body must be a positive size, e.g. 64KB");
        }
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}

package se.integrationjourney.api.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for full-stack tests: real requests to the running service on loopback. */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final String authorization;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private ApiClient(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    public static ApiClient as(int port, String username, String password) {
        return new ApiClient(
                port,
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A client signing in with an OAuth2 bearer token. */
    public static ApiClient bearer(int port, String token) {
        return new ApiClient(port, "Bearer " + token);
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient(port, null);
    }

    /** A client sending this header too, for the next requests. */
    public ApiClient with(String header, String value) {
        ApiClient copy = new ApiClient(port, authorization);
        copy.headers.putAll(headers);
        copy.headers.put(header, value);
        return copy;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** The name of the node answering, as its health details give it to an administrator's client. */
    public String nodeName() {
        return get("/actuator/health")
                .json()
                .path("components")
                .path("projections")
                .path("details")
                .path("node")
                .asString();
    }

    public Response post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    public Response post(String path, Object body) {
        return post(path, JSON.writeValueAsString(body));
    }

    /** A request with any method, content type and body (none when {@code body} is null). */
    public Response send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = request(path);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A POST whose body is sent in chunks, without Content-Length: its size is known only as it is read. */
    public Response postChunked(String path, java.util.function.Supplier<java.io.InputStream> body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body readable as JSON. */
    public record Response(HttpResponse<String> raw) {
        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }
}

package se.integrationjourney.api.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session of the web application outside the browser, signed in through the sign-in form as a browser is (the
 * pages take no Basic credentials): plain HTTP, much faster than a browser for tests that need a page's answer but
 * not its behaviour. Redirects are not followed; each request may carry a correlation id.
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;

    private PageSession(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    public static PageSession signIn(int port, String username, String password) {
        return signIn(port, port, username, password);
    }

    /**
     * Signs in with the form as shown by the service on {@code formPort} and posted to the one on {@code signInPort}
     * (two nodes behind a load balancer); the session then talks to the latter.
     */
    public static PageSession signIn(int formPort, int signInPort, String username, String password) {
        PageSession form = new PageSession(
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                "http://127.0.0.1:" + formPort);
        PageSession session = form.at(signInPort);
        HttpResponse<String> signedIn =
                session.post("/signin", null, form.csrf("/signin"), "username", username, "password", password);
        assertThat(signedIn.statusCode()).as("signed in as " + username).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return session;
    }

    /**
     * The same session (the same cookies) sent to the service on another port, as a load balancer may send a
     * browser's next request to another node.
     */
    public PageSession at(int port) {
        return new PageSession(http, "http://127.0.0.1:" + port);
    }

    /** GET, with {@code correlationId} as {@code X-Correlation-Id} unless null. */
    public HttpResponse<String> get(String path, String correlationId) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        return send(request, correlationId);
    }

    /** A form posted with a CSRF token of this session (from the page at {@code formPage}), fields as name/value. */
    public HttpResponse<String> postForm(String path, String formPage, String correlationId, String... fields) {
        return post(path, correlationId, csrf(formPage), fields);
    }

    /** A form posted with the given CSRF token (one read from another node, say), fields as name/value. */
    public HttpResponse<String> postWithToken(String path, String csrf, String... fields) {
        return post(path, null, csrf, fields);
    }

    /** The CSRF token the page at {@code path} carries in its forms. */
    public String csrf(String path) {
        Matcher csrf = CSRF.matcher(get(path, null).body());
        assertThat(csrf.find()).as("a CSRF token on " + path).isTrue();
        return csrf.group(1);
    }

    private HttpResponse<String> post(String path, String correlationId, String csrf, String... fields) {
        StringBuilder form = new StringBuilder("_csrf=" + encode(csrf));
        for (int i = 0; i < fields.length; i += 2) {
            form.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString())),
                correlationId);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String correlationId) {
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package se.integrationjourney.api.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A municipality's identity provider for the tests: an OpenID Connect provider on a local port speaking the
 * authorization-code flow (discovery, authorize, token, keys), whose sign-in page is skipped: it signs in whoever
 * the test names with {@link #signInAs}. The ID tokens are signed RS256 with a key made here, and the service checks
 * them as it would a real provider's.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "integrationsresan";
    public static final String CLIENT_SECRET = "client secret for tests";

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, String> nonceByCode = new ConcurrentHashMap<>();
    private final Map<String, String> userByCode = new ConcurrentHashMap<>();
    private volatile String nextUser;

    private TestIdentityProvider(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
    }

    public static TestIdentityProvider start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestIdentityProvider provider = new TestIdentityProvider(server, key);
            server.createContext("/.well-known/openid-configuration", provider::discovery);
            server.createContext("/authorize", provider::authorize);
            server.createContext("/token", provider::token);
            server.createContext("/keys", provider::keys);
            server.start();
            return provider;
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException("cannot start the test identity provider", e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The person the next sign-in at the provider is for ({@code preferred_username}). */
    public void signInAs(String username) {
        nextUser = username;
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String issuer = issuer();
        json(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/keys","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","profile"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic"]}
                """.formatted(issuer));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        nonceByCode.put(code, query.getOrDefault("nonce", ""));
        userByCode.put(code, nextUser);
        String location = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String code = body.get("code");
        String user = code == null ? null : userByCode.remove(code);
        if (user == null) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("sub-" + user)
                .audience(List.of(CLIENT_ID))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonceByCode.remove(code))
                .claim("preferred_username", user)
                .build();
        try {
            SignedJWT idToken = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            idToken.sign(new RSASSASigner(key));
            json(
                    exchange,
                    200,
                    "{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\","
                            + "\"expires_in\":300,\"scope\":\"openid profile\",\"id_token\":\"" + idToken.serialize()
                            + "\"}");
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void keys(HttpExchange exchange) throws IOException {
        json(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void json(HttpExchange exchange, int status, String body) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package se.integrationjourney.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import se.integrationjourney.api.testsupport.ApiClient;
import se.integrationjourney.api.testsupport.ApiTestAccounts;

/**
 * Bearer tokens (JWT) next to HTTP Basic: this context has a {@link JwtDecoder} trusting a key pair made here, as
 * it would have one for a configured OIDC issuer, so tokens are signed by the test itself.
 */
class BearerTokenApiTest extends ApiTestBase {

    private static final KeyPair ISSUER_KEYS = rsaKeyPair();
    private static final KeyPair STRANGER_KEYS = rsaKeyPair();

    @TestConfiguration(proxyBeanMethods = false)
    static class TrustTheTestIssuer {
        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) ISSUER_KEYS.getPublic())
                    .build();
        }
    }

    @Test
    void givenACaseworkerToken_whenRegisteringInItsMunicipality_thenTheTimelineNamesTheTokensUser() {
        ApiClient caseworker = bearer(token("karin.jwt", List.of("CASEWORKER"), ApiTestAccounts.TOREBODA));

        ApiClient.Response created = caseworker.post(
                "/api/journeys", registration(today().minusDays(1).toString(), "Rahel Tesfamariam", null));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String journeyId = created.json().path("journeyId").asString();
        ApiClient.Response timeline = caseworker.get("/api/journeys/" + journeyId + "/timeline");
        assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
        assertThat(timeline.json().get(0).path("recordedBy").asString()).isEqualTo("karin.jwt");
        assertThat(caseworker.get("/api/caseload").status()).isEqualTo(200);
    }

    @Test
    void givenACaseworkerToken_whenActingInAnotherMunicipality_then403() {
        String journeyId = registerJourney(today().minusDays(1).toString());
        ApiClient trelleborg = bearer(token("erik.jwt", List.of("CASEWORKER"), ApiTestAccounts.TRELLEBORG));
        long eventsBefore = allEvents();

        assertProblem(trelleborg.get("/api/journeys/" + journeyId), 403);
        assertProblem(
                trelleborg.post(
                        "/api/journeys/" + journeyId + "/milestones", milestone("INTRODUCTORY_MEETING_HELD", today())),
                403);
        assertProblem(
                trelleborg.post("/api/journeys", registration(today().toString(), "Rahel Tesfamariam", null)), 403);
        assertThat(allEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void givenAnAnalystToken_whenCalling_then403OnJourneysAnd200OnOutcomes() {
        ApiClient analyst = bearer(token("ana.jwt", List.of("ANALYST"), null));
        long eventsBefore = allEvents();

        assertProblem(analyst.post("/api/journeys", registration(today().toString(), "Rahel Tesfamariam", null)), 403);
        assertProblem(analyst.get("/api/caseload"), 403);
        ApiClient.Response outcomes = analyst.get("/api/outcomes/two-years-after?cohortYear=2021");
        assertThat(outcomes.status()).as(outcomes.body()).isEqualTo(200);
        assertThat(analyst.get("/api/outcomes/time-to?milestone=HOUSING_SECURED&from=ARRIVAL&cohortYear=2024")
                        .status())
                .isEqualTo(200);
        assertThat(allEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void givenATokenWithARoleThisServiceDoesNotKnow_whenCalling_then403() {
        ApiClient stranger = bearer(token("root.jwt", List.of("SUPERUSER"), ApiTestAccounts.TOREBODA));

        assertProblem(stranger.get("/api/caseload"), 403);
        assertProblem(stranger.get("/api/admin/projections"), 403);
    }

    @Test
    void givenAnExpiredToken_whenCalling_then401Problem() {
        Instant longAgo = Instant.now().minus(Duration.ofHours(2));
        ApiClient expired = bearer(signed(
                ISSUER_KEYS,
                claims(
                        "karin.jwt",
                        List.of("CASEWORKER"),
                        ApiTestAccounts.TOREBODA,
                        longAgo,
                        longAgo.plus(Duration.ofMinutes(5)))));

        assertProblem(expired.get("/api/caseload"), 401);
        assertProblem(expired.post("/api/journeys", registration(today().toString(), "Rahel Tesfamariam", null)), 401);
    }

    @Test
    void givenATokenSignedByAnotherKey_whenCalling_then401Problem() {
        ApiClient forged = bearer(signed(
                STRANGER_KEYS,
                claims(
                        "admin",
                        List.of("ADMIN"),
                        null,
                        Instant.now(),
                        Instant.now().plus(Duration.ofMinutes(5)))));
        long eventsBefore = allEvents();

        assertProblem(forged.get("/api/admin/projections"), 401);
        assertProblem(forged.post("/api/journeys", registration(today().toString(), "Rahel Tesfamariam", null)), 401);
        assertThat(allEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void givenAMalformedBearerToken_whenCalling_then401Problem() {
        assertProblem(bearer("not-a-jwt").get("/api/caseload"), 401);
    }

    @Test
    void givenATokenService_whenUsingHttpBasic_thenBasicStillWorks() {
        assertThat(caseworker().get("/api/caseload").status()).isEqualTo(200);
        assertProblem(wrongPassword().get("/api/caseload"), 401);
    }

    private ApiClient bearer(String token) {
        return ApiClient.bearer(port, token);
    }

    /** A token valid for five minutes from the test issuer. */
    private static String token(String username, List<String> roles, String municipalityCode) {
        Instant now = Instant.now();
        return signed(ISSUER_KEYS, claims(username, roles, municipalityCode, now, now.plus(Duration.ofMinutes(5))));
    }

    private static JWTClaimsSet claims(
            String username, List<String> roles, String municipalityCode, Instant issued, Instant expires) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("subject-of-" + username)
                .issuer("https://idp.test.invalid")
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .claim("preferred_username", username)
                .claim("roles", roles);
        if (municipalityCode != null) {
            claims.claim("municipality_code", municipalityCode);
        }
        return claims.build();
    }

    private static String signed(KeyPair keys, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

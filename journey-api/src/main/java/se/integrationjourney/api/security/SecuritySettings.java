package se.integrationjourney.api.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in's settings, {@code journey.security.*} (the defaults are application.yml's), checked when bound (docs/operations.md, "Accounts and sign-in", "Sign-in throttling").
 *
 * @param oidcIssuerUri                 accept bearer tokens from this OpenID Connect issuer; none when blank
 * @param oidcClientId                  with an issuer: the pages' client id there, which offers signing in through it
 *                                      (mapped to the account of the same username); none when blank
 * @param oidcClientSecret              the pages' client secret at the issuer
 * @param verifiedCredentialsTtl        how long a password bcrypt accepted is remembered; zero turns it off
 * @param verifiedCredentialsMaxEntries at most this many remembered sign-ins
 * @param accountRecheck                how long a node answers from an account as it read it: a change made on
 *                                      another node (disabled, password, roles) holds on this one within it; zero
 *                                      reads the account on every request
 * @param trustedProxies                reverse proxies whose {@code X-Forwarded-For} names the client
 * @param signIn                        the throttling of failed sign-ins
 */
@ConfigurationProperties("journey.security")
public record SecuritySettings(
        String oidcIssuerUri,
        String oidcClientId,
        String oidcClientSecret,
        Duration verifiedCredentialsTtl,
        int verifiedCredentialsMaxEntries,
        Duration accountRecheck,
        List<String> trustedProxies,
        SignIn signIn) {

    public SecuritySettings {
        oidcIssuerUri = oidcIssuerUri == null ? "" : oidcIssuerUri.trim();
        oidcClientId = oidcClientId == null ? "" : oidcClientId.trim();
        oidcClientSecret = oidcClientSecret == null ? "" : oidcClientSecret;
        if (!oidcClientId.isEmpty() && oidcIssuerUri.isEmpty()) {
            throw new IllegalArgumentException(
                    "journey.security.oidc-client-id needs journey.security.oidc-issuer-uri (the identity provider)");
        }
        if (verifiedCredentialsTtl == null || verifiedCredentialsTtl.isNegative()) {
            throw new IllegalArgumentException("journey.security.verified-credentials-ttl must be zero or more");
        }
        if (accountRecheck == null || accountRecheck.isNegative()) {
            throw new IllegalArgumentException("journey.security.account-recheck must be zero or more");
        }
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        if (signIn == null) {
            throw new IllegalArgumentException("journey.security.sign-in.* must be set");
        }
    }

    /**
     * Sign-in throttling: failures per account and per client address within a window lock further sign-ins for a
     * lockout that doubles with each lock in a row, up to the longest ({@link SignInThrottle} checks the values).
     */
    public record SignIn(
            int maxFailuresPerAccount,
            int maxFailuresPerAddress,
            Duration window,
            Duration lockout,
            Duration maxLockout) {}

    /** Whether the sign-in page offers the identity provider: an issuer and a client id for the pages there. */
    public boolean oidcSignIn() {
        return !oidcIssuerUri.isEmpty() && !oidcClientId.isEmpty();
    }

    /** What it prints when logged: never the client secret. */
    @Override
    public String toString() {
        return "SecuritySettings[oidcIssuerUri=" + oidcIssuerUri + ", oidcClientId=" + oidcClientId
                + ", verifiedCredentialsTtl=" + verifiedCredentialsTtl + ", trustedProxies=" + trustedProxies + "]";
    }
}

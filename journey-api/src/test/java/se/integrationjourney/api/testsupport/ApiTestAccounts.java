package se.integrationjourney.api.testsupport;

import java.util.EnumSet;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.integrationjourney.api.security.AccountStore;
import se.integrationjourney.api.security.Role;

/** The accounts full-stack tests sign in with: one per role, caseworkers in two municipalities. */
public final class ApiTestAccounts {

    public static final String PASSWORD = "correct horse battery staple";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin password for tests";
    public static final String CASEWORKER_TOREBODA = "cw-toreboda";
    public static final String CASEWORKER_TRELLEBORG = "cw-trelleborg";
    public static final String ANALYST = "analyst";
    public static final String AUDITOR = "auditor";
    public static final String TOREBODA = "1473";
    public static final String TRELLEBORG = "1287";

    private ApiTestAccounts() {}

    /** Creates the accounts if missing (the context, and so the database, may be shared by test classes). */
    public static void ensure(AccountStore accounts, PasswordEncoder passwords) {
        String hash = passwords.encode(PASSWORD);
        accounts.create(CASEWORKER_TOREBODA, hash, EnumSet.of(Role.CASEWORKER), TOREBODA);
        accounts.create(CASEWORKER_TRELLEBORG, hash, EnumSet.of(Role.CASEWORKER), TRELLEBORG);
        accounts.create(ANALYST, hash, EnumSet.of(Role.ANALYST), null);
        accounts.create(AUDITOR, hash, EnumSet.of(Role.AUDITOR), null);
    }
}

package se.integrationjourney.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's own accounts, in PostgreSQL ({@code account}); passwords only as adaptive hashes. A username is
 * one account whatever its case ("Admin" signs in as "admin"): looked up and kept unique by {@code lower(username)},
 * shown as first created. Not a
 * {@code UserDetailsService} bean: HTTP Basic signs in through {@link AccountAuthenticationProvider} alone, so Spring
 * Security builds no second password check of its own.
 */
@Component
public class AccountStore {

    /** Authority carrying a caseworker's municipality, next to the role authorities. */
    static final String MUNICIPALITY_AUTHORITY_PREFIX = "MUNICIPALITY_";

    /** Authority of an account whose password an administrator reset: it must choose a new one first. */
    public static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    /** An account nobody signed in with for this long is forgotten (and no longer read at each recheck). */
    private static final Duration FORGET_UNUSED_AFTER = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(AccountStore.class);

    /** At most this many accounts remembered per node: more than the caseworkers of the largest region. */
    private static final int RECENT_ACCOUNTS = 50_000;

    /** What signing in and checking a session read of an account, in {@link #signingIn}'s order. */
    private static final String SIGNING_IN = "select username, password_hash, roles, municipality_code, disabled_at,"
            + " password_change_required, session_generation from account";

    private static final String ACCOUNT_COLUMNS = "username, roles, municipality_code, created_at, disabled_at,"
            + " password_change_required, language, session_generation from account";

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    /** The accounts this node read lately, by lower-case username; null when every request reads its account. */
    private final Cache<String, Read> recentlyRead;

    /** Reads every remembered account again, in one query, each half of the recheck; null in tests. */
    private final ScheduledExecutorService rechecks;

    private final long recheckNanos;
    private final Ticker ticker;

    /** An account as read (empty: no such account), and when, by the ticker. */
    private record Read(Optional<SigningIn> account, long atNanos) {}

    @Autowired
    public AccountStore(JdbcTemplate jdbc, TransactionTemplate transaction, SecuritySettings settings) {
        this(jdbc, transaction, settings.accountRecheck(), Ticker.systemTicker());
        if (recentlyRead != null) {
            long every = settings.accountRecheck().toMillis() / 2;
            rechecks.scheduleWithFixedDelay(this::recheckNow, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** With a ticker of the test's, to move time; the test rechecks ({@link #recheckNow}) when it wants. */
    AccountStore(JdbcTemplate jdbc, TransactionTemplate transaction, Duration recheck, Ticker ticker) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.recheckNanos = recheck.toNanos();
        this.ticker = ticker; // monotonic: a wall clock set back would stretch the bound
        // Caffeine for the size bound and for forgetting accounts nobody uses; how old a read may be is checked here,
        // exactly (Caffeine's own expiry does not restart for a write within a second of the last one).
        this.recentlyRead = recheck.isZero()
                ? null
                : Caffeine.newBuilder()
                        .ticker(ticker)
                        .executor(Runnable::run)
                        .expireAfterAccess(FORGET_UNUSED_AFTER)
                        .maximumSize(RECENT_ACCOUNTS)
                        .build();
        this.rechecks = recentlyRead == null
                ? null
                : Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "account-recheck");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Reads every account this node remembers again, in one query, so that a request finds its account read within
     * the recheck without waiting for PostgreSQL itself: only an account whose last read is older than the recheck
     * (the database was slow or away) is read by its request. Scheduled each half of the recheck. An account changed
     * through this node meanwhile is forgotten, not replaced by this read, which may be older than the change.
     */
    void recheckNow() {
        try {
            Map<String, Read> before = Map.copyOf(recentlyRead.asMap());
            if (before.isEmpty()) {
                return;
            }
            long now = ticker.read();
            Map<String, Optional<SigningIn>> read = readSigningIn(before.keySet());
            before.forEach(
                    (username, old) -> recentlyRead.asMap().replace(username, old, new Read(read.get(username), now)));
        } catch (RuntimeException e) {
            // The reads age past the recheck and their requests read them: the bound holds without this one.
            log.debug("Rereading the remembered accounts failed: {}", e.toString());
        }
    }

    @PreDestroy
    void stopRechecks() {
        if (rechecks != null) {
            rechecks.shutdownNow();
        }
    }

    public boolean isEmpty() {
        return Boolean.FALSE.equals(jdbc.queryForObject("select exists (select 1 from account)", Boolean.class));
    }

    /** @return false if the username is taken, in any case */
    public boolean create(String username, String passwordHash, Set<Role> roles, String municipalityCode) {
        // In a transaction (the caller's, or one of its own), so that a commit lost with its connection is told
        // from a refused one: a single statement in autocommit would commit unseen.
        boolean created = Boolean.TRUE.equals(transaction.execute(status -> jdbc.update(
                        "insert into account (username, password_hash, roles, municipality_code)"
                                + " values (?, ?, ?, ?) on conflict do nothing",
                        username,
                        passwordHash,
                        rolesText(roles),
                        municipalityCode)
                == 1));
        changed(username); // a sign-in tried before may have found no such account
        return created;
    }

    public Optional<JourneyUser> find(String username) {
        return account(username)
                .map(account -> new JourneyUser(account.username(), account.roles(), account.municipalityCode()));
    }

    public Optional<Account> account(String username) {
        return jdbc
                .query(
                        "select " + ACCOUNT_COLUMNS + " where lower(username) = ?",
                        AccountStore::account,
                        lowerCase(username))
                .stream()
                .findFirst();
    }

    /** Every account, by username. */
    public List<Account> list() {
        return jdbc.query("select " + ACCOUNT_COLUMNS + " order by lower(username)", AccountStore::account);
    }

    /** The usernames of the enabled caseworker accounts of a municipality, for assigning a journey. */
    public List<String> caseworkersOf(String municipalityCode) {
        return jdbc.queryForList(
                "select username from account where municipality_code = ? and disabled_at is null"
                        + " and (',' || roles || ',') like '%,CASEWORKER,%' order by lower(username)",
                String.class, municipalityCode);
    }

    /**
     * What a web session must be checked against at each request: the account's session generation and whether its
     * password must be changed; empty if the account is disabled or gone (as read within {@code account-recheck}).
     */
    public Optional<SessionState> sessionState(String username) {
        return recently(username)
                .filter(account -> !account.disabled())
                .map(account -> new SessionState(account.sessionGeneration(), account.passwordChangeRequired()));
    }

    /** @see #sessionState */
    public record SessionState(int generation, boolean passwordChangeRequired) {}

    /** Disables (true) or enables (false) the account; a change ends its sessions. @return false if unknown */
    public boolean setDisabled(String username, boolean disabled) {
        boolean found = jdbc.update(
                        "update account set disabled_at = case when ? then coalesce(disabled_at, now()) end,"
                                + " session_generation = session_generation + 1 where lower(username) = ?",
                        disabled,
                        lowerCase(username))
                == 1;
        changed(username);
        return found;
    }

    /** Sets the password (its hash), to be changed at the next sign-in or not; ends the account's sessions. */
    public boolean setPassword(String username, String passwordHash, boolean changeRequired) {
        boolean found = jdbc.update(
                        "update account set password_hash = ?, password_change_required = ?,"
                                + " session_generation = session_generation + 1 where lower(username) = ?",
                        passwordHash,
                        changeRequired,
                        lowerCase(username))
                == 1;
        changed(username);
        return found;
    }

    /** The stored password hash, to check a password an account's owner gives before changing it. */
    public Optional<String> passwordHash(String username) {
        return jdbc
                .queryForList(
                        "select password_hash from account where lower(username) = ?",
                        String.class,
                        lowerCase(username))
                .stream()
                .findFirst();
    }

    /** Replaces the account's roles and municipality; ends its sessions. */
    public boolean setRoles(String username, Set<Role> roles, String municipalityCode) {
        boolean found = jdbc.update(
                        "update account set roles = ?, municipality_code = ?,"
                                + " session_generation = session_generation + 1 where lower(username) = ?",
                        rolesText(roles),
                        municipalityCode,
                        lowerCase(username))
                == 1;
        changed(username);
        return found;
    }

    /** The web application's language for the account: {@code sv} or {@code en}. */
    public boolean setLanguage(String username, String language) {
        return jdbc.update("update account set language = ? where lower(username) = ?", language, lowerCase(username))
                == 1;
    }

    /** The account as Spring Security signs it in: hash, role authorities and the municipality authority. */
    public UserDetails loadUserByUsername(String username) {
        // The message names no user: it may reach a log.
        SigningIn account = recently(username).orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        List<SimpleGrantedAuthority> authorities = new ArrayList<>(account.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList());
        if (account.municipalityCode() != null) {
            authorities.add(new SimpleGrantedAuthority(MUNICIPALITY_AUTHORITY_PREFIX + account.municipalityCode()));
        }
        if (account.passwordChangeRequired()) {
            authorities.add(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
        }
        // A new User each time: Spring Security erases the password of the one it signed in.
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .authorities(authorities)
                .disabled(account.disabled())
                .build();
    }

    /**
     * What signing in and checking a session need of an account, as read at most {@code account-recheck} ago on this
     * node: per request, PostgreSQL is asked again only behind the requests (after half of it) or, once it has passed,
     * by the request itself. Changes made through this node are seen at once.
     */
    private Optional<SigningIn> recently(String username) {
        String key = lowerCase(username);
        if (recentlyRead == null) {
            return readSigningIn(key);
        }
        Read known = recentlyRead.getIfPresent(key);
        long now = ticker.read();
        if (known != null && now - known.atNanos() <= recheckNanos) {
            return known.account();
        }
        Optional<SigningIn> account = readSigningIn(key);
        recentlyRead.put(key, new Read(account, now));
        return account;
    }

    private Optional<SigningIn> readSigningIn(String lowerCaseUsername) {
        return jdbc
                .query(SIGNING_IN + " where lower(username) = ?", (row, n) -> signingIn(row), lowerCaseUsername)
                .stream()
                .findFirst();
    }

    /** Those accounts in one query; an unknown username as empty. */
    private Map<String, Optional<SigningIn>> readSigningIn(Set<? extends String> lowerCaseUsernames) {
        Map<String, Optional<SigningIn>> read = new HashMap<>();
        lowerCaseUsernames.forEach(username -> read.put(username, Optional.empty()));
        jdbc.query(
                SIGNING_IN + " where lower(username) = any(?)",
                row -> {
                    SigningIn account = signingIn(row);
                    read.put(lowerCase(account.username()), Optional.of(account));
                },
                (Object) lowerCaseUsernames.toArray(String[]::new));
        return read;
    }

    private static SigningIn signingIn(java.sql.ResultSet row) throws java.sql.SQLException {
        return new SigningIn(
                row.getString(1),
                row.getString(2),
                roles(row.getString(3)),
                row.getString(4),
                row.getTimestamp(5) != null,
                row.getBoolean(6),
                row.getInt(7));
    }

    /** An account as a sign-in and a session check read it. */
    private record SigningIn(
            String username,
            String passwordHash,
            Set<Role> roles,
            String municipalityCode,
            boolean disabled,
            boolean passwordChangeRequired,
            int sessionGeneration) {}

    /** Forgets what this node read of the account, after a change made through it (when its transaction commits). */
    private void changed(String username) {
        if (recentlyRead == null) {
            return;
        }
        String key = lowerCase(username);
        recentlyRead.invalidate(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Read again meanwhile, it would be the row before the change: forget it again once the change commits.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    recentlyRead.invalidate(key);
                }
            });
        }
    }

    /**
     * A username in lower case as Java makes it, not PostgreSQL: accounts' usernames are ASCII, where the two agree,
     * and a name typed with other letters (a Turkish dotted I, say) then matches no account instead of whichever one
     * the database's collation folds it to.
     */
    static String lowerCase(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static Account account(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        java.sql.Timestamp disabledAt = row.getTimestamp("disabled_at");
        return new Account(
                row.getString("username"),
                roles(row.getString("roles")),
                row.getString("municipality_code"),
                row.getTimestamp("created_at").toInstant(),
                disabledAt == null ? null : disabledAt.toInstant(),
                row.getBoolean("password_change_required"),
                row.getString("language"),
                row.getInt("session_generation"));
    }

    private static String rolesText(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> roles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(text.split(","))
                .filter(s -> !s.isBlank())
                .map(String::trim)
                .map(Role::valueOf)
                .forEach(roles::add);
        return roles;
    }
}

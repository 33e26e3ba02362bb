package se.integrationjourney.api.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
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

    private static final String ACCOUNT_COLUMNS = "username, roles, municipality_code, created_at, disabled_at,"
            + " password_change_required, language, session_generation from account";

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    public AccountStore(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public boolean isEmpty() {
        return Boolean.FALSE.equals(jdbc.queryForObject("select exists (select 1 from account)", Boolean.class));
    }

    /** @return false if the username is taken, in any case */
    public boolean create(String username, String passwordHash, Set<Role> roles, String municipalityCode) {
        // In a transaction (the caller's, or one of its own), so that a commit lost with its connection is told
        // from a refused one: a single statement in autocommit would commit unseen.
        return Boolean.TRUE.equals(transaction.execute(status -> jdbc.update(
                        "insert into account (username, password_hash, roles, municipality_code)"
                                + " values (?, ?, ?, ?) on conflict do nothing",
                        username,
                        passwordHash,
                        rolesText(roles),
                        municipalityCode)
                == 1));
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
     * password must be changed; empty if the account is disabled or gone.
     */
    public Optional<SessionState> sessionState(String username) {
        return jdbc
                .query(
                        "select session_generation, password_change_required from account"
                                + " where lower(username) = ? and disabled_at is null",
                        (row, n) -> new SessionState(row.getInt(1), row.getBoolean(2)),
                        lowerCase(username))
                .stream()
                .findFirst();
    }

    /** @see #sessionState */
    public record SessionState(int generation, boolean passwordChangeRequired) {}

    /** Disables (true) or enables (false) the account; a change ends its sessions. @return false if unknown */
    public boolean setDisabled(String username, boolean disabled) {
        return jdbc.update(
                        "update account set disabled_at = case when ? then coalesce(disabled_at, now()) end,"
                                + " session_generation = session_generation + 1 where lower(username) = ?",
                        disabled,
                        lowerCase(username))
                == 1;
    }

    /** Sets the password (its hash), to be changed at the next sign-in or not; ends the account's sessions. */
    public boolean setPassword(String username, String passwordHash, boolean changeRequired) {
        return jdbc.update(
                        "update account set password_hash = ?, password_change_required = ?,"
                                + " session_generation = session_generation + 1 where lower(username) = ?",
                        passwordHash,
                        changeRequired,
                        lowerCase(username))
                == 1;
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
        return jdbc.update(
                        "update account set roles = ?, municipality_code = ?,"
                                + " session_generation = session_generation + 1 where lower(username) = ?",
                        rolesText(roles),
                        municipalityCode,
                        lowerCase(username))
                == 1;
    }

    /** The web application's language for the account: {@code sv} or {@code en}. */
    public boolean setLanguage(String username, String language) {
        return jdbc.update("update account set language = ? where lower(username) = ?", language, lowerCase(username))
                == 1;
    }

    /** The account as Spring Security signs it in: hash, role authorities and the municipality authority. */
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> users = jdbc.query(
                "select username, password_hash, roles, municipality_code, disabled_at, password_change_required"
                        + " from account where lower(username) = ?",
                (row, n) -> {
                    List<SimpleGrantedAuthority> authorities =
                            new java.util.ArrayList<>(roles(row.getString(3)).stream()
                                    .map(role -> new SimpleGrantedAuthority(role.authority()))
                                    .toList());
                    if (row.getString(4) != null) {
                        authorities.add(new SimpleGrantedAuthority(MUNICIPALITY_AUTHORITY_PREFIX + row.getString(4)));
                    }
                    if (row.getBoolean(6)) {
                        authorities.add(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
                    }
                    return User.withUsername(row.getString(1))
                            .password(row.getString(2))
                            .authorities(authorities)
                            .disabled(row.getTimestamp(5) != null)
                            .build();
                },
                lowerCase(username));
        // The message names no user: it may reach a log.
        return users.stream().findFirst().orElseThrow(() -> new UsernameNotFoundException("unknown account"));
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

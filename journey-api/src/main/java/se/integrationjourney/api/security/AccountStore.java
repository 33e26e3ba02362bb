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
                        roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")),
                        municipalityCode)
                == 1));
    }

    public Optional<JourneyUser> find(String username) {
        List<JourneyUser> users = jdbc.query(
                "select username, roles, municipality_code from account" + " where lower(username) = ?",
                (row, n) -> new JourneyUser(row.getString(1), roles(row.getString(2)), row.getString(3)),
                lowerCase(username));
        return users.stream().findFirst();
    }

    /** The account as Spring Security signs it in: hash, role authorities and the municipality authority. */
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> users = jdbc.query(
                "select username, password_hash, roles, municipality_code from account" + " where lower(username) = ?",
                (row, n) -> {
                    List<SimpleGrantedAuthority> authorities =
                            new java.util.ArrayList<>(roles(row.getString(3)).stream()
                                    .map(role -> new SimpleGrantedAuthority(role.authority()))
                                    .toList());
                    if (row.getString(4) != null) {
                        authorities.add(new SimpleGrantedAuthority(MUNICIPALITY_AUTHORITY_PREFIX + row.getString(4)));
                    }
                    return User.withUsername(row.getString(1))
                            .password(row.getString(2))
                            .authorities(authorities)
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

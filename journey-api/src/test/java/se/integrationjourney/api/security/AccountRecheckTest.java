package se.integrationjourney.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.api.web.ApiTestBase;

/**
 * A node answers from an account as it read it for at most {@code journey.security.account-recheck}: a change made
 * elsewhere (another node, or by hand in the database) holds once that has passed; each half of it the node reads
 * every account it holds again in one query, so that requests do not wait for PostgreSQL; a change made through the
 * node holds at once. Time is a ticker of the test's, against the real {@code account} table.
 */
class AccountRecheckTest extends ApiTestBase {

    private static final Duration RECHECK = Duration.ofSeconds(2);

    @Autowired
    private TransactionTemplate transaction;

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;

    @Test
    void givenAnAccountReadOnThisNode_whenDisabledElsewhere_thenItHoldsOnlyOnceTheRecheckHasPassed() {
        AccountStore node = node();
        String username = newAccount(node);
        assertThat(node.loadUserByUsername(username).isEnabled()).isTrue();

        disableByHand(username);

        assertThat(node.loadUserByUsername(username).isEnabled())
                .as("within the recheck, as read before")
                .isTrue();
        assertThat(node.sessionState(username)).isPresent();
        advance(RECHECK.plusMillis(1));
        assertThat(node.loadUserByUsername(username).isEnabled())
                .as("past the recheck, read again")
                .isFalse();
        assertThat(node.sessionState(username)).isEmpty();
    }

    @Test
    void givenAChangeMadeElsewhere_whenTheNodeRechecks_thenItHoldsAndRequestsAnswerFromThatRead() {
        AccountStore node = node();
        String username = newAccount(node);
        assertThat(node.loadUserByUsername(username).isEnabled()).isTrue();
        disableByHand(username);

        advance(RECHECK.dividedBy(2));
        node.recheckNow(); // what the node does each half of the recheck, in one query for every account it holds
        enableByHand(username); // not yet rechecked: a request that read the account itself would see it enabled
        advance(RECHECK.dividedBy(2).plusMillis(1)); // past the first read's bound, within the recheck's

        assertThat(node.loadUserByUsername(username).isEnabled())
                .as("as the recheck read it, not read again by the request")
                .isFalse();
        advance(RECHECK);
        assertThat(node.loadUserByUsername(username).isEnabled()).isTrue();
    }

    @Test
    void givenAnAccountReadOnThisNode_whenChangedThroughIt_thenTheChangeHoldsAtOnce() {
        AccountStore node = node();
        String username = newAccount(node);
        assertThat(node.loadUserByUsername(username).getAuthorities()).hasSize(2);

        assertThat(node.setRoles(username, Set.of(Role.ANALYST), null)).isTrue();
        assertThat(node.loadUserByUsername(username).getAuthorities())
                .extracting(Object::toString)
                .containsExactly(Role.ANALYST.authority());
        assertThat(node.setDisabled(username, true)).isTrue();
        assertThat(node.loadUserByUsername(username).isEnabled()).isFalse();
    }

    @Test
    void givenAnUnknownUsernameTried_whenTheAccountIsCreatedThroughThisNode_thenItSignsInAtOnce() {
        AccountStore node = node();
        String username = "recheck-" + UUID.randomUUID();
        assertThatThrownBy(() -> node.loadUserByUsername(username)).isInstanceOf(UsernameNotFoundException.class);

        assertThat(node.create(username, "{noop}x", Set.of(Role.CASEWORKER), "1715"))
                .isTrue();

        assertThat(node.loadUserByUsername(username).getUsername()).isEqualTo(username);
    }

    /** A node's account store with the test's ticker. */
    private AccountStore node() {
        return new AccountStore(jdbc, transaction, RECHECK, ticker);
    }

    private static String newAccount(AccountStore node) {
        String username = "recheck-" + UUID.randomUUID();
        assertThat(node.create(username, "{noop}x", Set.of(Role.CASEWORKER), "1715"))
                .isTrue();
        return username;
    }

    private void disableByHand(String username) {
        jdbc.update("update account set disabled_at = now() where username = ?", username);
    }

    private void enableByHand(String username) {
        jdbc.update("update account set disabled_at = null where username = ?", username);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}

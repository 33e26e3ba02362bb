package se.integrationjourney.api.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.security.AccountStore;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.api.security.SignInThrottle;

/**
 * The sign-in locks of this node as administrators see and lift them, for the API and the web application alike:
 * each lift recorded in the access log. Locks on usernames that are no account's are only counted: what was typed
 * there (a password, an identity number) is never shown.
 */
@Component
public class SignInLockAdministration {

    /** The kind of a lock on an account (SignInThrottle.Lock.kind); the other kind is {@link #ADDRESS}. */
    public static final String ACCOUNT = "ACCOUNT";

    public static final String ADDRESS = "ADDRESS";

    private final SignInThrottle throttle;
    private final AccountStore accounts;
    private final AccessLog accessLog;

    public SignInLockAdministration(SignInThrottle throttle, AccountStore accounts, AccessLog accessLog) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.accessLog = accessLog;
    }

    /**
     * The locks in force that may be shown, longest first, and how many lock usernames that are no account's.
     *
     * @param shown accounts (by their username as created) and client addresses
     */
    public record Locks(List<SignInThrottle.Lock> shown, int lockedUnknownUsernames) {}

    public Locks locks() {
        List<SignInThrottle.Lock> shown = new ArrayList<>();
        int unknown = 0;
        for (SignInThrottle.Lock lock : throttle.locks()) {
            if (!ACCOUNT.equals(lock.kind())) {
                shown.add(lock);
                continue;
            }
            Optional<String> account = accounts.find(lock.key()).map(user -> user.username());
            if (account.isPresent()) {
                shown.add(new SignInThrottle.Lock(lock.kind(), account.get(), lock.until(), lock.secondsLeft()));
            } else {
                unknown++;
            }
        }
        return new Locks(shown, unknown);
    }

    /** Lifts an account's lock and forgets its failures; recorded. @return false if it had neither (nothing done) */
    public boolean liftAccount(JourneyUser admin, String resource, String username) {
        if (!throttle.liftAccount(username)) {
            return false;
        }
        accessLog.act(admin.actor(), AccessAction.SIGN_IN_LOCK_LIFTED, resource, username);
        return true;
    }

    /** Lifts an address's lock and forgets its failures; recorded. @return false if it had neither (nothing done) */
    public boolean liftAddress(JourneyUser admin, String resource, String address) {
        if (!throttle.liftAddress(address)) {
            return false;
        }
        accessLog.act(admin.actor(), AccessAction.SIGN_IN_LOCK_LIFTED, resource, address);
        return true;
    }
}

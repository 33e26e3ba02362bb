package se.integrationjourney.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down: after {@code maxFailuresPerAccount} failed sign-ins for one account, or
 * {@code maxFailuresPerAddress} from one client address, within {@code window}, every sign-in for that account or
 * from that address is refused (429) for a lockout that starts at {@code lockout} and doubles with each lockout in a
 * row, up to {@code maxLockout}. A successful sign-in clears the account's count; an administrator can lift a lock.
 *
 * <p>Counted in this node's memory: with several nodes a guesser gets each node's allowance, and a restart forgets
 * (docs/operations.md). Kept by hand rather than with a rate-limiting library: fixed windows per key and a
 * lock-until are a few lines, where a token-bucket library would still need the growing lockout and the lifting
 * written around it. Bounded: keys idle for a window and not locked are dropped.
 */
public final class SignInThrottle {

    /** Counters kept before idle ones are swept. */
    private static final int SWEEP_ABOVE = 10_000;

    private final int maxFailuresPerAccount;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Duration lockout;
    private final Duration maxLockout;
    private final Clock clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public SignInThrottle(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window, Duration lockout,
                          Duration maxLockout, Clock clock) {
        if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1 || window.isNegative() || window.isZero()
                || lockout.isNegative() || lockout.isZero() || maxLockout.compareTo(lockout) < 0) {
            throw new IllegalArgumentException("sign-in throttling: failures at least 1, window and lockout"
                    + " positive, the longest lockout at least the first");
        }
        this.maxFailuresPerAccount = maxFailuresPerAccount;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.lockout = lockout;
        this.maxLockout = maxLockout;
        this.clock = clock;
    }

    /** How long sign-ins for this account from this address must still wait; zero if they may go ahead. */
    public Duration waitFor(String username, String address) {
        Instant now = clock.instant();
        Duration account = remaining(accountKey(username), now);
        Duration fromAddress = remaining(addressKey(address), now);
        return account.compareTo(fromAddress) >= 0 ? account : fromAddress;
    }

    /** A failed sign-in: a wrong password, or an unknown username. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (counters.size() > SWEEP_ABOVE) {
            counters.values().removeIf(counter -> counter.idleAt(now, window));
        }
        counters.computeIfAbsent(accountKey(username), key -> new Counter()).fail(now, maxFailuresPerAccount);
        counters.computeIfAbsent(addressKey(address), key -> new Counter()).fail(now, maxFailuresPerAddress);
    }

    /** A successful sign-in clears the account's failures and its run of lockouts. */
    public void succeeded(String username) {
        counters.remove(accountKey(username));
    }

    /** Lifts the lock and forgets the failures of an account; false if it had neither. */
    public boolean liftAccount(String username) {
        return counters.remove(accountKey(username)) != null;
    }

    /** Lifts the lock and forgets the failures of a client address; false if it had neither. */
    public boolean liftAddress(String address) {
        return counters.remove(addressKey(address)) != null;
    }

    /** The locks in force now, longest first. */
    public List<Lock> locks() {
        Instant now = clock.instant();
        List<Lock> locks = new ArrayList<>();
        counters.forEach((key, counter) -> {
            Duration left = counter.remaining(now);
            if (!left.isZero()) {
                boolean account = key.startsWith("account:");
                locks.add(new Lock(account ? "ACCOUNT" : "ADDRESS", key.substring(key.indexOf(':') + 1),
                        counter.lockedUntil(), left.toSeconds()));
            }
        });
        locks.sort(Comparator.comparing(Lock::secondsLeft).reversed());
        return locks;
    }

    private Duration remaining(String key, Instant now) {
        Counter counter = counters.get(key);
        return counter == null ? Duration.ZERO : counter.remaining(now);
    }

    private static String accountKey(String username) {
        return "account:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    /**
     * A lock in force.
     *
     * @param kind        ACCOUNT or ADDRESS
     * @param key         the username (lower case) or the client address
     * @param until       when it ends
     * @param secondsLeft seconds until then
     */
    public record Lock(String kind, String key, Instant until, long secondsLeft) {
    }

    /** Failures in the current window, and the lock they led to. */
    private final class Counter {
        private Instant windowStart;
        private int failures;
        private Instant lockedUntil = Instant.MIN;
        private int lockoutsInARow;

        synchronized void fail(Instant now, int maxFailures) {
            if (now.isBefore(lockedUntil)) {
                return; // refused before its password was checked: not counted again
            }
            if (windowStart == null || !now.isBefore(windowStart.plus(window))) {
                windowStart = now;
                failures = 0;
            }
            failures++;
            if (failures >= maxFailures) {
                Duration length = lockout.multipliedBy(1L << Math.min(lockoutsInARow, 20));
                lockedUntil = now.plus(length.compareTo(maxLockout) > 0 ? maxLockout : length);
                lockoutsInARow++;
                failures = 0;
                windowStart = null;
            }
        }

        synchronized Duration remaining(Instant now) {
            return now.isBefore(lockedUntil) ? Duration.between(now, lockedUntil) : Duration.ZERO;
        }

        synchronized Instant lockedUntil() {
            return lockedUntil;
        }

        synchronized boolean idleAt(Instant now, Duration window) {
            return !now.isBefore(lockedUntil.plus(window))
                    && (windowStart == null || !now.isBefore(windowStart.plus(window)));
        }
    }
}

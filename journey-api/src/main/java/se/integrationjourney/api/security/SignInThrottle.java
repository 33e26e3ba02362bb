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
 * row, up to {@code maxLockout}. Sign-ins being checked count against the limit too, so parallel guesses cannot
 * pass it; a successful one does not clear the failures of its window (a guesser would be helped by the owner's
 * every request). An administrator can lift a lock.
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

    public SignInThrottle(
            int maxFailuresPerAccount,
            int maxFailuresPerAddress,
            Duration window,
            Duration lockout,
            Duration maxLockout,
            Clock clock) {
        if (maxFailuresPerAccount < 1
                || maxFailuresPerAddress < 1
                || window.isNegative()
                || window.isZero()
                || lockout.isNegative()
                || lockout.isZero()
                || maxLockout.compareTo(lockout) < 0) {
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

    /**
     * Asks to check a sign-in's password: the time it must still wait (a lock in force, or as many sign-ins already
     * being checked as would reach the limit), or zero, and then it counts as under way until it is
     * {@linkplain #failed failed}, {@linkplain #succeeded succeeded} or {@linkplain #notJudged not judged}. Counting
     * it before the password is checked keeps a burst of parallel guesses from all passing before the first counts.
     */
    public Duration acquire(String username, String address) {
        Instant now = clock.instant();
        if (counters.size() > SWEEP_ABOVE) {
            counters.values().removeIf(counter -> counter.idleAt(now, window));
        }
        Counter account = counters.computeIfAbsent(accountKey(username), key -> new Counter(maxFailuresPerAccount));
        Counter fromAddress = counters.computeIfAbsent(addressKey(address), key -> new Counter(maxFailuresPerAddress));
        // Both counters are locked in one order (account, then address) so two sign-ins cannot deadlock.
        synchronized (account) {
            synchronized (fromAddress) {
                Duration wait = longer(account.waitAt(now), fromAddress.waitAt(now));
                if (!wait.isZero()) {
                    return wait;
                }
                account.underWay++;
                fromAddress.underWay++;
                return Duration.ZERO;
            }
        }
    }

    /** An acquired sign-in failed: a wrong password, or an unknown username. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        finish(accountKey(username), counter -> counter.fail(now));
        finish(addressKey(address), counter -> counter.fail(now));
    }

    /** An acquired sign-in succeeded: it does not count, and earlier failures stay counted in their window. */
    public void succeeded(String username, String address) {
        finish(accountKey(username), counter -> {});
        finish(addressKey(address), counter -> {});
    }

    /** An acquired sign-in could not be checked (no database): it does not count. */
    public void notJudged(String username, String address) {
        succeeded(username, address);
    }

    private void finish(String key, java.util.function.Consumer<Counter> outcome) {
        Counter counter = counters.get(key);
        if (counter != null) {
            synchronized (counter) {
                counter.underWay = Math.max(0, counter.underWay - 1);
                outcome.accept(counter);
            }
        }
    }

    private static Duration longer(Duration one, Duration other) {
        return one.compareTo(other) >= 0 ? one : other;
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
            Duration left;
            synchronized (counter) {
                left = counter.remaining(now);
            }
            if (!left.isZero()) {
                boolean account = key.startsWith("account:");
                Instant until;
                synchronized (counter) {
                    until = counter.lockedUntil();
                }
                locks.add(new Lock(
                        account ? "ACCOUNT" : "ADDRESS", key.substring(key.indexOf(':') + 1), until, left.toSeconds()));
            }
        });
        locks.sort(Comparator.comparing(Lock::secondsLeft).reversed());
        return locks;
    }

    /**
     * An account's key: its username in lower case, as the account table compares them (usernames are ASCII, so
     * Java's and PostgreSQL's lower case agree on every name that can be an account's).
     */
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
    public record Lock(String kind, String key, Instant until, long secondsLeft) {}

    /** Failures in the current window, the sign-ins under way, and the lock they led to. Guarded by itself. */
    private final class Counter {
        private final int maxFailures;
        private Instant windowStart;
        private int failures;
        private int underWay;
        private Instant lockedUntil = Instant.MIN;
        private int lockoutsInARow;

        Counter(int maxFailures) {
            this.maxFailures = maxFailures;
        }

        /** The lock's remaining time, or, with the failures and the sign-ins under way at the limit, a second. */
        Duration waitAt(Instant now) {
            Duration locked = remaining(now);
            if (!locked.isZero()) {
                return locked;
            }
            return failuresInWindow(now) + underWay >= maxFailures ? Duration.ofSeconds(1) : Duration.ZERO;
        }

        void fail(Instant now) {
            if (failuresInWindow(now) == 0) {
                windowStart = now;
            }
            failures++;
            if (failures >= maxFailures) {
                // A run of locks: this one follows the last within a window of its end.
                if (lockedUntil.plus(window).isBefore(now)) {
                    lockoutsInARow = 0;
                }
                Duration length = lockout.multipliedBy(1L << Math.min(lockoutsInARow, 20));
                lockedUntil = now.plus(length.compareTo(maxLockout) > 0 ? maxLockout : length);
                lockoutsInARow++;
                failures = 0;
                windowStart = null;
            }
        }

        private int failuresInWindow(Instant now) {
            if (windowStart == null || !now.isBefore(windowStart.plus(window))) {
                windowStart = null;
                failures = 0;
            }
            return failures;
        }

        Duration remaining(Instant now) {
            return now.isBefore(lockedUntil) ? Duration.between(now, lockedUntil) : Duration.ZERO;
        }

        Instant lockedUntil() {
            return lockedUntil;
        }

        boolean idleAt(Instant now, Duration window) {
            synchronized (this) {
                return underWay == 0
                        && !now.isBefore(lockedUntil.plus(window))
                        && (windowStart == null || !now.isBefore(windowStart.plus(window)));
            }
        }
    }
}

package se.integrationjourney.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Wraps the service's password encoder so a test can count the password checks it runs, and its clock so a test can
 * move time forward without sleeping. Both keep the real behaviour otherwise (bcrypt; the system clock plus an offset).
 */
@TestConfiguration(proxyBeanMethods = false)
class CountedPasswordsAndAdjustableClock {

    @Bean
    static BeanPostProcessor countPasswordChecksAndAdjustTheClock() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof PasswordEncoder encoder && !(bean instanceof CountingPasswordEncoder)) {
                    return new CountingPasswordEncoder(encoder);
                }
                if (bean instanceof Clock clock && !(bean instanceof AdjustableClock)) {
                    return new AdjustableClock(clock);
                }
                return bean;
            }
        };
    }

    /** Counts {@link #matches} calls, i.e. bcrypt checks of a presented password; never sees or keeps more. */
    static final class CountingPasswordEncoder implements PasswordEncoder {

        private final PasswordEncoder delegate;
        private final AtomicInteger checks = new AtomicInteger();

        CountingPasswordEncoder(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        int checks() {
            return checks.get();
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return delegate.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return delegate.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return delegate.upgradeEncoding(encodedPassword);
        }
    }

    /**
     * The real clock moved forward by however much a test asked; or, while frozen, standing still at one instant (and
     * moving only when a test advances it), so that a test can put a request exactly at a boundary.
     */
    static final class AdjustableClock extends Clock {

        private final Clock base;
        private final AtomicReference<Duration> offset;
        private final AtomicReference<Instant> frozenAt;

        AdjustableClock(Clock base) {
            this(base, new AtomicReference<>(Duration.ZERO), new AtomicReference<>());
        }

        private AdjustableClock(Clock base, AtomicReference<Duration> offset, AtomicReference<Instant> frozenAt) {
            this.base = base;
            this.offset = offset;
            this.frozenAt = frozenAt;
        }

        void freeze() {
            frozenAt.set(instant());
        }

        /** Runs on again from where it stands (frozen and advanced, or not). */
        void release() {
            Instant frozen = frozenAt.getAndSet(null);
            if (frozen != null) {
                offset.set(Duration.between(base.instant(), frozen));
            }
        }

        void advance(Duration by) {
            if (frozenAt.get() != null) {
                frozenAt.accumulateAndGet(null, (at, ignored) -> at.plus(by));
            } else {
                offset.accumulateAndGet(by, Duration::plus);
            }
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new AdjustableClock(base.withZone(zone), offset, frozenAt);
        }

        @Override
        public Instant instant() {
            Instant frozen = frozenAt.get();
            return frozen != null ? frozen : base.instant().plus(offset.get());
        }
    }
}

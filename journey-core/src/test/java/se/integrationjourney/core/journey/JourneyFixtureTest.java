package se.integrationjourney.core.journey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import se.integrationjourney.core.commands.Recorded;

/**
 * What every journey fixture test shares: a fixture with the test clock, a journey id, the registration as the first
 * given event, and matchers for the answers.
 */
abstract class JourneyFixtureTest {

    protected final UUID journeyId = UUID.fromString("3f2a1c9e-7b1d-4c55-9a0e-2d8f6b4e1a10");
    protected FixtureConfiguration<Journey> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Journey.class);
        fixture.registerInjectableResource(JourneyEvents.CLOCK);
    }

    /** The journey registered with the defaults, followed by the given events. */
    protected TestExecutor<Journey> givenRegistered(Object... moreEvents) {
        List<Object> events = new ArrayList<>();
        events.add(JourneyEvents.registered(journeyId));
        events.addAll(Arrays.asList(moreEvents));
        return fixture.given(events);
    }

    /** The id the fixture gave the given event with that sequence number (the registration is 0). */
    protected String eventIdAt(long sequence) {
        return fixture.getEventStore()
                .readEvents(journeyId.toString())
                .asStream()
                .filter(event -> event.getSequenceNumber() == sequence)
                .map(DomainEventMessage::getIdentifier)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no given event with sequence " + sequence));
    }

    /** A refusal for breaking the given rule, with the rule's code first in the message. */
    protected static Matcher<Object> violating(Rule rule) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof JourneyRuleViolation violation
                        && violation.rule() == rule
                        && violation.getMessage().startsWith(rule.name() + ": ");
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a JourneyRuleViolation of " + rule);
            }
        };
    }

    /** The answer for an event recorded as the given version, with the event's id. */
    protected static Matcher<Recorded> recordedAsVersion(long version) {
        return new TypeSafeMatcher<>(Recorded.class) {
            @Override
            protected boolean matchesSafely(Recorded recorded) {
                return recorded.version() == version
                        && recorded.eventId() != null
                        && !recorded.eventId().isBlank();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("Recorded with an event id and version " + version);
            }
        };
    }
}

package se.integrationjourney.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chain's definition pinned by two links computed outside Java (Python's hashlib, following docs/events.md), and
 * a chain followed link by link: what it names when bytes, links or events are changed or missing. The database's
 * side (the trigger, the migration) is EventChainTest's, in journey-api.
 */
class ChainWalkTest {

    private static final ChainedEvent FIRST = event(
            "journey-1",
            0,
            "event-1",
            "2026-12-07T10:00:00.000Z",
            "1",
            "{\"name\":\"Åsa\"}".getBytes(StandardCharsets.UTF_8),
            null,
            "Journey");
    private static final ChainedEvent SECOND =
            event("journey-1", 1, "event-2", "2026-12-07T10:00:01.000Z", null, new byte[0], "{}".getBytes(), null);

    @Test
    void givenTwoEventsWithNullsAndNonAsciiText_whenLinked_thenTheLinksComputedOutsideJava() {
        byte[] first = EventChain.link(EventChain.start(), FIRST);
        byte[] second = EventChain.link(first, SECOND);

        assertThat(EventChain.hex(first)).isEqualTo("0646c00c8b85026ff4d85d71962e3b6839ec45b4f9bab4befdb55ac54c5f7ca2");
        assertThat(EventChain.hex(second))
                .isEqualTo("132e9593797a557bd0a736f410094cf6ef0dcee170bfd02470956446a34ad83b");
    }

    @Test
    void givenOneLinkerForManyEvents_whenLinking_thenTheSameLinksAsTheDefinitionsBytes() throws Exception {
        EventChain.Linker linker = new EventChain.Linker();
        byte[] previous = EventChain.start();
        for (ChainedEvent event : List.of(FIRST, SECOND, FIRST)) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous);
            byte[] fromBytes = sha256.digest(EventChain.bytes(event));

            byte[] linked = linker.link(previous, event);

            assertThat(linked).isEqualTo(fromBytes);
            previous = linked;
        }
    }

    @Test
    void givenNullAndEmpty_whenEncoded_thenTheyDiffer() {
        ChainedEvent withNullRevision = SECOND;
        ChainedEvent withEmptyRevision =
                event("journey-1", 1, "event-2", "2026-12-07T10:00:01.000Z", "", new byte[0], "{}".getBytes(), null);

        assertThat(EventChain.bytes(withNullRevision)).isNotEqualTo(EventChain.bytes(withEmptyRevision));
    }

    @Test
    void givenAnIntactChain_whenWalked_thenEveryEventHoldsAndTheLastLinkIsTheNewestEventsLink() {
        List<ChainedEvent> chain = chained(FIRST, SECOND);
        ChainWalk walk = new ChainWalk("journey-1");

        assertThat(chain).allMatch(walk::next);
        assertThat(walk.broken()).isNull();
        assertThat(walk.intactEvents()).isEqualTo(2);
        assertThat(walk.lastLink()).isEqualTo(chain.get(1).chainHash());
    }

    @Test
    void givenOneByteOfAPayloadChanged_whenWalked_thenThatEventIsNamedWithTheExpectedAndStoredLinks() {
        List<ChainedEvent> chain = chained(FIRST, SECOND);
        ChainedEvent first = chain.get(0);
        byte[] payload = first.payload().clone();
        payload[3] ^= 1;
        chain.set(0, withPayload(first, payload));

        BrokenLink broken = walk(chain);

        assertThat(broken.kind()).isEqualTo(BrokenLink.Kind.ALTERED);
        assertThat(broken.eventIdentifier()).isEqualTo("event-1");
        assertThat(broken.sequenceNumber()).isZero();
        assertThat(broken.globalIndex()).isEqualTo(100);
        assertThat(broken.found()).isEqualTo(EventChain.hex(first.chainHash()));
        assertThat(broken.expected()).isNotEqualTo(broken.found()).hasSize(64);
        assertThat(broken.describe()).contains("event-1", "global index 100", broken.expected(), broken.found());
    }

    @Test
    void givenAStoredLinkChanged_whenWalked_thenThatEventIsNamed() {
        List<ChainedEvent> chain = chained(FIRST, SECOND);
        ChainedEvent second = chain.get(1);
        byte[] link = second.chainHash().clone();
        link[0] ^= 1;
        chain.set(1, withLink(second, link));

        BrokenLink broken = walk(chain);

        assertThat(broken.kind()).isEqualTo(BrokenLink.Kind.ALTERED);
        assertThat(broken.eventIdentifier()).isEqualTo("event-2");
        assertThat(broken.expected()).isEqualTo(EventChain.hex(second.chainHash()));
    }

    @Test
    void givenAnEventWithoutALink_whenWalked_thenItIsNamedWithNothingStored() {
        List<ChainedEvent> chain = chained(FIRST, SECOND);
        chain.set(1, withLink(chain.get(1), null));

        BrokenLink broken = walk(chain);

        assertThat(broken.eventIdentifier()).isEqualTo("event-2");
        assertThat(broken.found()).isNull();
        assertThat(broken.describe()).contains("stored none");
    }

    @Test
    void givenAnEventRemovedFromTheMiddle_whenWalked_thenTheOneAfterTheGapIsNamedWithTheMissingSequenceNumber() {
        ChainedEvent third =
                event("journey-1", 2, "event-3", "2026-12-07T10:00:02.000Z", "1", new byte[] {1}, null, null);
        List<ChainedEvent> chain = chained(FIRST, SECOND, third);
        chain.remove(1);

        BrokenLink broken = walk(chain);

        assertThat(broken.kind()).isEqualTo(BrokenLink.Kind.MISSING_EVENTS);
        assertThat(broken.eventIdentifier()).isEqualTo("event-3");
        assertThat(broken.expected()).isEqualTo("1");
        assertThat(broken.found()).isEqualTo("2");
    }

    @Test
    void givenTheFirstEventRemoved_whenWalked_thenTheNewFirstIsNamed() {
        List<ChainedEvent> chain = chained(FIRST, SECOND);
        chain.remove(0);

        BrokenLink broken = walk(chain);

        assertThat(broken.kind()).isEqualTo(BrokenLink.Kind.MISSING_EVENTS);
        assertThat(broken.expected()).isEqualTo("0");
    }

    @Test
    void givenABrokenChain_whenWalkedFurther_thenOnlyTheFirstBreakIsKept() {
        List<ChainedEvent> chain = chained(FIRST, SECOND);
        chain.set(0, withLink(chain.get(0), new byte[32]));
        chain.set(1, withLink(chain.get(1), new byte[32]));

        assertThat(walk(chain).eventIdentifier()).isEqualTo("event-1");
    }

    @Test
    void givenAnEventOfAnotherAggregate_whenWalked_thenRefused() {
        ChainWalk walk = new ChainWalk("journey-2");

        assertThatThrownBy(() -> walk.next(FIRST)).isInstanceOf(IllegalArgumentException.class);
    }

    private static BrokenLink walk(List<ChainedEvent> chain) {
        ChainWalk walk = new ChainWalk(chain.get(0).aggregateIdentifier());
        chain.forEach(walk::next);
        assertThat(walk.broken()).isNotNull();
        return walk.broken();
    }

    /** The events with the links the database would have stored, global indexes from 100. */
    private static List<ChainedEvent> chained(ChainedEvent... events) {
        List<ChainedEvent> chain = new ArrayList<>();
        byte[] previous = EventChain.start();
        for (ChainedEvent event : events) {
            byte[] link = EventChain.link(previous, event);
            chain.add(new ChainedEvent(
                    100 + chain.size(),
                    event.aggregateIdentifier(),
                    event.sequenceNumber(),
                    event.eventIdentifier(),
                    event.timeStamp(),
                    event.payloadType(),
                    event.payloadRevision(),
                    event.payload(),
                    event.metaData(),
                    event.type(),
                    link));
            previous = link;
        }
        return chain;
    }

    private static ChainedEvent event(
            String aggregate,
            long sequence,
            String eventId,
            String timeStamp,
            String revision,
            byte[] payload,
            byte[] metaData,
            String type) {
        return new ChainedEvent(
                0,
                aggregate,
                sequence,
                eventId,
                timeStamp,
                "se.example.Happened",
                revision,
                payload,
                metaData,
                type,
                null);
    }

    private static ChainedEvent withPayload(ChainedEvent e, byte[] payload) {
        return new ChainedEvent(
                e.globalIndex(),
                e.aggregateIdentifier(),
                e.sequenceNumber(),
                e.eventIdentifier(),
                e.timeStamp(),
                e.payloadType(),
                e.payloadRevision(),
                payload,
                e.metaData(),
                e.type(),
                e.chainHash());
    }

    private static ChainedEvent withLink(ChainedEvent e, byte[] link) {
        return new ChainedEvent(
                e.globalIndex(),
                e.aggregateIdentifier(),
                e.sequenceNumber(),
                e.eventIdentifier(),
                e.timeStamp(),
                e.payloadType(),
                e.payloadRevision(),
                e.payload(),
                e.metaData(),
                e.type(),
                link);
    }
}

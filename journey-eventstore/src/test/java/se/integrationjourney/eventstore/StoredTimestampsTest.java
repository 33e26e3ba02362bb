package se.integrationjourney.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** The event store's timestamps read as Axon reads them, whatever the value. */
class StoredTimestampsTest {

    @Test
    void givenTimestampsAsAxonWritesThem_whenParsed_thenTheSameInstantsAsAxonsParser() {
        SplittableRandom random = new SplittableRandom(20261123);
        long from = Instant.parse("1970-01-01T00:00:00Z").toEpochMilli();
        long until = Instant.parse("2200-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            String written = DateTimeUtils.formatInstant(Instant.ofEpochMilli(random.nextLong(from, until)));

            assertThat(StoredTimestamps.parse(written)).as(written).isEqualTo(DateTimeUtils.parseInstant(written));
        }
    }

    @Test
    void givenEdgesOfDaysMonthsAndYears_whenParsed_thenTheSameInstantsAsAxonsParser() {
        for (String written : new String[] {
            "2024-02-29T23:59:59.999Z",
            "2025-12-31T23:59:59.999Z",
            "2026-01-01T00:00:00.000Z",
            "1970-01-01T00:00:00.000Z",
            "2100-02-28T12:00:00.001Z"
        }) {
            assertThat(StoredTimestamps.parse(written)).as(written).isEqualTo(DateTimeUtils.parseInstant(written));
        }
    }

    @Test
    void givenOtherShapesAxonAccepts_whenParsed_thenAxonsParserDecides() {
        for (String written : new String[] {
            "2026-11-23T21:41:00.615+01:00",
            "2026-11-23T20:41:00.615123Z",
            "2026-11-23T20:41:00Z",
            "2026-11-23t20:41:00.615z"
        }) {
            assertThat(StoredTimestamps.parse(written)).as(written).isEqualTo(DateTimeUtils.parseInstant(written));
        }
    }

    @Test
    void givenValuesThatAreNotTimestamps_whenParsed_thenRefusedAsAxonRefusesThem() {
        for (String written : new String[] {
            "2026-02-30T20:41:00.615Z",
            "2026-13-23T20:41:00.615Z",
            "2026-11-23T24:41:00.615Z",
            "2026-11-2xT20:41:00.615Z",
            "not a timestamp at all!!"
        }) {
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(written))
                    .as(written)
                    .isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> StoredTimestamps.parse(written))
                    .as(written)
                    .isInstanceOf(DateTimeException.class);
        }
    }
}

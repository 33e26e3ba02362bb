package se.integrationjourney.api.journeys;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.api.security.JourneyUser;

/** Records every read of a case by a person: who read which journey's state or timeline, and when (docs/domain.md). */
@Component
class CaseReads {

    enum Resource {
        STATE,
        TIMELINE
    }

    private final JdbcTemplate jdbc;

    CaseReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID journeyId, JourneyUser reader, Resource resource) {
        jdbc.update(
                "insert into case_read (journey_id, username, resource) values (?, ?, ?)",
                journeyId,
                reader.username(),
                resource.name());
    }
}

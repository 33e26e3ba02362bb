package se.integrationjourney.projections.studies;

import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.core.events.ResearchExtractMade;
import se.integrationjourney.core.events.StudyQuery;
import se.integrationjourney.core.events.StudySaved;
import se.integrationjourney.projections.runtime.Projection;
import se.integrationjourney.projections.runtime.ViewTables;

/**
 * The list of saved studies ({@code study_list}): one row per study, newest first, for the analysts' list. A view
 * like the others, built from the events by the runtime and rebuildable, rather than a table written beside the
 * event: the list is derived from the studies' events, so it needs no second write path, and a rebuild, the status
 * and the dead-letter queue come with the runtime. It lags the event by the processor's few milliseconds, which no
 * one waits for: a saved study is read from its own events ({@link StudyQueries#find}). It holds neither the kept
 * answer nor the pseudonym key.
 */
@Component
public class StudiesProjection implements Projection {

    /** Token key of the view: never rename (docs/projections.md). */
    public static final String NAME = "studies";

    static final String TABLE = "study_list";

    private final JdbcTemplate jdbc;

    public StudiesProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public Object eventHandlers(ViewTables tables) {
        return new Handlers(tables.of(TABLE));
    }

    /** The view's handlers, writing to the live table or a rebuild's copy. */
    final class Handlers {

        private final String table;

        Handlers(String table) {
            this.table = table;
        }

        @EventHandler
        void on(StudySaved saved, @org.axonframework.eventhandling.Timestamp Instant savedAt) {
            StudyQuery query = saved.query();
            // A study is saved once; "do nothing" keeps a batch handled again after a failure harmless.
            jdbc.update(
                    "insert into " + table + " (study_id, title, kind, cohort_year, municipality_code, milestone,"
                            + " measured_from, within_months, as_of, known_at, saved_by, saved_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (study_id) do nothing",
                    saved.studyId(),
                    saved.title(),
                    query.kind().name(),
                    query.cohortYear(),
                    query.municipalityCode(),
                    query.milestone(),
                    query.from(),
                    query.withinMonths(),
                    saved.asOf(),
                    java.sql.Timestamp.from(saved.knownAt()),
                    saved.savedBy(),
                    java.sql.Timestamp.from(savedAt));
        }

        @EventHandler
        void on(ResearchExtractMade made, @org.axonframework.eventhandling.Timestamp Instant madeAt) {
            jdbc.update(
                    "update " + table + " set extracts = extracts + 1, last_extract_at = ? where study_id = ?",
                    java.sql.Timestamp.from(madeAt),
                    made.studyId());
        }
    }
}

package se.integrationjourney.api.projections;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import se.integrationjourney.projections.runtime.Projection;
import se.integrationjourney.projections.runtime.ViewTables;

/**
 * A stand-in view for the runtime's tests: counts ProbeRecorded events per aggregate. A "poison" text fails
 * while poisoned is set, and a rebuild can be held at a gate to observe the old view serving meanwhile. Its rows
 * are built with a setting, recorded with them, as the caseload's thresholds are.
 */
class ProbeProjection implements Projection {

    static final String NAME = "probe-view";

    private final JdbcTemplate jdbc;
    volatile boolean poisoned;
    volatile CountDownLatch rebuildGate;
    /** Holds the live view's handler while set: its segment then does not move. */
    volatile CountDownLatch liveGate;
    /** The application's setting for this view; a test changes it to see the view rebuilt at the next start. */
    volatile String setting = "counting";

    ProbeProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("probe_view", "probe_view_settings");
    }

    @Override
    public boolean builtWithOtherSettings() {
        return !jdbc.queryForList("select setting from probe_view_settings", String.class)
                .equals(List.of(setting));
    }

    @Override
    public void forgetSettings() {
        jdbc.update("delete from probe_view_settings");
    }

    @Override
    public void recordSettings(ViewTables tables) {
        jdbc.update("delete from " + tables.of("probe_view_settings"));
        jdbc.update("insert into " + tables.of("probe_view_settings") + " values (?)", setting);
    }

    @Override
    public Object eventHandlers(ViewTables tables) {
        return new Handlers(tables);
    }

    final class Handlers {
        private final ViewTables tables;

        Handlers(ViewTables tables) {
            this.tables = tables;
        }

        @EventHandler
        void on(ProbeRecorded event, org.axonframework.eventhandling.DomainEventMessage<?> message)
                throws InterruptedException {
            CountDownLatch gate = rebuildGate;
            if (tables != ViewTables.LIVE && gate != null && !gate.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("rebuild gate never opened");
            }
            CountDownLatch live = liveGate;
            if (tables == ViewTables.LIVE && live != null && !live.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("live gate never opened");
            }
            if (poisoned && "poison".equals(event.text())) {
                throw new IllegalStateException("poisoned event with personal data Åsa Öberg 19800101-1234");
            }
            jdbc.update(
                    "insert into " + tables.of("probe_view") + " (aggregate_id, events, last_text) values (?, 1, ?)"
                            + " on conflict (aggregate_id) do update set events = " + tables.of("probe_view")
                            + ".events + 1, last_text = excluded.last_text",
                    message.getAggregateIdentifier(),
                    event.text());
        }
    }
}

package se.integrationjourney.projections.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.projections.casefile.Stage;

/**
 * Answers {@link GetCaseload} from the caseload view's stored due windows ({@link DueSchedule}), most overdue
 * first. A journey is due today through its "due for good" date or through one of the two "ending" windows
 * covering today; each of the three is read in index order, so a page costs about a page's worth of index entries
 * whatever the size of the municipality's caseload (ADR 0009). Journeys with nothing due follow, by arrival.
 *
 * <p>All statements of one query read one snapshot (a read-only repeatable-read transaction), so the page, its
 * items and the total agree even while events are being handled.
 */
@Component
public class CaseloadQueries {

    private static final String ENDING = DueActionCode.ESTABLISHMENT_ENDING_NOT_IN_WORK_OR_STUDIES.sinceColumn();
    private static final String ENDING_UNTIL = DueActionCode.ESTABLISHMENT_ENDING_NOT_IN_WORK_OR_STUDIES.untilColumn();
    private static final String SFI = DueActionCode.SFI_RIGHT_ENDING_WITHOUT_LEVEL_D.sinceColumn();
    private static final String SFI_UNTIL = DueActionCode.SFI_RIGHT_ENDING_WITHOUT_LEVEL_D.untilColumn();

    /** The three ways a journey is due today, each a condition a partial index serves. */
    private static final String DUE_FOR_GOOD = "due_for_good_since <= :today";

    private static final String ENDING_DUE = ENDING_UNTIL + " >= :today and " + ENDING + " <= :today";
    private static final String SFI_DUE = SFI_UNTIL + " >= :today and " + SFI + " <= :today";
    private static final String NOT_DUE = "not coalesce(" + DUE_FOR_GOOD + ", false) and not coalesce(" + ENDING_DUE
            + ", false) and not coalesce(" + SFI_DUE + ", false)";

    /** The first statement of each read: its statements then see one snapshot. Sent with the driver's BEGIN. */
    static final String SNAPSHOT_ISOLATION = "set transaction isolation level repeatable read";

    private static final String ITEMS =
            "select " + CaseloadRow.COLUMNS + " from caseload where journey_id = any(:page)";

    /**
     * A name search within one municipality: a case-insensitive substring of the name (lower() follows the
     * database's LC_CTYPE, C.UTF-8 or a language's, which lowers Å, Ö and other letters beyond ASCII). No index
     * serves it: it reads the municipality's rows, open and closed, which is a few milliseconds for the largest
     * municipality; strpos rather than LIKE, so that % and _ in the text are plain characters.
     */
    static final String SEARCH = "select " + CaseloadRow.COLUMNS + " from caseload"
            + " where municipality_code = :municipalityCode and strpos(lower(full_name), lower(:text)) > 0"
            + " order by closed, full_name, arrival_date, journey_id limit :limit";

    /** The most items one name search returns. */
    public static final int MAX_SEARCH_RESULTS = 200;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate snapshot;
    private final CaseloadMemory memory;

    public CaseloadQueries(JdbcTemplate jdbc, Clock clock, CaseloadMemory memory) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
        this.memory = memory;
        DataSource dataSource =
                Objects.requireNonNull(jdbc.getDataSource(), "the view's JdbcTemplate has no data source");
        this.snapshot = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        // A transaction of its own even if a caller's is open (whose isolation it would otherwise silently join).
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // Repeatable read is asked for by SNAPSHOT_ISOLATION inside the transaction, not through the connection:
        // the JDBC driver would ask for the connection's level, set it and set it back, three round trips per
        // request that under load each wait for a core (docs/benchmark-notes.md).
        snapshot.setReadOnly(true);
    }

    /**
     * The page from this node's copy of the view in memory ({@link CaseloadMemory}), or from PostgreSQL while that
     * copy is not current (being loaded, or its notifications lost with their connection).
     */
    public Caseload handle(GetCaseload query) {
        LocalDate today = LocalDate.now(clock);
        return memory.handle(query, today).orElseGet(() -> fromDatabase(query, today));
    }

    /** The page as PostgreSQL's copy of the view answers it (also what the copy in memory is tested against). */
    Caseload fromDatabase(GetCaseload query, LocalDate today) {
        return snapshot.execute(status -> read(query, today));
    }

    private Caseload read(GetCaseload query, LocalDate today) {
        jdbc.getJdbcOperations().execute(SNAPSHOT_ISOLATION);
        MapSqlParameterSource parameters = parameters(query, today);
        long wanted = query.offset() + query.size();
        List<UUID> due = jdbc.queryForList(dueSql(query), parameters.addValue("wanted", wanted), UUID.class);
        boolean allDueFound = due.size() < wanted;
        List<UUID> page = new ArrayList<>(due.subList((int) Math.min(query.offset(), due.size()), due.size()));
        if (allDueFound && !query.dueOnly() && page.size() < query.size()) {
            long tailOffset = Math.max(0, query.offset() - due.size());
            page.addAll(jdbc.queryForList(
                    notDueSql(query),
                    parameters.addValue("tailOffset", tailOffset).addValue("tailSize", query.size() - page.size()),
                    UUID.class));
        }
        long total = query.dueOnly() && allDueFound
                ? due.size()
                : Objects.requireNonNullElse(jdbc.queryForObject(totalSql(query), parameters, Long.class), 0L);
        return new Caseload(items(page, today), query.page(), query.size(), total);
    }

    /**
     * The first {@code :wanted} due journeys, most overdue first. Each of the three ways of being due contributes
     * at most one row per journey, so the first {@code :wanted} rows of each, merged, hold the first {@code :wanted}
     * journeys with each journey's earliest since-date; fewer than {@code :wanted} journeys means all were found.
     */
    static String dueSql(GetCaseload query) {
        String filters = filters(query);
        return """
                select journey_id from (
                    select journey_id, arrival_date, min(since) as most_overdue_since from (
                        (select journey_id, arrival_date, due_for_good_since as since from caseload
                         where %1$s and %2$s
                         order by due_for_good_since, arrival_date, journey_id limit :wanted)
                        union all
                        (select journey_id, arrival_date, %3$s as since from caseload
                         where %1$s and %4$s
                         order by %3$s, arrival_date, journey_id limit :wanted)
                        union all
                        (select journey_id, arrival_date, %5$s as since from caseload
                         where %1$s and %6$s
                         order by %5$s, arrival_date, journey_id limit :wanted)
                    ) due_ways
                    group by journey_id, arrival_date
                ) due
                order by most_overdue_since, arrival_date, journey_id
                limit :wanted
                """.formatted(filters, DUE_FOR_GOOD, ENDING, ENDING_DUE, SFI, SFI_DUE);
    }

    /** The journeys with nothing due, by arrival: they follow the due ones when not only due journeys are asked. */
    static String notDueSql(GetCaseload query) {
        return "select journey_id from caseload where " + filters(query) + " and " + NOT_DUE
                + " order by arrival_date, journey_id limit :tailSize offset :tailOffset";
    }

    /**
     * The number of journeys listed: all open ones, or those due in any of the three ways (each counted once: the
     * later ways only where the earlier do not apply).
     */
    static String totalSql(GetCaseload query) {
        String filters = filters(query);
        if (!query.dueOnly() || query.dueAction() != null) {
            // With a due-action filter every journey the filters keep is due: a plain count.
            return "select count(*) from caseload where " + filters;
        }
        return """
                select (select count(*) from caseload where %1$s and %2$s)
                     + (select count(*) from caseload where %1$s and %3$s and not coalesce(%2$s, false))
                     + (select count(*) from caseload where %1$s and %4$s and not coalesce(%2$s, false)
                                                                    and not coalesce(%3$s, false))
                """.formatted(filters, DUE_FOR_GOOD, ENDING_DUE, SFI_DUE);
    }

    /**
     * Only the filters the query has are in the statement (no {@code :x is null or ...}), so that the planner can use
     * the partial indexes on the open rows whatever the plan cache does.
     */
    private static String filters(GetCaseload query) {
        StringBuilder filters = new StringBuilder("not closed");
        if (query.municipalityCode() != null) {
            filters.append(" and municipality_code = :municipalityCode");
        }
        if (query.caseworkerId() != null) {
            filters.append(" and caseworker_id = :caseworkerId");
        }
        if (query.stage() != null) {
            filters.append(" and ").append(stageCondition(query.stage()));
        }
        if (query.dueAction() != null) {
            filters.append(" and ").append(dueCondition(query.dueAction()));
        }
        return filters.toString();
    }

    /** The stage {@link Stage#of} gives an open journey today, as a condition on the view's date columns. */
    static String stageCondition(Stage stage) {
        String followUp = "measurement_point <= :today";
        String notFollowUp = "(measurement_point is null or measurement_point > :today)";
        String notAfter = "(establishment_end is null or establishment_end > :today)";
        return switch (stage) {
            case FOLLOW_UP -> followUp;
            case AFTER_ESTABLISHMENT -> "establishment_end <= :today and " + notFollowUp;
            case ESTABLISHMENT -> "establishment_start <= :today and " + notAfter + " and " + notFollowUp;
            case RECEPTION ->
                "(establishment_start is null or establishment_start > :today) and " + notAfter + " and " + notFollowUp;
            case CLOSED -> throw new IllegalArgumentException("closed journeys are not in a caseload");
        };
    }

    /** The action is due today: its window covers today (from its since-date on, until its end for a lapsing one). */
    static String dueCondition(DueActionCode code) {
        String since = code.sinceColumn() + " <= :today";
        return code.lapses() ? code.untilColumn() + " >= :today and " + since : since;
    }

    static MapSqlParameterSource parameters(GetCaseload query, LocalDate today) {
        return new MapSqlParameterSource()
                .addValue("today", today)
                .addValue("municipalityCode", query.municipalityCode())
                .addValue("caseworkerId", query.caseworkerId());
    }

    /**
     * One journey's caseload item (its stage and what is due today), for the journey page; empty when the view does
     * not hold the journey (not yet handled). A closed journey's item has the stage {@link Stage#CLOSED} and nothing
     * due.
     */
    public Optional<CaseloadItem> itemOf(UUID journeyId) {
        List<CaseloadItem> items = items(List.of(journeyId), LocalDate.now(clock));
        return items.isEmpty() || items.get(0) == null ? Optional.empty() : Optional.of(items.get(0));
    }

    /**
     * The journeys of one municipality whose name holds {@code text} (case-insensitive), open ones first, then by
     * name: open and closed alike, as the view keeps both (a closed item's stage is {@link Stage#CLOSED}, with nothing
     * due). At most {@code limit} items; ask one more than you show to know whether there are more.
     *
     * @throws IllegalArgumentException for a blank text, a malformed municipality code or a limit out of 1 to
     *                                  {@value #MAX_SEARCH_RESULTS}
     */
    public List<CaseloadItem> search(String municipalityCode, String text, int limit) {
        if (municipalityCode == null || !municipalityCode.matches("\\d{4}")) {
            throw new IllegalArgumentException("municipalityCode must be four digits");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the search text must not be blank");
        }
        if (limit < 1 || limit > MAX_SEARCH_RESULTS) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_SEARCH_RESULTS + ", was " + limit);
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc.query(
                SEARCH,
                new MapSqlParameterSource()
                        .addValue("municipalityCode", municipalityCode)
                        .addValue("text", text.strip())
                        .addValue("limit", limit),
                (row, n) -> CaseloadRow.read(row).item(today));
    }

    /** The page's items, in the page's order, with what is due today by the stored windows. */
    private List<CaseloadItem> items(List<UUID> page, LocalDate today) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<UUID, CaseloadItem> items = new HashMap<>();
        jdbc.query(ITEMS, new MapSqlParameterSource("page", page.toArray(UUID[]::new)), row -> {
            CaseloadItem item = CaseloadRow.read(row).item(today);
            items.put(item.journeyId(), item);
        });
        return page.stream().map(items::get).toList();
    }
}

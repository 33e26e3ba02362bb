package se.integrationjourney.projections.caseload;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.projections.casefile.Stage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Answers {@link GetCaseload} from the caseload view's stored due windows ({@link DueSchedule}), most overdue
 * first. A journey is due today through its "due for good" date or through one of the two "ending" windows
 * covering today; each of the three is read in index order, so a page costs about a page's worth of index entries
 * whatever the size of the municipality's caseload (ADR 0009). Journeys with nothing due follow, by arrival.
 *
 * <p>A query is one statement ({@link #pageSql}): the page's journeys, their items and the total in one round trip,
 * read from one snapshot, so they agree even while events are being handled. (It was four statements in a
 * repeatable-read transaction, up to seven round trips with the isolation set and reset; under load each waited
 * for a core, docs/benchmarks.md.)
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

    /** What a page's items show: never the case file, which is large and not needed. */
    private static final String ITEM_COLUMNS = "journey_id, full_name, arrival_date, caseworker_id,"
            + " establishment_start, establishment_end, measurement_point, "
            + String.join(", ", CaseloadProjection.WINDOW_COLUMNS);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public CaseloadQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
    }

    @QueryHandler
    public Caseload handle(GetCaseload query) {
        LocalDate today = LocalDate.now(clock);
        List<CaseloadItem> items = new ArrayList<>(query.size());
        long[] total = {0};
        jdbc.query(pageSql(query), parameters(query, today), (RowCallbackHandler) row -> {
            total[0] = row.getLong("total");
            if (row.getObject("journey_id") != null) { // an empty page is one row with the total alone
                items.add(item(row, today));
            }
        });
        return new Caseload(items, query.page(), query.size(), total[0]);
    }

    /**
     * The whole query as one statement: the due journeys up to the page's end ({@link #dueSql}); when they run out
     * before it and not only due journeys are asked, the page's rest from the journeys with nothing due
     * ({@link #notDueSql}); their items; and the total ({@link #totalSql}, or for a due-only list the number of due
     * journeys found when they ran out before the page's end: the counting is done only when it has to be).
     */
    static String pageSql(GetCaseload query) {
        String notDue = query.dueOnly() ? "" : """
                    union all
                    select journey_id, 1, row_number() over (order by arrival_date, journey_id) from (
                        %s
                    ) not_due""".formatted(notDueSql(query, "(select tail_size from found)",
                "(select tail_offset from found)"));
        String total = query.dueOnly()
                ? "case when (select n from found) < :wanted then (select n from found) else (" + totalSql(query)
                        + ") end"
                : "(" + totalSql(query) + ")";
        return """
                with due as materialized (
                    select journey_id,
                           row_number() over (order by most_overdue_since, arrival_date, journey_id) as position
                    from (%s) due_journeys
                ),
                found as (
                    select n,
                           case when n < :wanted then greatest(0, :size - greatest(0, n - :offset)) else 0 end
                               as tail_size,
                           greatest(0, :offset - n) as tail_offset
                    from (select count(*) as n from due) counted
                ),
                page as (
                    select journey_id, 0 as part, position from due where position > :offset
                    %s
                )
                select %s as total, %s
                from (select 1) total_row
                left join (page join caseload using (journey_id)) on true
                order by page.part, page.position
                """.formatted(dueSql(query), notDue, total, ITEM_COLUMNS);
    }

    /**
     * The first {@code :wanted} due journeys, most overdue first. Each of the three ways of being due contributes
     * at most one row per journey, so the first {@code :wanted} rows of each, merged, hold the first {@code :wanted}
     * journeys with each journey's earliest since-date; fewer than {@code :wanted} journeys means all were found.
     */
    static String dueSql(GetCaseload query) {
        String filters = filters(query);
        return """
                select journey_id, arrival_date, most_overdue_since from (
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
        return notDueSql(query, ":tailSize", ":tailOffset");
    }

    private static String notDueSql(GetCaseload query, String limit, String offset) {
        return "select journey_id, arrival_date from caseload where " + filters(query) + " and " + NOT_DUE
                + " order by arrival_date, journey_id limit " + limit + " offset " + offset;
    }

    /**
     * The number of journeys listed: all open ones, or those due in any of the three ways (each counted once: the
     * later ways only where the earlier do not apply).
     */
    static String totalSql(GetCaseload query) {
        String filters = filters(query);
        if (!query.dueOnly()) {
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
        return filters.toString();
    }

    static MapSqlParameterSource parameters(GetCaseload query, LocalDate today) {
        return new MapSqlParameterSource()
                .addValue("today", today)
                .addValue("offset", query.offset())
                .addValue("size", (long) query.size())
                .addValue("wanted", query.offset() + query.size())
                .addValue("municipalityCode", query.municipalityCode())
                .addValue("caseworkerId", query.caseworkerId());
    }

    /** A page's item, with what is due today by the stored windows. */
    private static CaseloadItem item(ResultSet row, LocalDate today) throws SQLException {
        Map<DueActionCode, DueSchedule.Window> windows = new EnumMap<>(DueActionCode.class);
        for (DueActionCode code : DueActionCode.values()) {
            LocalDate since = row.getObject(code.sinceColumn(), LocalDate.class);
            if (since != null) {
                windows.put(code, new DueSchedule.Window(since,
                        code.lapses() ? row.getObject(code.untilColumn(), LocalDate.class) : null));
            }
        }
        LocalDate establishmentStart = row.getObject("establishment_start", LocalDate.class);
        LocalDate establishmentEnd = row.getObject("establishment_end", LocalDate.class);
        LocalDate measurementPoint = row.getObject("measurement_point", LocalDate.class);
        return new CaseloadItem(row.getObject("journey_id", UUID.class), row.getString("full_name"),
                row.getObject("arrival_date", LocalDate.class),
                Stage.of(false, establishmentStart, establishmentEnd, measurementPoint, today),
                row.getString("caseworker_id"), DueSchedule.of(windows).dueOn(today));
    }
}

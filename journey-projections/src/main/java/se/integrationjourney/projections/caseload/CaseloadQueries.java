package se.integrationjourney.projections.caseload;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.projections.casefile.Stage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Answers {@link GetCaseload} from the caseload view in one SQL statement: the due actions, the "most overdue"
 * key, the dueOnly filter, the order, the page and the total are all computed by PostgreSQL over the open rows
 * the filters select through a partial index, so the cost follows the size of the caseload, not the number of
 * events behind it.
 */
@Component
public class CaseloadQueries {

    /** The SFI right's end: first enrolment + the right's length. */
    private static final String SFI_RIGHT_END = "(first_sfi_enrolment + make_interval(years => :sfiRightYears))::date";

    /** Per due action: the condition besides its since-date being reached, and its since-date. */
    private static final String DUE_ACTIONS = Arrays.stream(DueActionCode.values())
            .map(code -> dueWhen(code, condition(code), since(code)))
            .collect(Collectors.joining(",\n           "));

    private static final String MOST_OVERDUE_SINCE = Arrays.stream(DueActionCode.values())
            .map(DueActionCode::column)
            .collect(Collectors.joining(", ", "least(", ")"));

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final CaseloadThresholds thresholds;

    public CaseloadQueries(JdbcTemplate jdbc, Clock clock, CaseloadThresholds thresholds) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
        this.thresholds = thresholds;
    }

    @QueryHandler
    public Caseload handle(GetCaseload query) {
        LocalDate today = LocalDate.now(clock);
        List<CaseloadItem> items = new ArrayList<>();
        long[] total = {0};
        jdbc.query(sql(query), parameters(query, today, thresholds), row -> {
            total[0] = row.getLong("total");
            if (row.getObject("journey_id") != null) {
                items.add(item(row, today));
            }
        });
        return new Caseload(items, query.page(), query.size(), total[0]);
    }

    /**
     * The statement for a query. Only the filters the query has are in it (no {@code :x is null or ...}), so
     * that the planner can use the partial indexes on the open rows whatever the plan cache does.
     */
    static String sql(GetCaseload query) {
        StringBuilder filters = new StringBuilder("not closed");
        if (query.municipalityCode() != null) {
            filters.append(" and municipality_code = :municipalityCode");
        }
        if (query.caseworkerId() != null) {
            filters.append(" and caseworker_id = :caseworkerId");
        }
        String dueOnly = query.dueOnly() ? "\n    where most_overdue_since is not null" : "";
        return """
                with due as (
                    select journey_id, full_name, arrival_date, caseworker_id,
                           establishment_start, establishment_end, measurement_point,
                           %s
                    from %s
                    where %s
                ), matching as (
                    select due.*, %s as most_overdue_since
                    from due
                ), selected as (
                    select * from matching%s
                ), page as (
                    select * from selected
                    order by most_overdue_since nulls last, arrival_date, journey_id
                    limit :size offset :offset
                )
                select counted.total, page.*
                from (select count(*) as total from selected) counted
                left join page on true
                order by page.most_overdue_since nulls last, page.arrival_date, page.journey_id
                """.formatted(DUE_ACTIONS, CaseloadProjection.TABLE, filters, MOST_OVERDUE_SINCE, dueOnly);
    }

    static MapSqlParameterSource parameters(GetCaseload query, LocalDate today, CaseloadThresholds thresholds) {
        return new MapSqlParameterSource()
                .addValue("today", today)
                .addValue("municipalityCode", query.municipalityCode())
                .addValue("caseworkerId", query.caseworkerId())
                .addValue("introductoryMeetingDays", thresholds.introductoryMeetingDays())
                .addValue("actionPlanDays", thresholds.actionPlanDays())
                .addValue("housingDays", thresholds.housingDays())
                .addValue("sfiEnrolmentDays", thresholds.sfiEnrolmentDays())
                .addValue("establishmentEndingDays", thresholds.establishmentEndingDays())
                .addValue("sfiRightYears", thresholds.sfiRightYears())
                .addValue("sfiRightEndingDays", thresholds.sfiRightEndingDays())
                .addValue("sfiRightInForceFrom", CaseloadThresholds.SFI_RIGHT_IN_FORCE_FROM)
                .addValue("size", query.size())
                .addValue("offset", query.offset());
    }

    private static CaseloadItem item(ResultSet row, LocalDate today) throws SQLException {
        List<DueAction> dueActions = new ArrayList<>();
        for (DueActionCode code : DueActionCode.values()) {
            LocalDate since = row.getObject(code.column(), LocalDate.class);
            if (since != null) {
                dueActions.add(new DueAction(code.name(), since));
            }
        }
        // Most overdue first; on the same day, in the codes' order (the list is built in it and the sort is stable).
        dueActions.sort(Comparator.comparing(DueAction::since));
        LocalDate establishmentStart = row.getObject("establishment_start", LocalDate.class);
        LocalDate establishmentEnd = row.getObject("establishment_end", LocalDate.class);
        LocalDate measurementPoint = row.getObject("measurement_point", LocalDate.class);
        return new CaseloadItem(row.getObject("journey_id", UUID.class), row.getString("full_name"),
                row.getObject("arrival_date", LocalDate.class),
                Stage.of(false, establishmentStart, establishmentEnd, measurementPoint, today),
                row.getString("caseworker_id"), dueActions);
    }

    /** A due action's column: its since-date when that has come and the condition holds, else null. */
    private static String dueWhen(DueActionCode code, String condition, String since) {
        return "case when " + condition + " and " + since + " <= :today then " + since + " end as " + code.column();
    }

    private static String condition(DueActionCode code) {
        return switch (code) {
            case NO_CASEWORKER -> "caseworker_id is null";
            case NO_INTRODUCTORY_MEETING -> "first_introductory_meeting is null";
            case NO_ACTION_PLAN -> "first_action_plan is null";
            case NO_HOUSING -> "first_housing_secured is null";
            case NOT_ENROLLED_IN_SFI -> "first_sfi_enrolment is null";
            case ESTABLISHMENT_ENDING_NOT_IN_WORK_OR_STUDIES ->
                    "not in_work_or_studies and :today <= establishment_end";
            case SFI_RIGHT_ENDING_WITHOUT_LEVEL_D -> "sfi_level_d_reached is null and " + SFI_RIGHT_END
                    + " >= :sfiRightInForceFrom and :today <= " + SFI_RIGHT_END;
            case FOLLOW_UP_DUE -> "not follow_up_recorded";
        };
    }

    /** The since-date; null (never due) where the date it counts from is missing. */
    private static String since(DueActionCode code) {
        return switch (code) {
            case NO_CASEWORKER -> "arrival_date";
            case NO_INTRODUCTORY_MEETING -> "arrival_date + :introductoryMeetingDays";
            case NO_ACTION_PLAN -> "arrival_date + :actionPlanDays";
            case NO_HOUSING -> "arrival_date + :housingDays";
            case NOT_ENROLLED_IN_SFI -> "arrival_date + :sfiEnrolmentDays";
            case ESTABLISHMENT_ENDING_NOT_IN_WORK_OR_STUDIES -> "establishment_end - :establishmentEndingDays";
            case SFI_RIGHT_ENDING_WITHOUT_LEVEL_D -> SFI_RIGHT_END + " - :sfiRightEndingDays";
            case FOLLOW_UP_DUE -> "measurement_point";
        };
    }
}

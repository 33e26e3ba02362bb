package se.integrationjourney.projections.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static se.integrationjourney.projections.caseload.CaseloadQueriesTest.queries;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.integrationjourney.projections.casefile.Stage;
import se.integrationjourney.projections.testsupport.ViewDatabase;

/**
 * The query's pages, totals and due actions equal what a plain reading of the stored windows gives: for random
 * caseloads (journeys due in one, two or all three ways, lapsed and future windows, closed journeys, ties on the
 * same day, every stage) and random days, filters (municipality, caseworker, due only, stage, due action), pages and
 * sizes, the answer is compared with a straightforward computation in Java over all rows. This checks the index-ordered reading with its per-way limits and merging against the
 * definition it must keep, and the same for the copy of the view a node keeps in memory ({@link CaseloadMemory}),
 * loaded from the same rows.
 */
class CaseloadPagingTest {

    @RegisterExtension
    static final ViewDatabase database = new ViewDatabase();

    private static final long SEED = Long.getLong("journey.seed", 20261123L);
    private static final List<String> MUNICIPALITIES = List.of("0777", "0778");
    private static final List<String> CASEWORKERS = java.util.Arrays.asList("cw-a", "cw-b", null);
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final List<Row> ROWS = new ArrayList<>();
    private static CaseloadMemory memory;

    /** One stored journey of the caseload view, as the query sees it. */
    private record Row(
            UUID journeyId,
            String municipality,
            String caseworker,
            LocalDate arrival,
            boolean closed,
            LocalDate establishmentStart,
            LocalDate establishmentEnd,
            LocalDate measurementPoint,
            Map<DueActionCode, DueSchedule.Window> windows) {

        Stage stage(LocalDate today) {
            return Stage.of(closed, establishmentStart, establishmentEnd, measurementPoint, today);
        }

        boolean dueBy(DueActionCode code, LocalDate today) {
            return DueSchedule.of(windows).dueOn(today).stream()
                    .anyMatch(due -> due.code().equals(code.name()));
        }

        LocalDate mostOverdueSince(LocalDate today) {
            return DueSchedule.of(windows).dueOn(today).stream()
                    .map(DueAction::since)
                    .findFirst()
                    .orElse(null);
        }
    }

    @BeforeAll
    static void storeRandomCaseloads() {
        Random random = new Random(SEED);
        for (int i = 0; i < 400; i++) {
            Map<DueActionCode, DueSchedule.Window> windows = new EnumMap<>(DueActionCode.class);
            for (DueActionCode code : DueActionCode.values()) {
                if (random.nextInt(3) == 0) {
                    LocalDate since = START.plusDays(random.nextInt(120));
                    windows.put(
                            code,
                            new DueSchedule.Window(since, code.lapses() ? since.plusDays(random.nextInt(40)) : null));
                }
            }
            // Stage dates around the days asked, some missing, so that every stage is met on most days.
            LocalDate establishmentStart = random.nextInt(4) == 0 ? null : START.plusDays(random.nextInt(100) - 20);
            LocalDate establishmentEnd = establishmentStart == null || random.nextBoolean()
                    ? null
                    : establishmentStart.plusDays(random.nextInt(80));
            LocalDate measurementPoint = establishmentEnd == null || random.nextBoolean()
                    ? null
                    : establishmentEnd.plusDays(random.nextInt(60));
            // Few distinct arrival days, so that journeys tie on the day and the id decides.
            ROWS.add(new Row(
                    UUID.randomUUID(),
                    MUNICIPALITIES.get(random.nextInt(2)),
                    CASEWORKERS.get(random.nextInt(3)),
                    START.minusDays(random.nextInt(5)),
                    random.nextInt(10) == 0,
                    establishmentStart,
                    establishmentEnd,
                    measurementPoint,
                    windows));
        }
        List<String> columns = Stream.concat(
                        Stream.of(
                                "journey_id",
                                "municipality_code",
                                "caseworker_id",
                                "full_name",
                                "arrival_date",
                                "closed",
                                "establishment_start",
                                "establishment_end",
                                "measurement_point"),
                        CaseloadProjection.WINDOW_COLUMNS.stream())
                .toList();
        String insert =
                "insert into caseload (" + String.join(", ", columns) + ", due_for_good_since, case_file) values ("
                        + columns.stream().map(column -> "?").collect(Collectors.joining(", ")) + ", ?, '{}')";
        database.jdbc()
                .batchUpdate(
                        insert,
                        ROWS.stream()
                                .map(row -> {
                                    List<Object> values = new ArrayList<>(List.of(row.journeyId(), row.municipality()));
                                    values.add(row.caseworker());
                                    values.addAll(List.of("Name", row.arrival(), row.closed()));
                                    values.add(row.establishmentStart());
                                    values.add(row.establishmentEnd());
                                    values.add(row.measurementPoint());
                                    DueSchedule schedule = DueSchedule.of(row.windows());
                                    values.addAll(schedule.windowColumnValues());
                                    values.add(schedule.dueForGoodSince());
                                    return values.toArray();
                                })
                                .toList());
        memory = new CaseloadMemory(database.jdbc());
        memory.start();
        memory.sync(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopMemory() {
        memory.stop();
    }

    @RepeatedTest(100)
    void givenRandomCaseloads_whenAnyPageIsAsked_thenItEqualsThePlainReadingOfTheStoredWindows(
            RepetitionInfo repetition) {
        Random random = new Random(SEED + repetition.getCurrentRepetition());
        LocalDate today = START.plusDays(random.nextInt(170) - 10);
        String municipality = random.nextInt(6) == 0 ? null : MUNICIPALITIES.get(random.nextInt(2));
        String caseworker = random.nextBoolean() ? null : random.nextBoolean() ? "cw-a" : "cw-b";
        boolean dueOnly = random.nextBoolean();
        List<Stage> openStages =
                List.of(Stage.RECEPTION, Stage.ESTABLISHMENT, Stage.AFTER_ESTABLISHMENT, Stage.FOLLOW_UP);
        Stage stage = random.nextInt(3) == 0 ? openStages.get(random.nextInt(openStages.size())) : null;
        DueActionCode dueAction =
                random.nextInt(3) == 0 ? DueActionCode.values()[random.nextInt(DueActionCode.values().length)] : null;
        int size = 1 + random.nextInt(random.nextBoolean() ? 5 : 60);
        List<Row> expected = expected(today, municipality, caseworker, dueOnly, stage, dueAction);
        int page = random.nextInt(expected.size() / size + 2);
        GetCaseload query = new GetCaseload(caseworker, municipality, dueOnly, stage, dueAction, page, size);

        Caseload fromDatabase = queries(database.jdbc(), today).fromDatabase(query, today);
        Caseload fromMemory = memory.handle(query, today).orElseThrow();

        String described = query + " on " + today + " (seed " + SEED + ")";
        assertEqualsDefinition(fromDatabase, expected, page, size, today, "PostgreSQL: " + described);
        assertEqualsDefinition(fromMemory, expected, page, size, today, "in memory: " + described);
    }

    private static void assertEqualsDefinition(
            Caseload answer, List<Row> expected, int page, int size, LocalDate today, String described) {
        assertThat(answer.total()).as(described).isEqualTo(expected.size());
        List<Row> pageRows =
                expected.subList(Math.min(page * size, expected.size()), Math.min((page + 1) * size, expected.size()));
        assertThat(answer.items())
                .extracting(CaseloadItem::journeyId)
                .as(described)
                .containsExactlyElementsOf(pageRows.stream().map(Row::journeyId).toList());
        for (int i = 0; i < pageRows.size(); i++) {
            assertThat(answer.items().get(i).dueActions())
                    .as(described)
                    .isEqualTo(DueSchedule.of(pageRows.get(i).windows()).dueOn(today));
            assertThat(answer.items().get(i).stage())
                    .as(described)
                    .isEqualTo(pageRows.get(i).stage(today));
        }
    }

    /**
     * The definition: open journeys of the filters (the stage {@link Stage#of} gives today, the due action due today),
     * due ones most overdue first, then the others, by arrival and id.
     */
    private static List<Row> expected(
            LocalDate today,
            String municipality,
            String caseworker,
            boolean dueOnly,
            Stage stage,
            DueActionCode dueAction) {
        // PostgreSQL orders uuids by their bytes, unsigned: as their text, not as Java's UUID.compareTo.
        Comparator<Row> byArrivalAndId = Comparator.comparing(Row::arrival)
                .thenComparing(row -> row.journeyId().toString());
        List<Row> open = ROWS.stream()
                .filter(row -> !row.closed())
                .filter(row -> municipality == null || municipality.equals(row.municipality()))
                .filter(row -> caseworker == null || caseworker.equals(row.caseworker()))
                .filter(row -> stage == null || row.stage(today) == stage)
                .filter(row -> dueAction == null || row.dueBy(dueAction, today))
                .toList();
        List<Row> listed = new ArrayList<>(open.stream()
                .filter(row -> row.mostOverdueSince(today) != null)
                .sorted(Comparator.comparing((Row row) -> row.mostOverdueSince(today))
                        .thenComparing(byArrivalAndId))
                .toList());
        if (!dueOnly && dueAction == null) {
            listed.addAll(open.stream()
                    .filter(row -> row.mostOverdueSince(today) == null)
                    .sorted(byArrivalAndId)
                    .toList());
        }
        return listed;
    }
}

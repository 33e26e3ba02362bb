package se.integrationjourney.projections.caseload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import se.integrationjourney.projections.casefile.Stage;

/**
 * The open journeys a node keeps of the caseload view ({@link CaseloadMemory}), by id and by municipality, and the
 * page they make: {@link CaseloadQueries#fromDatabase}'s answer, computed from the rows in memory (CaseloadPagingTest
 * holds the two to one definition). One writer (the listener); readers see each journey's row old or new, never half
 * of it, and a page and its total come from one pass over the same rows.
 *
 * <p>A page is one pass over the municipality's open rows (about 10,000 in the benchmark's): the dates it compares
 * are kept as day numbers beside each row, and only the rows up to the page's end are put in order.
 */
final class CaseloadRows {

    /** A date that is never reached: a window or milestone that does not apply. */
    private static final int NEVER = Integer.MAX_VALUE;

    private final Map<UUID, Entry> byJourney = new ConcurrentHashMap<>();
    private final Map<String, Map<UUID, Entry>> byMunicipality = new ConcurrentHashMap<>();

    int size() {
        return byJourney.size();
    }

    void put(CaseloadRow row) {
        Entry entry = new Entry(row);
        Entry before = byJourney.put(row.journeyId(), entry);
        if (before != null && !before.row.municipalityCode().equals(row.municipalityCode())) {
            byMunicipality.get(before.row.municipalityCode()).remove(row.journeyId());
        }
        byMunicipality
                .computeIfAbsent(row.municipalityCode(), code -> new ConcurrentHashMap<>())
                .put(row.journeyId(), entry);
    }

    /** The rows as now stored for those journeys: a journey without an open row leaves the copy. */
    void replace(Set<UUID> journeys, Map<UUID, CaseloadRow> stored) {
        for (UUID journey : journeys) {
            CaseloadRow row = stored.get(journey);
            if (row != null && !row.closed()) {
                put(row);
            } else {
                Entry before = byJourney.remove(journey);
                if (before != null) {
                    byMunicipality.get(before.row.municipalityCode()).remove(journey);
                }
            }
        }
    }

    /** The page: the due journeys most overdue first, then (unless only due ones are asked) the others by arrival. */
    Caseload page(GetCaseload query, LocalDate today) {
        int day = (int) today.toEpochDay();
        Collection<Entry> candidates = query.municipalityCode() == null
                ? byJourney.values()
                : byMunicipality
                        .getOrDefault(query.municipalityCode(), Map.of())
                        .values();
        List<Ranked> due = new ArrayList<>();
        List<Ranked> notDue = new ArrayList<>();
        for (Entry entry : candidates) {
            if (!entry.kept(query, today, day)) {
                continue;
            }
            int since = entry.mostOverdueSince(day);
            if (since != NEVER) {
                due.add(new Ranked(since, entry));
            } else if (!query.dueOnly()) {
                notDue.add(new Ranked(entry.arrival, entry));
            }
        }
        long end = query.offset() + query.size();
        List<Ranked> first = firstInOrder(due, end);
        if (end > due.size()) {
            first.addAll(firstInOrder(notDue, end - due.size()));
        }
        List<CaseloadItem> items = new ArrayList<>(query.size());
        for (long i = query.offset(); i < first.size(); i++) {
            items.add(first.get((int) i).entry.row.item(today));
        }
        return new Caseload(items, query.page(), query.size(), due.size() + notDue.size());
    }

    /** The first {@code wanted} of the rows in order, in order: a bounded heap when they are only some of them. */
    private static List<Ranked> firstInOrder(List<Ranked> rows, long wanted) {
        if (wanted >= rows.size()) {
            List<Ranked> all = new ArrayList<>(rows);
            all.sort(Ranked.ORDER);
            return all;
        }
        PriorityQueue<Ranked> kept = new PriorityQueue<>((int) wanted + 1, Ranked.ORDER.reversed());
        for (Ranked row : rows) {
            kept.add(row);
            if (kept.size() > wanted) {
                kept.poll();
            }
        }
        List<Ranked> first = new ArrayList<>(kept);
        first.sort(Ranked.ORDER);
        return first;
    }

    /** A row with the day it is ordered by (its most overdue day, or its arrival), then its arrival and id. */
    private record Ranked(int day, Entry entry) {

        static final Comparator<Ranked> ORDER = (a, b) -> {
            int order = Integer.compare(a.day, b.day);
            if (order == 0) {
                order = Integer.compare(a.entry.arrival, b.entry.arrival);
            }
            if (order == 0) {
                order = Long.compare(a.entry.idHigh, b.entry.idHigh);
            }
            return order != 0 ? order : Long.compare(a.entry.idLow, b.entry.idLow);
        };
    }

    /** A row and the day numbers a page compares (an absent date is {@link #NEVER}). */
    private static final class Entry {

        final CaseloadRow row;
        final int arrival;
        /** The id in PostgreSQL's order of {@code uuid}: its bytes unsigned, so the sign bit flipped for a long. */
        final long idHigh;

        final long idLow;
        final int dueForGoodSince;
        final int endingSince;
        final int endingUntil;
        final int sfiEndingSince;
        final int sfiEndingUntil;
        final int establishmentStart;
        final int establishmentEnd;
        final int measurementPoint;

        Entry(CaseloadRow row) {
            this.row = row;
            arrival = day(row.arrivalDate());
            idHigh = row.journeyId().getMostSignificantBits() ^ Long.MIN_VALUE;
            idLow = row.journeyId().getLeastSignificantBits() ^ Long.MIN_VALUE;
            dueForGoodSince = day(row.dueForGoodSince());
            DueSchedule.Window ending = lapsing(row, DueActionCode.ESTABLISHMENT_ENDING_NOT_IN_WORK_OR_STUDIES);
            endingSince = ending == null ? NEVER : day(ending.since());
            endingUntil = ending == null ? Integer.MIN_VALUE : day(ending.until());
            DueSchedule.Window sfi = lapsing(row, DueActionCode.SFI_RIGHT_ENDING_WITHOUT_LEVEL_D);
            sfiEndingSince = sfi == null ? NEVER : day(sfi.since());
            sfiEndingUntil = sfi == null ? Integer.MIN_VALUE : day(sfi.until());
            establishmentStart = day(row.establishmentStart());
            establishmentEnd = day(row.establishmentEnd());
            measurementPoint = day(row.measurementPoint());
        }

        /** A lapsing action's window, when it has both ends (as the SQL's conditions need). */
        private static DueSchedule.Window lapsing(CaseloadRow row, DueActionCode code) {
            DueSchedule.Window window = row.schedule().window(code);
            return window == null || window.until() == null ? null : window;
        }

        /**
         * The day the journey's place in the due order comes from: the earliest since-day among the three ways of
         * being due today ({@link CaseloadQueries#dueSql}); {@link #NEVER} when it is not due.
         */
        int mostOverdueSince(int today) {
            int earliest = dueForGoodSince <= today ? dueForGoodSince : NEVER;
            if (endingSince <= today && today <= endingUntil) {
                earliest = Math.min(earliest, endingSince);
            }
            if (sfiEndingSince <= today && today <= sfiEndingUntil) {
                earliest = Math.min(earliest, sfiEndingSince);
            }
            return earliest;
        }

        /** {@link Stage#of} for an open journey, in day numbers. */
        Stage stage(int today) {
            if (measurementPoint <= today) {
                return Stage.FOLLOW_UP;
            }
            if (establishmentEnd <= today) {
                return Stage.AFTER_ESTABLISHMENT;
            }
            return establishmentStart <= today ? Stage.ESTABLISHMENT : Stage.RECEPTION;
        }

        boolean kept(GetCaseload query, LocalDate today, int day) {
            return (query.caseworkerId() == null || query.caseworkerId().equals(row.caseworkerId()))
                    && (query.stage() == null || query.stage() == stage(day))
                    && (query.dueAction() == null || row.due(query.dueAction(), today));
        }

        private static int day(LocalDate date) {
            return date == null ? NEVER : (int) date.toEpochDay();
        }
    }
}

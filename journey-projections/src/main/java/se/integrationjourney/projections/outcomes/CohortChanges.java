package se.integrationjourney.projections.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;
import se.integrationjourney.core.events.JourneyEvent;
import se.integrationjourney.core.events.MilestoneEvent;
import se.integrationjourney.core.events.MilestoneRetracted;
import se.integrationjourney.projections.casefile.CaseFile;
import se.integrationjourney.projections.casefile.CaseFileFold;
import se.integrationjourney.projections.outcomes.CohortChangesResponse.ChangeKind;
import se.integrationjourney.projections.outcomes.CohortChangesResponse.ChangingEvent;
import se.integrationjourney.projections.outcomes.CohortChangesResponse.JourneyChange;
import se.integrationjourney.projections.outcomes.OutcomeQueries.KnownCohort;
import se.integrationjourney.projections.timeline.TimelineQueries;

/**
 * "What changed" between two moments for a two-years-after cohort (docs/projections.md): the cohort is read as known
 * at each moment ({@link OutcomeQueries}), each journey's {@link TwoYearsAfterCategory} compared, and for those that
 * differ the journey's history is replayed from the first moment on, event by event, naming each event after which
 * the category was not what it was before it.
 */
@Component
public class CohortChanges {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final OutcomeQueries queries;
    private final RecordedHistory history;
    private final Clock clock;

    public CohortChanges(OutcomeQueries queries, RecordedHistory history, Clock clock) {
        this.queries = queries;
        this.history = history;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException if {@code before} is not earlier than {@code after} (as answered) */
    public CohortChangesResponse handle(FindCohortChanges query) {
        LocalDate asOf = query.asOf() != null ? query.asOf() : LocalDate.now(clock);
        KnownCohort before = queries.cohort(
                OutcomeQueries.ESTABLISHMENT_END_YEAR, query.cohortYear(), query.municipalityCode(), query.before());
        KnownCohort after = queries.cohort(
                OutcomeQueries.ESTABLISHMENT_END_YEAR, query.cohortYear(), query.municipalityCode(), query.after());
        if (!before.knownAt().used().isBefore(after.knownAt().used())) {
            throw new IllegalArgumentException("before must be earlier than after");
        }
        Map<UUID, TwoYearsAfterCategory> then = categories(before, query.cohortYear(), asOf);
        Map<UUID, TwoYearsAfterCategory> now = categories(after, query.cohortYear(), asOf);
        Set<UUID> journeys = new HashSet<>(then.keySet());
        journeys.addAll(now.keySet());
        journeys.removeIf(journey -> category(then, journey).equals(category(now, journey)));

        Map<String, List<DomainEventMessage<?>>> histories = new LinkedHashMap<>();
        history.forEachEvent(
                journeys.stream().map(UUID::toString).sorted().toList(),
                message -> histories
                        .computeIfAbsent(message.getAggregateIdentifier(), id -> new ArrayList<>())
                        .add(message));
        List<JourneyChange> changes = new ArrayList<>();
        for (Map.Entry<String, List<DomainEventMessage<?>>> journey : histories.entrySet()) {
            UUID id = UUID.fromString(journey.getKey());
            changes.add(new JourneyChange(
                    id,
                    category(then, id),
                    category(now, id),
                    changingEvents(journey.getValue(), before.knownAt(), after.knownAt(), query.cohortYear(), asOf)));
        }
        return new CohortChangesResponse(
                query.cohortYear(),
                query.municipalityCode(),
                asOf,
                before.knownAt(),
                after.knownAt(),
                List.copyOf(changes),
                after.position());
    }

    private static Map<UUID, TwoYearsAfterCategory> categories(KnownCohort cohort, int cohortYear, LocalDate asOf) {
        Map<UUID, TwoYearsAfterCategory> categories = new HashMap<>();
        for (JourneyFacts journey : cohort.journeys()) {
            categories.put(journey.journeyId(), TwoYearsAfterCategory.of(journey, cohortYear, asOf));
        }
        return categories;
    }

    private static TwoYearsAfterCategory category(Map<UUID, TwoYearsAfterCategory> categories, UUID journey) {
        return categories.getOrDefault(journey, TwoYearsAfterCategory.NOT_IN_COHORT);
    }

    /**
     * The journey folded as known at {@code before}, then each event stored after it and by {@code after} applied in
     * turn: those after which the category differs from the category before them.
     */
    private static List<ChangingEvent> changingEvents(
            List<DomainEventMessage<?>> events, KnownAt before, KnownAt after, int cohortYear, LocalDate asOf) {
        CaseFile file = null;
        List<DomainEventMessage<?>> between = new ArrayList<>();
        for (DomainEventMessage<?> message : events) {
            if (!(message.getPayload() instanceof JourneyEvent event)) {
                continue;
            }
            if (before.knows(message.getTimestamp())) {
                file = fold(file, event, message);
            } else if (after.knows(message.getTimestamp())) {
                between.add(message);
            }
        }
        Map<String, String> typeOfEvent = new HashMap<>();
        events.forEach(
                message -> typeOfEvent.put(message.getIdentifier(), TimelineQueries.typeOf(message.getPayloadType())));
        Set<String> retractedTypes = new HashSet<>();
        LocalDate firstMomentsDate = before.used().atZone(SWEDEN).toLocalDate();
        List<ChangingEvent> changing = new ArrayList<>();
        TwoYearsAfterCategory current = categoryOf(file, cohortYear, asOf);
        for (DomainEventMessage<?> message : between) {
            JourneyEvent event = (JourneyEvent) message.getPayload();
            file = fold(file, event, message);
            TwoYearsAfterCategory next = categoryOf(file, cohortYear, asOf);
            String type = TimelineQueries.typeOf(message.getPayloadType());
            ChangeKind kind;
            String retracted = null;
            if (event instanceof MilestoneRetracted retraction) {
                kind = ChangeKind.RETRACTION;
                retracted = retraction.retractedEventId();
                retractedTypes.add(typeOfEvent.get(retracted));
            } else if (retractedTypes.contains(type)) {
                kind = ChangeKind.CORRECTION;
            } else if (event instanceof MilestoneEvent milestone
                    && !milestone.occurredOn().isAfter(firstMomentsDate)) {
                kind = ChangeKind.LATE_RECORDING;
            } else {
                kind = ChangeKind.RECORDING;
            }
            if (!next.equals(current)) {
                changing.add(new ChangingEvent(message.getIdentifier(), type, message.getTimestamp(), kind, retracted));
            }
            current = next;
        }
        return List.copyOf(changing);
    }

    private static CaseFile fold(CaseFile file, JourneyEvent event, DomainEventMessage<?> message) {
        CaseFile folded = file != null ? file : CaseFile.of(event.journeyId());
        CaseFileFold.apply(folded, event, message.getIdentifier(), message.getSequenceNumber(), message.getTimestamp());
        return folded;
    }

    private static TwoYearsAfterCategory categoryOf(CaseFile file, int cohortYear, LocalDate asOf) {
        return file == null || !file.registered()
                ? TwoYearsAfterCategory.NOT_IN_COHORT
                : TwoYearsAfterCategory.of(OutcomeFacts.from(file), cohortYear, asOf);
    }
}

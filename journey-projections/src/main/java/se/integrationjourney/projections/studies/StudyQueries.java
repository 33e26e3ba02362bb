package se.integrationjourney.projections.studies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.core.events.ResearchExtractMade;
import se.integrationjourney.core.events.StudyKind;
import se.integrationjourney.core.events.StudyQuery;
import se.integrationjourney.core.events.StudySaved;
import se.integrationjourney.projections.outcomes.FindTimeToMilestone;
import se.integrationjourney.projections.outcomes.FindTwoYearsAfterOutcome;
import se.integrationjourney.projections.outcomes.JourneyFacts;
import se.integrationjourney.projections.outcomes.MeasuredFrom;
import se.integrationjourney.projections.outcomes.Milestone;
import se.integrationjourney.projections.outcomes.OutcomeQueries;
import se.integrationjourney.projections.outcomes.TimeToMilestoneResponse;
import se.integrationjourney.projections.outcomes.TwoYearsAfterOutcomeResponse;

/**
 * The analysts' saved studies (docs/projections.md, "Saved studies"): the list from the {@code studies} view, a
 * study with its kept answer from its own events (the record itself, as a journey's timeline is), its question asked
 * again at any moment, and its research extract. A study's pseudonym key is read here and used here only: nothing
 * this class returns holds it.
 */
@Component
public class StudyQueries {

    /** The most studies the list returns, newest first. */
    public static final int MAX_LISTED = 1000;

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final OutcomeQueries outcomes;

    public StudyQueries(JdbcTemplate jdbc, EventStore eventStore, OutcomeQueries outcomes) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.outcomes = outcomes;
    }

    /** The saved studies as the view lists them, newest first. */
    public List<StudyListItem> list() {
        return jdbc.query(
                "select study_id, title, kind, cohort_year, municipality_code, milestone, measured_from,"
                        + " within_months, as_of, known_at, saved_by, saved_at, extracts from "
                        + StudiesProjection.TABLE + " order by saved_at desc, study_id limit " + MAX_LISTED,
                StudyQueries::listItem);
    }

    /** The study as its events record it; empty when there is no study with that id (or the id is a journey's). */
    public Optional<SavedStudy> find(UUID studyId) {
        return stored(studyId).map(Stored::study);
    }

    /** The two-years-after question of a study asked as of {@code asOf}, as known at {@code knownAt} (null: now). */
    public TwoYearsAfterOutcomeResponse twoYearsAfter(StudyQuery query, LocalDate asOf, Instant knownAt) {
        return outcomes.handle(twoYearsAfterQuery(query, asOf, knownAt));
    }

    /** The time-to question of a study asked as of {@code asOf}, as known at {@code knownAt} (null: now). */
    public TimeToMilestoneResponse timeTo(StudyQuery query, LocalDate asOf, Instant knownAt) {
        return outcomes.handle(timeToQuery(query, asOf, knownAt));
    }

    /**
     * The research extract of a saved study: its cohort as known at the study's moment, one pseudonymised row per
     * journey (docs/projections.md, "Research extract"); empty when there is no such study. Making it records
     * nothing: the caller records it (the study's event and the access log) before handing it over.
     */
    public Optional<ResearchExtract.Rows> extract(UUID studyId) {
        return stored(studyId).map(stored -> {
            SavedStudy study = stored.study();
            List<JourneyFacts> cohort = study.query().kind() == StudyKind.TWO_YEARS_AFTER
                    ? outcomes.cohortFacts(twoYearsAfterQuery(study.query(), study.asOf(), study.knownAt()))
                    : outcomes.cohortFacts(timeToQuery(study.query(), study.asOf(), study.knownAt()));
            return ResearchExtract.of(cohort, study.asOf(), new Pseudonyms(stored.pseudonymKey()));
        });
    }

    static FindTwoYearsAfterOutcome twoYearsAfterQuery(StudyQuery query, LocalDate asOf, Instant knownAt) {
        return new FindTwoYearsAfterOutcome(query.cohortYear(), query.municipalityCode(), asOf, knownAt);
    }

    static FindTimeToMilestone timeToQuery(StudyQuery query, LocalDate asOf, Instant knownAt) {
        return new FindTimeToMilestone(
                Milestone.valueOf(query.milestone()),
                MeasuredFrom.valueOf(query.from()),
                query.cohortYear(),
                query.withinMonths(),
                query.municipalityCode(),
                asOf,
                knownAt);
    }

    /** The study's events read from the store, with its key kept apart from what callers get. */
    private Optional<Stored> stored(UUID studyId) {
        List<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(studyId.toString(), 0).asStream().toList();
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof StudySaved saved)) {
            return Optional.empty();
        }
        List<SavedStudy.Extract> extracts = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof ResearchExtractMade made) {
                extracts.add(new SavedStudy.Extract(made.madeBy(), event.getTimestamp(), made.rows()));
            }
        }
        SavedStudy study = new SavedStudy(
                saved.studyId(),
                saved.title(),
                saved.query(),
                saved.asOf(),
                saved.knownAt(),
                saved.answer(),
                saved.savedBy(),
                events.get(0).getTimestamp(),
                extracts);
        return Optional.of(new Stored(study, saved.pseudonymKey()));
    }

    private record Stored(SavedStudy study, String pseudonymKey) {

        @Override
        public String toString() {
            return "Stored[" + study.id() + "]";
        }
    }

    private static StudyListItem listItem(ResultSet row, int number) throws SQLException {
        Integer withinMonths = row.getObject("within_months", Integer.class);
        return new StudyListItem(
                row.getObject("study_id", UUID.class),
                row.getString("title"),
                new StudyQuery(
                        StudyKind.valueOf(row.getString("kind")),
                        row.getInt("cohort_year"),
                        row.getString("municipality_code"),
                        row.getString("milestone"),
                        row.getString("measured_from"),
                        withinMonths),
                row.getObject("as_of", LocalDate.class),
                row.getTimestamp("known_at").toInstant(),
                row.getString("saved_by"),
                row.getTimestamp("saved_at").toInstant(),
                row.getInt("extracts"));
    }
}

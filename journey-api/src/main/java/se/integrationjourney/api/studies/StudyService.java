package se.integrationjourney.api.studies;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.integrationjourney.api.accesslog.AccessAction;
import se.integrationjourney.api.accesslog.AccessLog;
import se.integrationjourney.api.municipalities.Municipalities;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.core.commands.RecordResearchExtract;
import se.integrationjourney.core.commands.SaveStudy;
import se.integrationjourney.core.events.StudyKind;
import se.integrationjourney.core.events.StudyQuery;
import se.integrationjourney.projections.outcomes.KnownAt;
import se.integrationjourney.projections.outcomes.OutcomeCsv;
import se.integrationjourney.projections.outcomes.OutcomeQueries;
import se.integrationjourney.projections.outcomes.TimeToMilestoneResponse;
import se.integrationjourney.projections.outcomes.TwoYearsAfterOutcomeResponse;
import se.integrationjourney.projections.studies.ResearchExtract;
import se.integrationjourney.projections.studies.SavedStudy;
import se.integrationjourney.projections.studies.StudyListItem;
import se.integrationjourney.projections.studies.StudyQueries;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What analysts do with saved studies, for the API and the web application alike (docs/api.md, "Saved studies"):
 * save one, list them, read one with its kept answer, ask its question again (at its own moment, or as known now),
 * export the kept answer as CSV and make its research extract. Saving and every extract are recorded twice, each
 * in one transaction: as the study's event (the audit trail of the study) and in the access log (who did what,
 * which the audits read).
 */
@Component
public class StudyService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CommandGateway commands;
    private final StudyQueries studies;
    private final OutcomeQueries outcomes;
    private final Municipalities municipalities;
    private final AccessLog accessLog;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    /**
     * Reads kept answers, which an earlier version may have written with fields this one no longer has; numbers as
     * written (1.0000 stays 1.0000).
     */
    private final JsonMapper keptAnswers;

    private final Clock clock;

    StudyService(
            CommandGateway commands,
            StudyQueries studies,
            OutcomeQueries outcomes,
            Municipalities municipalities,
            AccessLog accessLog,
            TransactionTemplate transaction,
            JsonMapper json,
            Clock clock) {
        this.commands = commands;
        this.studies = studies;
        this.outcomes = outcomes;
        this.municipalities = municipalities;
        this.accessLog = accessLog;
        this.transaction = transaction;
        this.json = json;
        this.keptAnswers = json.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.clock = clock;
    }

    /**
     * Saves a study: asks the question as known now less the settle margin, as of {@code asOf} (null: today), and
     * records it with its answer and a fresh key for its pseudonyms. @return the new study
     *
     * @throws ApiException 400 for a municipality that is not one of Sweden's or an as-of date after today
     */
    public SavedStudy save(JourneyUser user, String resource, String title, StudyQuery query, LocalDate asOf) {
        LocalDate today = LocalDate.now(clock);
        if (asOf != null && asOf.isAfter(today)) {
            throw invalid("asOf", "must not be after today: a study records what could be known when it was saved");
        }
        if (query.municipalityCode() != null && !municipalities.exists(query.municipalityCode())) {
            throw invalid("query.municipalityCode", "is not the code of one of Sweden's municipalities");
        }
        LocalDate fixedAsOf = asOf == null ? today : asOf;
        // The moment of saving less the settle margin, fixed before asking, so that the kept answer says it was asked
        // as known at exactly that moment, as asking again will; in milliseconds, the precision of the store's
        // timestamps (a finer moment would tell no two stored events apart that a millisecond does not).
        KnownAt knownAt = outcomes.knownAt(outcomes.knownAt(null).used().truncatedTo(ChronoUnit.MILLIS));
        Object answer = answer(query, fixedAsOf, knownAt.used());
        UUID studyId = UUID.randomUUID();
        SaveStudy save = new SaveStudy(
                studyId,
                title,
                query,
                fixedAsOf,
                knownAt.used(),
                json.writeValueAsString(answer),
                user.username(),
                newKey());
        transaction.executeWithoutResult(status -> {
            commands.sendAndWait(save);
            accessLog.act(user.actor(), AccessAction.STUDY_SAVED, resource, studyId.toString());
        });
        return study(studyId);
    }

    public List<StudyListItem> list() {
        return studies.list();
    }

    /** @throws ApiException 404 when there is no such study */
    public SavedStudy study(UUID studyId) {
        return studies.find(studyId).orElseThrow(StudyService::noSuchStudy);
    }

    /** The kept answer as the outcome endpoint's record, for the pages and the CSV. */
    public TwoYearsAfterOutcomeResponse keptTwoYearsAfter(SavedStudy study) {
        return keptAnswers.readValue(study.answer(), TwoYearsAfterOutcomeResponse.class);
    }

    /** The kept answer as the outcome endpoint's record, for the pages and the CSV. */
    public TimeToMilestoneResponse keptTimeTo(SavedStudy study) {
        return keptAnswers.readValue(study.answer(), TimeToMilestoneResponse.class);
    }

    /** The study's question asked again at its own {@code asOf} and {@code knownAt}: the kept figures, for ever. */
    public Object rerun(SavedStudy study) {
        return answer(study.query(), study.asOf(), study.knownAt());
    }

    /** The study's question at its own {@code asOf}, as known now (less the settle margin). */
    public Object asKnownToday(SavedStudy study) {
        return answer(study.query(), study.asOf(), null);
    }

    /** An answer as JSON text, as the outcome endpoints write it. */
    public String json(Object answer) {
        return json.writeValueAsString(answer);
    }

    /** The figures where {@code other} differs from the kept answer, as JSON paths. */
    public List<String> changed(SavedStudy study, Object other) {
        return AnswerDifferences.between(keptAnswers.readTree(study.answer()), keptAnswers.readTree(json(other)));
    }

    /** The kept answer as the outcome endpoint's CSV rows ({@link OutcomeCsv}). */
    public List<List<String>> keptCsv(SavedStudy study) {
        return study.query().kind() == StudyKind.TWO_YEARS_AFTER
                ? OutcomeCsv.rows(keptTwoYearsAfter(study))
                : OutcomeCsv.rows(keptTimeTo(study));
    }

    /**
     * The study's research extract (docs/projections.md, "Research extract"), made and recorded: the study's
     * {@code ResearchExtractMade} event and the access log's entry naming every journey in it are committed together
     * before it is handed over, so an extract nobody recorded never leaves the service.
     *
     * @throws ApiException 404 when there is no such study
     */
    public List<List<String>> extract(JourneyUser user, String resource, UUID studyId) {
        ResearchExtract.Rows rows = studies.extract(studyId).orElseThrow(StudyService::noSuchStudy);
        transaction.executeWithoutResult(status -> {
            commands.sendAndWait(new RecordResearchExtract(studyId, user.username(), rows.journeys()));
            accessLog.journeysReadFor(
                    user.actor(), AccessAction.RESEARCH_EXTRACT, resource, rows.journeyIds(), studyId.toString());
        });
        return rows.rows();
    }

    private Object answer(StudyQuery query, LocalDate asOf, java.time.Instant knownAt) {
        return query.kind() == StudyKind.TWO_YEARS_AFTER
                ? studies.twoYearsAfter(query, asOf, knownAt)
                : studies.timeTo(query, asOf, knownAt);
    }

    /** 256 random bits, hex: the study's own key for its pseudonyms. */
    private static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(Problems.VALIDATION.with(
                "Some fields are invalid", new ArrayList<>(List.of(new Problems.FieldError(field, message)))));
    }

    private static ApiException noSuchStudy() {
        return new ApiException(Problems.NOT_FOUND, "No study with that id");
    }
}

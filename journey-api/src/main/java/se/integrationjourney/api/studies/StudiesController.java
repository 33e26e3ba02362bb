package se.integrationjourney.api.studies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.OpenApiReferences;
import se.integrationjourney.api.web.Problems;
import se.integrationjourney.api.web.RecordsInOneTransaction;
import se.integrationjourney.core.events.StudyKind;
import se.integrationjourney.core.events.StudyQuery;
import se.integrationjourney.projections.outcomes.OutcomeCsv;
import se.integrationjourney.projections.studies.SavedStudy;

/**
 * Analysts' saved studies (docs/api.md, "Saved studies"): a question of the outcome endpoints saved with the
 * moment it is known at and the answer it had, so that it gives the same figures for ever; asked again, compared
 * with today's knowledge, exported, and its pseudonymised research extract made. ANALYST or ADMIN.
 */
@RestController
@RequestMapping("/api/studies")
@Tag(name = "Saved studies")
class StudiesController {

    static final String CSV = "text/csv";

    private final StudyService studies;

    StudiesController(StudyService studies) {
        this.studies = studies;
    }

    @PostMapping
    @Operation(
            summary = "Save a study: a question, as known now less the settle margin, with its answer",
            description = "ANALYST or ADMIN. The question is asked as of `asOf` (default today) and as known at the"
                    + " moment of saving less the settle margin (60 s); the study keeps that moment and the answer."
                    + " Asking it again (`/rerun`) gives the same figures for ever, whatever is recorded later. Saving"
                    + " is recorded as the study's event and in the access log.")
    @ApiResponse(
            responseCode = "201",
            description = "Saved: the study with its answer",
            headers = @Header(name = "Location", ref = OpenApiReferences.LOCATION, description = "/api/studies/{id}"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = StudyResponses.Study.class)))
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @RecordsInOneTransaction
    ResponseEntity<StudyResponses.Study> save(@Valid @RequestBody SaveStudyRequest body) {
        SavedStudy study =
                studies.save(CurrentUser.get(), "POST /api/studies", body.title(), query(body.query()), body.asOf());
        return ResponseEntity.created(URI.create("/api/studies/" + study.id())).body(StudyResponses.Study.of(study));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The saved studies, newest first",
            description = "ANALYST or ADMIN. What each asks and when it was saved; not their answers.")
    @ApiResponse(
            responseCode = "200",
            description = "The studies",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = StudyResponses.Summary.class))))
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    List<StudyResponses.Summary> list() {
        return studies.list().stream().map(StudyResponses.Summary::of).toList();
    }

    @GetMapping(value = "/{studyId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A study with the answer kept when it was saved",
            description = "ANALYST or ADMIN. Read from the study's own events. `Accept: text/csv` gives the kept"
                    + " answer as the outcome endpoint's CSV.")
    @ApiResponse(
            responseCode = "200",
            description = "The study",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = StudyResponses.Study.class)),
                @Content(mediaType = CSV, schema = @Schema(type = "string"))
            })
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    @ApiResponse(responseCode = "406", ref = OpenApiReferences.NOT_ACCEPTABLE)
    StudyResponses.Study study(@PathVariable UUID studyId) {
        return StudyResponses.Study.of(studies.study(studyId));
    }

    @GetMapping(value = "/{studyId}", produces = CSV)
    @Operation(hidden = true) // the same operation as study, whose document lists text/csv too
    ResponseEntity<String> studyCsv(@PathVariable UUID studyId) {
        SavedStudy study = studies.study(studyId);
        return csv(OutcomeCsv.render(studies.keptCsv(study)), "study-" + studyId + ".csv");
    }

    @GetMapping(value = "/{studyId}/rerun", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The study's question asked again at its own asOf and knownAt: the kept figures",
            description = "ANALYST or ADMIN. `sameAsSaved` says whether every figure is the kept answer's;"
                    + " `changed` lists those that are not (only a history removed from the store could make one).")
    @ApiResponse(
            responseCode = "200",
            description = "The answer now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = StudyResponses.Rerun.class)))
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    StudyResponses.Rerun rerun(@PathVariable UUID studyId) {
        SavedStudy study = studies.study(studyId);
        Object answer = studies.rerun(study);
        List<String> changed = studies.changed(study, answer);
        return new StudyResponses.Rerun(
                StudyResponses.Summary.of(study.listItem()), studies.json(answer), changed.isEmpty(), changed);
    }

    @GetMapping(value = "/{studyId}/rerun/today", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The kept answer beside the same question as known now",
            description = "ANALYST or ADMIN. The same query at the study's `asOf`, as known now less the settle"
                    + " margin: what was recorded, corrected or retracted since the study was saved shows in `today`"
                    + " and in `changed`.")
    @ApiResponse(
            responseCode = "200",
            description = "Both answers",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = StudyResponses.Compared.class)))
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    StudyResponses.Compared today(@PathVariable UUID studyId) {
        SavedStudy study = studies.study(studyId);
        Object today = studies.asKnownToday(study);
        return new StudyResponses.Compared(
                StudyResponses.Summary.of(study.listItem()),
                study.answer(),
                studies.json(today),
                studies.changed(study, today));
    }

    @GetMapping(value = "/{studyId}/extract", produces = CSV)
    @Operation(
            summary = "The study's pseudonymised research extract: one row per journey of its cohort",
            description =
                    "ANALYST or ADMIN. The cohort as known at the study's `knownAt`; columns as docs/projections.md"
                            + " (\"Research extract\") defines them: a pseudonym stable within the study and unlinkable"
                            + " across studies, municipality, gender, age band, year-months, months to each milestone, status"
                            + " and self-sufficiency at the measurement point; no name, identity number or exact date. Every"
                            + " extract is recorded as the study's event and in the access log (with the journeys in it)"
                            + " before it is sent.")
    @ApiResponse(
            responseCode = "200",
            description = "The extract (RFC 4180, CRLF line ends), as an attachment",
            content =
                    @Content(
                            mediaType = CSV,
                            schema = @Schema(type = "string"),
                            examples = @ExampleObject(value = """
                    pseudonym,municipalityCode,gender,ageBand,arrivalYearMonth,establishmentStartYearMonth,\
                    establishmentEndYearMonth,monthsToHousingSecured,monthsToSfiLevelB,\
                    monthsToCivicOrientationCompleted,monthsToInternshipStarted,monthsToEmploymentStarted,\
                    monthsToInWorkOrStudies,monthsToSelfSufficiencyReached,statusAtMeasurementPoint,\
                    selfSufficientAtMeasurementPoint
                    3f9c2a71d04be815,2580,FEMALE,25-34,2018-11,2019-01,2021-01,3,,,,40,40,41,EMPLOYED,true
                    """)))
    @ApiResponse(responseCode = "400", ref = OpenApiReferences.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = OpenApiReferences.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = OpenApiReferences.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = OpenApiReferences.NOT_FOUND)
    @ApiResponse(responseCode = "406", ref = OpenApiReferences.NOT_ACCEPTABLE)
    @RecordsInOneTransaction
    ResponseEntity<String> extract(@PathVariable UUID studyId) {
        List<List<String>> rows = studies.extract(CurrentUser.get(), "GET /api/studies/{studyId}/extract", studyId);
        return csv(OutcomeCsv.render(rows), "study-" + studyId + "-extract.csv");
    }

    /** The request's question, or 400 naming the fields that do not belong to its kind or are missing for it. */
    private static StudyQuery query(SaveStudyRequest.Query query) {
        List<Problems.FieldError> errors = new ArrayList<>();
        String municipality =
                query.municipalityCode() == null || query.municipalityCode().isBlank()
                        ? null
                        : query.municipalityCode();
        if (query.kind() == StudyKind.TIME_TO) {
            if (query.milestone() == null) {
                errors.add(new Problems.FieldError("query.milestone", "is required for TIME_TO"));
            }
            if (query.from() == null) {
                errors.add(new Problems.FieldError("query.from", "is required for TIME_TO"));
            }
        } else {
            onlyForTimeTo("milestone", query.milestone(), errors);
            onlyForTimeTo("from", query.from(), errors);
            onlyForTimeTo("withinMonths", query.withinMonths(), errors);
        }
        if (!errors.isEmpty()) {
            throw new ApiException(Problems.VALIDATION.with("Some fields are invalid", errors));
        }
        return query.kind() == StudyKind.TIME_TO
                ? StudyQuery.timeTo(
                        query.milestone().name(),
                        query.from().name(),
                        query.cohortYear(),
                        query.withinMonths(),
                        municipality)
                : StudyQuery.twoYearsAfter(query.cohortYear(), municipality);
    }

    private static void onlyForTimeTo(String field, Object value, List<Problems.FieldError> errors) {
        if (value != null) {
            errors.add(new Problems.FieldError("query." + field, "belongs to TIME_TO only"));
        }
    }

    private static ResponseEntity<String> csv(String body, String fileName) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(body);
    }
}

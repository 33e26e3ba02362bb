package se.integrationjourney.projections.journeystate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.eventstore.personaldata.IdentityNumberLookup;
import se.integrationjourney.projections.casefile.CaseFile;
import se.integrationjourney.projections.casefile.CaseFileJson;
import se.integrationjourney.projections.casefile.Fact;
import se.integrationjourney.projections.casefile.Stage;

/** Answers {@link FindJourneyState} from the journey-state view: one indexed row per query. */
@Component
public class JourneyStateQueries {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IdentityNumberLookup lookup;

    public JourneyStateQueries(JdbcTemplate jdbc, Clock clock, IdentityNumberLookup lookup) {
        this.lookup = lookup;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<JourneyState> handle(FindJourneyState query) {
        return jdbc.query(
                        "select case_file::text from " + JourneyStateProjection.TABLE + " where journey_id = ?",
                        row -> row.next()
                                ? Optional.of(CaseFileJson.read(row.getString(1)))
                                : Optional.<CaseFile>empty(),
                        query.journeyId())
                .map(file -> toState(file, LocalDate.now(clock)));
    }

    /**
     * Every journey, in any municipality, of the person with this identity number (12 digits, as the core normalises
     * it), newest arrival first. Read from the view: a journey registered a moment ago may not be in it yet.
     */
    public List<JourneyMatch> withPersonalIdentityNumber(String normalisedNumber) {
        return jdbc
                .query(
                        "select case_file::text from " + JourneyStateProjection.TABLE
                                + " where identity_number_key = ?",
                        (row, n) -> CaseFileJson.read(row.getString(1)),
                        (Object) lookup.hash(normalisedNumber))
                .stream()
                .map(file ->
                        new JourneyMatch(file.journeyId(), file.municipalityCode(), file.arrivalDate(), file.closed()))
                .sorted(Comparator.comparing(JourneyMatch::arrivalDate).reversed())
                .toList();
    }

    static JourneyState toState(CaseFile file, LocalDate today) {
        return new JourneyState(
                file.journeyId(),
                file.version(),
                file.municipalityCode(),
                file.arrivalDate(),
                file.receptionType(),
                file.birthYear(),
                file.gender(),
                file.countryOfBirth(),
                file.educationLevel(),
                file.personalDetails(),
                file.caseworkerId(),
                Stage.of(file, today),
                firstMilestones(file),
                file.sfiLevel(),
                file.sfiStudyPath(),
                file.openInternships().stream()
                        .map(e -> new JourneyState.OpenInternship(e.id(), e.kind(), e.sector(), e.start()))
                        .toList(),
                file.openEmployments().stream()
                        .map(e -> new JourneyState.OpenEmployment(
                                e.id(), e.kind(), e.sector(), e.hoursPerWeek(), e.start()))
                        .toList(),
                file.openStudies().stream()
                        .map(e -> new JourneyState.OpenStudies(e.id(), e.kind(), e.start()))
                        .toList(),
                file.businessOpen(),
                file.financialAssistanceOpen(),
                file.selfSufficient(),
                file.establishmentStart(),
                file.establishmentEnd(),
                file.measurementPoint(),
                file.closed());
    }

    private static JourneyState.FirstMilestones firstMilestones(CaseFile file) {
        return new JourneyState.FirstMilestones(
                earliest(file.caseworkers()),
                file.firstIntroductoryMeeting(),
                file.firstActionPlan(),
                file.firstTemporaryHousing(),
                file.firstHousingSecured(),
                file.firstSfiEnrolment(),
                file.firstSfiLevelAtLeast(SfiLevel.B),
                file.firstCivicOrientation(),
                file.firstInternship(),
                file.firstEmployment(),
                file.firstStudies(),
                file.firstBusiness(),
                file.firstInWorkOrStudies(),
                file.firstSelfSufficiency());
    }

    private static LocalDate earliest(List<? extends Fact<?>> facts) {
        return facts.stream().map(Fact::on).min(Comparator.naturalOrder()).orElse(null);
    }
}

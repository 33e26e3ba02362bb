package se.integrationjourney.core.study;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import se.integrationjourney.core.commands.RecordResearchExtract;
import se.integrationjourney.core.commands.Recorded;
import se.integrationjourney.core.commands.SaveStudy;
import se.integrationjourney.core.events.ResearchExtractMade;
import se.integrationjourney.core.events.StudyEvent;
import se.integrationjourney.core.events.StudyKind;
import se.integrationjourney.core.events.StudyQuery;
import se.integrationjourney.core.events.StudySaved;

/**
 * An analyst's saved study: saved once, never changed, and each research extract made from it recorded on it. Its
 * events are the audit trail of the study (who saved which question, known as at which moment, with which answer;
 * who made an extract of it, and when). Registered by the application, as {@code Journey} is.
 */
public class Study {

    /** A title is a name for a list, not a description. */
    public static final int MAX_TITLE = 200;

    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("[0-9]{4}");
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> FROM = Set.of("ARRIVAL", "ESTABLISHMENT_START");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,60}");

    @AggregateIdentifier
    private UUID studyId;

    private String lastEventId;
    private long version = -1;

    /** For Axon, which rebuilds the study from its events. */
    protected Study() {}

    /**
     * Saves the study. Create-if-missing, as a journey's registration, so that a second save of the same id is
     * refused here rather than failing in the event store.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(SaveStudy command) {
        if (studyId != null) {
            throw new StudyRefused("the study is already saved; a saved study never changes");
        }
        require(command.studyId() != null, "studyId is required");
        String title = command.title() == null ? "" : command.title().strip();
        require(!title.isEmpty(), "title is required");
        require(title.length() <= MAX_TITLE, "title is at most " + MAX_TITLE + " characters");
        checkQuery(command.query());
        require(command.asOf() != null, "asOf is required");
        require(command.knownAt() != null, "knownAt is required");
        require(command.answer() != null && !command.answer().isBlank(), "answer is required");
        require(command.savedBy() != null && !command.savedBy().isBlank(), "savedBy is required");
        require(
                command.pseudonymKey() != null
                        && KEY.matcher(command.pseudonymKey()).matches(),
                "pseudonymKey is 64 lower-case hex digits");
        return record(new StudySaved(
                command.studyId(),
                title,
                command.query(),
                command.asOf(),
                command.knownAt(),
                command.answer(),
                command.savedBy(),
                command.pseudonymKey()));
    }

    @CommandHandler
    public Recorded handle(RecordResearchExtract command) {
        if (studyId == null) {
            throw new StudyRefused("no saved study with that id");
        }
        require(command.madeBy() != null && !command.madeBy().isBlank(), "madeBy is required");
        require(command.rows() >= 0, "rows is 0 or more");
        return record(new ResearchExtractMade(studyId, command.madeBy(), command.rows()));
    }

    @EventSourcingHandler
    void on(StudyEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        studyId = event.studyId();
        lastEventId = eventId;
        version = sequence;
    }

    private static void checkQuery(StudyQuery query) {
        require(query != null && query.kind() != null, "query.kind is required");
        require(query.cohortYear() >= 1900 && query.cohortYear() <= 2100, "query.cohortYear is 1900 to 2100");
        require(
                query.municipalityCode() == null
                        || MUNICIPALITY_CODE.matcher(query.municipalityCode()).matches(),
                "query.municipalityCode is four digits, or absent for all");
        if (query.kind() == StudyKind.TIME_TO) {
            require(
                    query.milestone() != null && NAME.matcher(query.milestone()).matches(),
                    "query.milestone is required for TIME_TO");
            require(
                    query.from() != null && FROM.contains(query.from()),
                    "query.from is ARRIVAL or ESTABLISHMENT_START");
            require(
                    query.withinMonths() == null || (query.withinMonths() >= 0 && query.withinMonths() <= 120),
                    "query.withinMonths is 0 to 120");
        } else {
            require(
                    query.milestone() == null && query.from() == null && query.withinMonths() == null,
                    "query.milestone, query.from and query.withinMonths belong to TIME_TO only");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new StudyRefused(message);
        }
    }

    private Recorded record(StudyEvent event) {
        // apply() runs the event-sourcing handler at once, which stores the id and sequence Axon gave the event.
        apply(event);
        return new Recorded(lastEventId, version);
    }
}

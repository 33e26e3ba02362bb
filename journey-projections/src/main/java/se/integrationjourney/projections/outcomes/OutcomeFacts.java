package se.integrationjourney.projections.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import se.integrationjourney.core.events.EmploymentType;
import se.integrationjourney.projections.casefile.CaseFile;
import se.integrationjourney.projections.casefile.CaseFileValues;
import se.integrationjourney.projections.casefile.Episode;
import se.integrationjourney.projections.casefile.Fact;

/**
 * Maps the read side's per-journey model, a {@link CaseFile}, onto the measurements' input, {@link JourneyFacts}.
 *
 * <p>A case file already holds only non-retracted facts, which is what {@link JourneyFacts} expects. Every fact
 * keeps its event's sequence number in the journey, which becomes the {@code recordingOrder} (for financial
 * assistance, the sequence number of the start). Employment types come from the episode's {@link Episode#kind()}.
 * Nothing personal is read: the measurements need gender, birth year, arrival date and municipality only.
 */
public final class OutcomeFacts {

    private OutcomeFacts() {}

    /**
     * The facts of one registered journey.
     *
     * @throws IllegalArgumentException if the journey is not registered (no arrival date): such a case file
     *                                  holds nothing to measure and is never stored by the outcomes view
     */
    public static JourneyFacts from(CaseFile file) {
        Objects.requireNonNull(file, "file");
        if (!file.registered()) {
            throw new IllegalArgumentException("journey " + file.journeyId() + " is not registered");
        }
        Episode plan = file.establishmentPlan();
        return new JourneyFacts(
                file.journeyId(),
                file.municipalityCode(),
                file.gender(),
                file.birthYear(),
                file.arrivalDate(),
                plan == null ? null : plan.start(),
                plan == null ? null : plan.end(),
                file.employments().stream()
                        .map(e -> new JourneyFacts.Employment(
                                e.id(), EmploymentType.valueOf(e.kind()), e.start(), e.end()))
                        .toList(),
                file.businesses().stream()
                        .map(e -> new JourneyFacts.Business(e.start(), e.end()))
                        .toList(),
                file.studies().stream()
                        .map(e -> new JourneyFacts.Studies(e.id(), e.start(), e.end()))
                        .toList(),
                file.internships().stream()
                        .map(e -> new JourneyFacts.Internship(e.id(), e.start(), e.end()))
                        .toList(),
                file.financialAssistance().stream()
                        .map(e -> new JourneyFacts.FinancialAssistance(e.start(), e.end(), e.startSequence()))
                        .toList(),
                file.selfSufficiency().stream()
                        .map(OutcomeFacts::selfSufficiencyChange)
                        .toList(),
                file.followUps().stream()
                        .map(fact -> new JourneyFacts.FollowUp(
                                fact.on(),
                                fact.value().monthsAfterEstablishment(),
                                fact.value().status(),
                                fact.sequence()))
                        .toList(),
                file.lifecycle().stream().map(OutcomeFacts::lifecycleEvent).toList(),
                dates(file.housingSecured()),
                file.sfiLevels().stream()
                        .map(fact -> new JourneyFacts.SfiLevelReached(fact.on(), fact.value()))
                        .toList(),
                file.civicOrientations().stream()
                        .map(fact -> new JourneyFacts.CivicOrientationCompletion(
                                fact.on(), fact.value().hours()))
                        .toList());
    }

    private static JourneyFacts.SelfSufficiencyChange selfSufficiencyChange(
            Fact<CaseFileValues.SelfSufficiencyChange> fact) {
        return new JourneyFacts.SelfSufficiencyChange(
                fact.on(),
                fact.value().reached()
                        ? JourneyFacts.SelfSufficiencyChange.Direction.REACHED
                        : JourneyFacts.SelfSufficiencyChange.Direction.LOST,
                fact.sequence());
    }

    private static JourneyFacts.LifecycleEvent lifecycleEvent(Fact<CaseFileValues.Lifecycle> fact) {
        return fact.value().closed()
                ? JourneyFacts.LifecycleEvent.closed(fact.on(), fact.value().reason(), fact.sequence())
                : JourneyFacts.LifecycleEvent.reopened(fact.on(), fact.sequence());
    }

    private static List<LocalDate> dates(List<? extends Fact<?>> facts) {
        return facts.stream().map(Fact::on).toList();
    }
}

package se.integrationjourney.core.journey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.integrationjourney.core.events.ActionPlanEstablished;
import se.integrationjourney.core.events.ActionPlanRevised;
import se.integrationjourney.core.events.BusinessClosed;
import se.integrationjourney.core.events.BusinessStarted;
import se.integrationjourney.core.events.CaseworkerAssigned;
import se.integrationjourney.core.events.EmploymentEnded;
import se.integrationjourney.core.events.EmploymentStarted;
import se.integrationjourney.core.events.EstablishmentPlanEnded;
import se.integrationjourney.core.events.EstablishmentPlanStarted;
import se.integrationjourney.core.events.FinancialAssistanceEnded;
import se.integrationjourney.core.events.FinancialAssistanceStarted;
import se.integrationjourney.core.events.InternshipEnded;
import se.integrationjourney.core.events.InternshipStarted;
import se.integrationjourney.core.events.JourneyClosed;
import se.integrationjourney.core.events.JourneyEvent;
import se.integrationjourney.core.events.JourneyReopened;
import se.integrationjourney.core.events.NewcomerRegistered;
import se.integrationjourney.core.events.PersonalDataErased;
import se.integrationjourney.core.events.PersonalDetails;
import se.integrationjourney.core.events.PersonalDetailsCorrected;
import se.integrationjourney.core.events.SelfSufficiencyLost;
import se.integrationjourney.core.events.SelfSufficiencyReached;
import se.integrationjourney.core.events.SfiEnrolled;
import se.integrationjourney.core.events.SfiLevel;
import se.integrationjourney.core.events.SfiLevelReached;
import se.integrationjourney.core.events.StudiesEnded;
import se.integrationjourney.core.events.StudiesStarted;

/**
 * What the rules need to know about a journey, derived from the events that still count (not retracted), in the
 * order they were recorded. Deriving it afresh, rather than patching it event by event, is what makes a retracted
 * event stop counting everywhere at once.
 *
 * @param registration         the registration (it cannot be retracted)
 * @param personalDetails      every personal details the journey has had, registered then corrected; free text is
 *                             checked against all of them
 * @param caseworkerId         the caseworker currently assigned, or {@code null}
 * @param firstActionPlanOn    the earliest date an action plan still counting was established, or {@code null}
 * @param sfiStudyPath         the study path of the latest SFI enrolment, or {@code null} when not enrolled
 * @param highestSfiLevel      the highest SFI level reached, or {@code null}
 * @param episodes             every start paired with its end, in the order of the starts
 * @param inconsistentEventIds events the rules would have refused after the events before them: an end without
 *                             its start, a start of something already open (or a second establishment plan), a
 *                             revision without a plan. Empty for any history the rules let through, so a retraction
 *                             that would make one is refused.
 */
public record RuleFacts(
        NewcomerRegistered registration,
        List<PersonalDetails> personalDetails,
        String caseworkerId,
        LocalDate firstActionPlanOn,
        Integer sfiStudyPath,
        SfiLevel highestSfiLevel,
        List<PairedEpisode> episodes,
        List<String> inconsistentEventIds) {

    /** Derives the facts from a journey's events that still count, in recording order. */
    public static RuleFacts of(List<RecordedEvent> countingEvents) {
        NewcomerRegistered registration = null;
        List<PersonalDetails> personalDetails = new ArrayList<>();
        String caseworkerId = null;
        LocalDate firstActionPlanOn = null;
        Integer sfiStudyPath = null;
        SfiLevel highestSfiLevel = null;
        List<PairedEpisode> episodes = new ArrayList<>();
        Map<String, Integer> openEpisodeIndex = new LinkedHashMap<>();
        List<String> inconsistent = new ArrayList<>();

        for (RecordedEvent recorded : countingEvents) {
            JourneyEvent event = recorded.event();
            if (event instanceof NewcomerRegistered registered) {
                registration = registered;
                personalDetails.add(registered.personalDetails());
            } else if (event instanceof PersonalDetailsCorrected corrected) {
                personalDetails.add(corrected.personalDetails());
            } else if (event instanceof PersonalDataErased) {
                // What was erased is no longer known, not even to the rules.
                personalDetails.clear();
                personalDetails.add(PersonalDetails.ERASED);
            } else if (event instanceof CaseworkerAssigned assigned) {
                caseworkerId = assigned.caseworkerId();
            } else if (event instanceof ActionPlanEstablished established) {
                if (firstActionPlanOn == null || established.occurredOn().isBefore(firstActionPlanOn)) {
                    firstActionPlanOn = established.occurredOn();
                }
            } else if (event instanceof ActionPlanRevised revised) {
                if (firstActionPlanOn == null || firstActionPlanOn.isAfter(revised.occurredOn())) {
                    inconsistent.add(recorded.eventId());
                }
            } else if (event instanceof SfiEnrolled enrolled) {
                sfiStudyPath = enrolled.studyPath();
            } else if (event instanceof SfiLevelReached reached) {
                if (highestSfiLevel == null || reached.level().compareTo(highestSfiLevel) > 0) {
                    highestSfiLevel = reached.level();
                }
            } else {
                Step step = Step.of(event);
                if (step == null) {
                    continue;
                }
                if (event instanceof FinancialAssistanceStarted) {
                    // Financial assistance ends self-sufficiency, as the domain's measurement defines it.
                    end(episodes, openEpisodeIndex, EpisodeKind.SELF_SUFFICIENCY, "", recorded);
                }
                if (step.starts()) {
                    String indexKey = indexKey(step.kind(), step.key());
                    boolean once = step.kind() == EpisodeKind.ESTABLISHMENT_PLAN;
                    boolean allowed = once
                            ? episodes.stream().noneMatch(e -> e.kind() == EpisodeKind.ESTABLISHMENT_PLAN)
                            : !openEpisodeIndex.containsKey(indexKey);
                    if (allowed) {
                        openEpisodeIndex.put(indexKey, episodes.size());
                        episodes.add(new PairedEpisode(step.kind(), step.key(), recorded, null));
                    } else {
                        inconsistent.add(recorded.eventId());
                    }
                } else if (!end(episodes, openEpisodeIndex, step.kind(), step.key(), recorded)) {
                    inconsistent.add(recorded.eventId());
                }
            }
        }
        return new RuleFacts(
                registration,
                personalDetails,
                caseworkerId,
                firstActionPlanOn,
                sfiStudyPath,
                highestSfiLevel,
                episodes,
                inconsistent);
    }

    public RuleFacts {
        personalDetails = List.copyOf(personalDetails);
        episodes = List.copyOf(episodes);
        inconsistentEventIds = List.copyOf(inconsistentEventIds);
    }

    /** The arrival date: the registration's business date. */
    public LocalDate arrivalDate() {
        return registration.occurredOn();
    }

    /** The open episode of that kind and key (empty key for business, financial assistance, plans and closure). */
    public Optional<PairedEpisode> openEpisode(EpisodeKind kind, String key) {
        return episodes.stream()
                .filter(e -> e.open() && e.kind() == kind && e.key().equals(key))
                .findFirst();
    }

    /** The latest episode of that kind, open or not. */
    public Optional<PairedEpisode> latestEpisode(EpisodeKind kind) {
        PairedEpisode latest = null;
        for (PairedEpisode episode : episodes) {
            if (episode.kind() == kind) {
                latest = episode;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Whether the journey is closed and not reopened. */
    public boolean closed() {
        return openEpisode(EpisodeKind.CLOSURE, "").isPresent();
    }

    /** Whether the person is self-sufficient: reached, and not lost nor on financial assistance since. */
    public boolean selfSufficient() {
        return openEpisode(EpisodeKind.SELF_SUFFICIENCY, "").isPresent();
    }

    /** Whether the journey's personal data was erased. */
    public boolean personalDataErased() {
        return !personalDetails.isEmpty()
                && personalDetails.get(personalDetails.size() - 1).erased();
    }

    /** Every name the journey has had, for checking that free text does not repeat one. */
    public Set<String> knownNames() {
        Set<String> names = new LinkedHashSet<>();
        personalDetails.stream().filter(details -> !details.erased()).forEach(details -> names.add(details.fullName()));
        return names;
    }

    private static boolean end(
            List<PairedEpisode> episodes,
            Map<String, Integer> openEpisodeIndex,
            EpisodeKind kind,
            String key,
            RecordedEvent ending) {
        Integer index = openEpisodeIndex.remove(indexKey(kind, key));
        if (index == null) {
            return false;
        }
        episodes.set(index, episodes.get(index).endedBy(ending));
        return true;
    }

    private static String indexKey(EpisodeKind kind, String key) {
        return kind.name() + '/' + key;
    }

    /** Which episode an event starts or ends; {@code null} for events that are not part of one. */
    private record Step(EpisodeKind kind, String key, boolean starts) {

        static Step of(JourneyEvent event) {
            if (event instanceof InternshipStarted e) {
                return new Step(EpisodeKind.INTERNSHIP, e.internshipId(), true);
            } else if (event instanceof InternshipEnded e) {
                return new Step(EpisodeKind.INTERNSHIP, e.internshipId(), false);
            } else if (event instanceof EmploymentStarted e) {
                return new Step(EpisodeKind.EMPLOYMENT, e.employmentId(), true);
            } else if (event instanceof EmploymentEnded e) {
                return new Step(EpisodeKind.EMPLOYMENT, e.employmentId(), false);
            } else if (event instanceof StudiesStarted e) {
                return new Step(EpisodeKind.STUDIES, e.studyId(), true);
            } else if (event instanceof StudiesEnded e) {
                return new Step(EpisodeKind.STUDIES, e.studyId(), false);
            } else if (event instanceof BusinessStarted) {
                return new Step(EpisodeKind.BUSINESS, "", true);
            } else if (event instanceof BusinessClosed) {
                return new Step(EpisodeKind.BUSINESS, "", false);
            } else if (event instanceof FinancialAssistanceStarted) {
                return new Step(EpisodeKind.FINANCIAL_ASSISTANCE, "", true);
            } else if (event instanceof FinancialAssistanceEnded) {
                return new Step(EpisodeKind.FINANCIAL_ASSISTANCE, "", false);
            } else if (event instanceof EstablishmentPlanStarted) {
                return new Step(EpisodeKind.ESTABLISHMENT_PLAN, "", true);
            } else if (event instanceof EstablishmentPlanEnded) {
                return new Step(EpisodeKind.ESTABLISHMENT_PLAN, "", false);
            } else if (event instanceof SelfSufficiencyReached) {
                return new Step(EpisodeKind.SELF_SUFFICIENCY, "", true);
            } else if (event instanceof SelfSufficiencyLost) {
                return new Step(EpisodeKind.SELF_SUFFICIENCY, "", false);
            } else if (event instanceof JourneyClosed) {
                return new Step(EpisodeKind.CLOSURE, "", true);
            } else if (event instanceof JourneyReopened) {
                return new Step(EpisodeKind.CLOSURE, "", false);
            }
            return null;
        }
    }
}

package se.integrationjourney.api.pages.timeline;

import java.util.List;
import java.util.UUID;

/**
 * What the audit page shows, already in the reader's terms: dates and times as text in Swedish time, every label and
 * enumerated value a message key, and the links between a retraction and what it struck as anchors on the page.
 */
public final class TimelineView {

    private TimelineView() {}

    /**
     * The case: who it is about, as the record now says, and every entry of its timeline in recording order.
     *
     * @param identityNumber YYYYMMDD-NNNN, or null when the person has none recorded
     */
    public record Case(
            UUID journeyId,
            String fullName,
            String identityNumber,
            String municipality,
            String arrivalDate,
            boolean closed,
            List<Entry> entries) {}

    /**
     * One recorded event.
     *
     * @param eventId     the event's id
     * @param retractable whether a caseworker may retract it: not yet retracted, and neither the registration nor a
     *                    correction
     * @param anchor     the entry's id on the page, for links to it
     * @param occurredOn the business date; null for a retraction or correction
     * @param recordedBy the username, or null when none was recorded
     * @param struck     the retraction that struck this entry, or null
     * @param retracts   what this retraction struck, or null when it is no retraction
     */
    public record Entry(
            String eventId,
            boolean retractable,
            String anchor,
            long sequence,
            String typeKey,
            String occurredOn,
            String recordedAt,
            String recordedBy,
            List<Detail> details,
            Struck struck,
            Retracts retracts) {}

    /** The retraction that struck an entry: where it is, when, by whom and why. */
    public record Struck(String anchor, String recordedAt, String recordedBy, String reason) {}

    /** The entry a retraction struck. */
    public record Retracts(String anchor, long sequence, String typeKey, String occurredOn) {}

    /**
     * One thing an event said: its label and value; {@code before} is the value it replaced when the event corrects
     * one (null otherwise).
     */
    public record Detail(String labelKey, List<Value> values, List<Value> before) {}

    /** A value as recorded ({@code text}) or one of a fixed set, named by {@code messageKey}. */
    public record Value(String text, String messageKey) {

        static Value text(String text) {
            return new Value(text, null);
        }

        static Value message(String key) {
            return new Value(null, key);
        }
    }

    /**
     * One read of the case from the access log.
     *
     * @param roles the roles the reader had then, each a message key or the role's name as recorded
     */
    public record Read(
            String at, String username, List<Value> roles, String actionKey, String resource, String correlationId) {}

    /**
     * One entry of an account's access log: what it was shown or what it did.
     *
     * @param kindKey    the message key of a read or an act
     * @param journeyIds the journeys it was shown (a read), or named (an extract)
     * @param subject    what an act was about (an account, a view, a study), or null
     */
    public record AccountEntry(
            String at,
            String kindKey,
            String actionKey,
            List<Value> roles,
            String resource,
            List<UUID> journeyIds,
            String subject,
            String correlationId) {}
}

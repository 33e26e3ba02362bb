package se.integrationjourney.core.events;

import java.util.Set;
import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 1 of {@link NewcomerRegistered} and {@link PersonalDetailsCorrected} stored the personal details in plain
 * text; revision 2 stores them sealed with the journey's key. The JSON of the classes did not change, and the event
 * serializer opens sealed details and passes plain ones through, so a revision-1 event becomes revision 2 as it is.
 * Stored revision-1 events were sealed once by a migration; this keeps older copies (exports, backups restored into a
 * test, golden samples) readable.
 */
public final class PersonalDetails1To2Upcaster extends SingleEventUpcaster {

    private static final Set<String> TYPES =
            Set.of(NewcomerRegistered.class.getName(), PersonalDetailsCorrected.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPES.contains(representation.getType().getName())
                && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(representation.getType().getName(), "2"), byte[].class, Function.identity());
    }
}

package se.integrationjourney.core.events;

/**
 * The kind of work-placement: praktik, arbetsträning or yrkeskompetensbedömning.
 * <p>Stored by name in events: constants may be added, never renamed or removed.
 */
public enum InternshipKind {
    PRAKTIK,
    ARBETSTRANING,
    YRKESKOMPETENSBEDOMNING
}

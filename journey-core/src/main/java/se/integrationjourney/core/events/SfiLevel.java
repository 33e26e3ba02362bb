package se.integrationjourney.core.events;

/**
 * SFI course levels; declared in their order A &lt; B &lt; C &lt; D, which the SFI rules compare by.
 * <p>Stored by name in events: constants may be added, never renamed or removed.
 */
public enum SfiLevel {
    A,
    B,
    C,
    D
}

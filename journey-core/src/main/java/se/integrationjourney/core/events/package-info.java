/**
 * The journey's events: the stored history of every journey; and the events of analysts' saved studies
 * ({@link se.integrationjourney.core.events.StudyEvent}), stored beside them.
 * <p>Axon stores each event's fully qualified class name with its payload, so this package and these class names
 * never change. A change of shape gets a new {@code @Revision} and an upcaster named
 * {@code <Event><n>To<m>Upcaster}; the golden samples under {@code src/test/resources/golden-events} fail the build
 * before a careless change can break stored history.
 */
package se.integrationjourney.core.events;

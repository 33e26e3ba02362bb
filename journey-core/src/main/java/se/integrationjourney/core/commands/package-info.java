/**
 * The journey's commands: what a caller asks the {@code Journey} aggregate to record; and the {@code Study}
 * aggregate's ({@code SaveStudy}, {@code RecordResearchExtract}). Every handler answers with
 * {@link se.integrationjourney.core.commands.Recorded}.
 */
package se.integrationjourney.core.commands;

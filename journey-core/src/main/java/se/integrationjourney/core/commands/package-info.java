/**
 * The journey's commands: what a caller asks the {@code Journey} aggregate to record. Every handler answers with
 * {@link se.integrationjourney.core.commands.Recorded}.
 */
package se.integrationjourney.core.commands;

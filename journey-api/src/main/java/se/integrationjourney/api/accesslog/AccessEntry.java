package se.integrationjourney.api.accesslog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of the access log, as auditors and administrators read it. */
public record AccessEntry(
        long id,
        Instant at,
        String username,
        String roles,
        AccessAction action,
        String resource,
        List<UUID> journeyIds,
        String subject,
        String correlationId) {}

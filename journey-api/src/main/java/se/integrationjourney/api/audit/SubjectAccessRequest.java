package se.integrationjourney.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/audit/subject-access}: whose data, by identity number (posted, never in an address). */
record SubjectAccessRequest(
        @Schema(
                description = "The person's personal identity or coordination number as people write it:"
                        + " YYYYMMDD-NNNN or YYMMDD-NNNN, with or without the dash, + for someone 100 or older",
                example = "19900301-2391")
        @NotBlank
        @Size(max = 100)
        String personalIdentityNumber) {}

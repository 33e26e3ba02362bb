package se.integrationjourney.api.security;

import org.springframework.stereotype.Component;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.Problems;

/**
 * The municipality rule: a caseworker works only with the journeys of their own municipality; an admin with
 * all. Roles were already checked per endpoint.
 */
@Component
public class JourneyAccess {

    /** @throws ApiException 403 if the user may not act on a journey of that municipality */
    public void requireMunicipality(JourneyUser user, String municipalityCode) {
        if (user.has(Role.ADMIN) || user.has(Role.AUDITOR) && !user.has(Role.CASEWORKER)) {
            return;
        }
        if (user.has(Role.CASEWORKER)
                && user.municipalityCode() != null
                && user.municipalityCode().equals(municipalityCode)) {
            return;
        }
        throw new ApiException(Problems.FORBIDDEN, "This journey belongs to another municipality");
    }
}

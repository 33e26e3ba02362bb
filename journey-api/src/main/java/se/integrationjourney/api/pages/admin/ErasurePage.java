package se.integrationjourney.api.pages.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.integrationjourney.api.privacy.JourneyErasure;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.core.events.ErasureReason;

/**
 * An administrator erases a journey's personal data: the journey's id and a ticked confirmation, since it cannot be
 * undone. The page shows no personal data, so opening it reads none; the erasure is in the access log.
 */
@Controller
class ErasurePage {

    static final String RESOURCE = "POST /admin/erasure";

    private final JourneyErasure erasure;

    ErasurePage(JourneyErasure erasure) {
        this.erasure = erasure;
    }

    @GetMapping("/admin/erasure")
    String form(@RequestParam(required = false) String erased, Model model) {
        model.addAttribute("errors", Map.of());
        if (erased != null) {
            model.addAttribute("done", "admin.erasure.done");
            model.addAttribute("doneSubject", erased);
        }
        return "admin/erasure";
    }

    @PostMapping("/admin/erasure")
    String erase(
            @RequestParam(defaultValue = "") String journeyId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID id = null;
        try {
            id = UUID.fromString(journeyId.strip());
        } catch (IllegalArgumentException notAnId) {
            errors.put("journeyId", "admin.erasure.error.id");
        }
        if (!confirmed) {
            errors.put("confirmed", "admin.erasure.error.confirm");
        }
        if (errors.isEmpty()) {
            try {
                if (erasure.erase(
                        id, ErasureReason.ADMINISTRATOR, CurrentUser.get().actor(), RESOURCE)) {
                    return "redirect:/admin/erasure?erased=" + id;
                }
                errors.put("journeyId", "admin.erasure.error.already");
            } catch (ApiException notFound) {
                errors.put("journeyId", "admin.erasure.error.unknown");
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("journeyId", journeyId);
        return "admin/erasure";
    }
}

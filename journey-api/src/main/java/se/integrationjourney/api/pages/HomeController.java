package se.integrationjourney.api.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import se.integrationjourney.api.security.CurrentUser;
import se.integrationjourney.api.security.JourneyUser;
import se.integrationjourney.api.security.Role;
import se.integrationjourney.api.security.SecuritySettings;

/** The sign-in page, and {@code /}: each person's start page by their role. */
@Controller
class HomeController {

    private final boolean identityProvider;

    HomeController(SecuritySettings settings) {
        this.identityProvider = settings.oidcSignIn();
    }

    @GetMapping("/signin")
    String signIn(org.springframework.ui.Model model) {
        model.addAttribute("identityProvider", identityProvider);
        return "signin";
    }

    @GetMapping("/")
    String home() {
        JourneyUser user = CurrentUser.get();
        if (user.has(Role.ADMIN)) {
            return "redirect:/admin";
        }
        if (user.has(Role.CASEWORKER)) {
            return "redirect:/caseload";
        }
        if (user.has(Role.AUDITOR)) {
            return "redirect:/audit";
        }
        if (user.has(Role.ANALYST)) {
            return "redirect:/outcomes";
        }
        return "redirect:/account/password";
    }

    /** Where Spring Security sends a signed-in person a page's role does not allow. */
    @RequestMapping("/forbidden") // forwarded to with the refused request's method
    String forbidden(jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(403);
        return "forbidden";
    }
}

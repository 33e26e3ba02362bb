package se.integrationjourney.api.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import se.integrationjourney.api.security.AccountStore;

/** The language switch in every page's header: for this session, and remembered for the signed-in account. */
@Controller
class LanguageController {

    private final LocaleResolver locales;
    private final AccountStore accounts;

    LanguageController(LocaleResolver locales, AccountStore accounts) {
        this.locales = locales;
        this.accounts = accounts;
    }

    @PostMapping("/language")
    String choose(
            @RequestParam String language,
            @RequestParam(defaultValue = "/") String returnTo,
            HttpServletRequest request,
            HttpServletResponse response,
            Authentication signedIn) {
        Locale locale = "en".equals(language) ? PagesConfiguration.ENGLISH : PagesConfiguration.SWEDISH;
        locales.setLocale(request, response, locale);
        if (signedIn != null && signedIn.isAuthenticated()) {
            accounts.setLanguage(signedIn.getName(), locale.getLanguage());
        }
        return "redirect:" + LocalPaths.orHome(returnTo);
    }
}

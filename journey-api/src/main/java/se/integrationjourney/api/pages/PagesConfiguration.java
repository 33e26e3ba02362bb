package se.integrationjourney.api.pages;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The web application's language: Swedish unless the person chose English (on the sign-in page for the session,
 * signed in for their account too). The browser's Accept-Language is not asked: municipal staff work in Swedish,
 * and one click gives English.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration {

    static final Locale SWEDISH = Locale.forLanguageTag("sv");
    static final Locale ENGLISH = Locale.ENGLISH;

    /**
     * Every text of the web application, in Swedish ({@code _sv}) and English ({@code _en}): the frame's and common
     * texts in {@code messages}, each area's in its own file under {@code messages/}. No file without a language, and
     * no falling back to the machine's language: a text missing in one language shows as its key, and
     * {@code MessagesTest} fails.
     */
    @Bean
    MessageSource messageSource() {
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setBasenames(
                "classpath:messages",
                "classpath:messages/caseworker",
                "classpath:messages/caseload",
                "classpath:messages/milestones",
                "classpath:messages/rules",
                "classpath:messages/analyst",
                "classpath:messages/auditor",
                "classpath:messages/admin",
                "classpath:messages/studies",
                "classpath:messages/chain",
                "classpath:messages/subjectaccess",
                "classpath:messages/retention");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setCacheMillis(-1);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocaleFunction(request -> SWEDISH);
        return resolver;
    }
}

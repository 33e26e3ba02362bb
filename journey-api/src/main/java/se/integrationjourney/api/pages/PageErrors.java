package se.integrationjourney.api.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import se.integrationjourney.api.accesslog.AccessLogUnavailable;
import se.integrationjourney.api.operations.DatabaseOutage;
import se.integrationjourney.api.security.AccountChangeRefused;
import se.integrationjourney.api.web.ApiException;
import se.integrationjourney.api.web.PageErrorMessages;
import se.integrationjourney.api.web.RecordsInOneTransaction;
import se.integrationjourney.eventstore.CommitOutcomeUnknownException;
import se.integrationjourney.eventstore.DatabaseFailures;

/**
 * What a page shows when its work failed in a way its own form does not handle: a page in the reader's language
 * saying what happened and what to do, with the status code; never a stack trace or the failure's message. As the
 * API does, it says "nothing was recorded" only when that is known.
 */
@ControllerAdvice(basePackages = "se.integrationjourney.api.pages")
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final DatabaseOutage outage;

    PageErrors(DatabaseOutage outage) {
        this.outage = outage;
    }

    /** The read's access-log entry cannot be kept: nothing personal is shown (docs/adr/0018). */
    @ExceptionHandler(AccessLogUnavailable.class)
    ModelAndView accessLogUnavailable(AccessLogUnavailable refused) {
        return page(HttpStatus.SERVICE_UNAVAILABLE, "error.accessLogUnavailable");
    }

    @ExceptionHandler(AccountChangeRefused.class)
    ModelAndView accountChangeRefused(AccountChangeRefused refused) {
        return page(refused.reason().problem().status(), refused.reason().messageKey());
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException refused) {
        HttpStatus status = HttpStatus.valueOf(refused.problem().getStatus());
        return page(status, PageErrorMessages.keyFor(status));
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception failure, HttpServletRequest request, HandlerMethod handler) {
        boolean writing = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
        if (DatabaseFailures.cause(failure, CommitOutcomeUnknownException.class).isPresent()) {
            outage.noticed(failure);
            return page(HttpStatus.SERVICE_UNAVAILABLE, "error.outcomeUnknown");
        }
        if (DatabaseFailures.isConnectionFailure(failure)) {
            outage.noticed(failure);
            boolean oneTransaction = handler != null && handler.hasMethodAnnotation(RecordsInOneTransaction.class);
            return page(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    !writing
                            ? "error.unavailable"
                            : oneTransaction ? "error.unavailableNothingRecorded" : "error.unavailableUnknown");
        }
        // Types and where it was thrown, never a message: messages of unexpected exceptions may quote data.
        log.error(
                "Unexpected failure on a page: {} at {}",
                failure.getClass().getName(),
                failure.getStackTrace().length > 0 ? failure.getStackTrace()[0] : "?");
        return page(HttpStatus.INTERNAL_SERVER_ERROR, writing ? "error.genericWriting" : "error.generic");
    }

    static ModelAndView page(HttpStatus status, String messageKey) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("messageKey", messageKey);
        return page;
    }
}

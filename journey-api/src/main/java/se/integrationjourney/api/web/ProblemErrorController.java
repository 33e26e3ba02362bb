package se.integrationjourney.api.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page: what the servlet container shows for an error no controller answered (a request refused by a
 * filter with {@code sendError}, a malformed address, an unknown page), as problem+json for the API and as a page
 * for a browser asking for one of the web application's pages; never the error's message. Asked for directly,
 * {@code /error} is no resource: 404.
 */
@RestController
@Hidden // the container's error page, not an operation of the API
class ProblemErrorController implements ErrorController {

    @RequestMapping(
            value = "/error",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || request.getDispatcherType() != jakarta.servlet.DispatcherType.ERROR) {
            status = HttpStatus.NOT_FOUND;
        }
        if (forPage(request)) {
            ModelAndView page = new ModelAndView("error", status);
            page.addObject("status", status.value());
            page.addObject("messageKey", PageErrorMessages.keyFor(status));
            return page;
        }
        Problems kind = Problems.of(status);
        ProblemDetail problem = kind.with(detailFor(status));
        if (kind.status() != status) {
            problem.setStatus(status);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** A browser asking for anything but the API, its description or the actuator gets the page. */
    private static boolean forPage(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String text
                ? text.substring(request.getContextPath().length())
                : "";
        String accept = request.getHeader("Accept");
        boolean api = path.startsWith("/api/")
                || path.startsWith("/actuator")
                || path.startsWith("/v3/")
                || path.startsWith("/swagger-ui");
        return !api && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    /** A fixed text per status: the error's own message may quote the request. */
    static String detailFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No such resource";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource";
            case UNAUTHORIZED -> "Sign in with valid credentials";
            case FORBIDDEN -> "Not allowed";
            case CONTENT_TOO_LARGE -> "The request is too large; nothing was recorded";
            case BAD_REQUEST -> "The request could not be read; nothing was recorded";
            default ->
                status.is4xxClientError()
                        ? "The request was refused; nothing was recorded"
                        : "Something went wrong on our side";
        };
    }
}

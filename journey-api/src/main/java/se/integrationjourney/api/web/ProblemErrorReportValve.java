package se.integrationjourney.api.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers (a request it refuses before any servlet sees it: a malformed address or header) as
 * problem+json instead of Tomcat's HTML page, which would also name the server. Errors the application answered
 * itself are left alone.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int code = response.getStatus();
        if (code < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = code < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String body = ProblemResponses.json(
                    Problems.of(status), status.value(), ProblemErrorController.detailFor(status));
            response.getWriter().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException ignored) {
            // The client is gone or the response cannot take a body: there is nobody left to tell.
        }
    }
}

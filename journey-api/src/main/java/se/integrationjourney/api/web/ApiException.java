package se.integrationjourney.api.web;

import java.util.List;
import org.springframework.http.ProblemDetail;

/** A refusal the controllers raise themselves: carries the problem to answer with. */
public class ApiException extends RuntimeException {

    private final transient ProblemDetail problem;

    public ApiException(Problems kind, String detail) {
        super(detail, null, false, false);
        this.problem = kind.with(detail);
    }

    /** A refusal naming each offending field or parameter ({@code errors}). */
    public ApiException(Problems kind, String detail, List<Problems.FieldError> errors) {
        super(detail, null, false, false);
        this.problem = kind.with(detail, errors);
    }

    /** A refusal with a problem made elsewhere, such as a validation problem listing its fields. */
    public ApiException(ProblemDetail problem) {
        super(problem.getDetail(), null, false, false);
        this.problem = problem;
    }

    public ProblemDetail problem() {
        return problem;
    }
}

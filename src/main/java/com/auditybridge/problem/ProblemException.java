package com.auditybridge.problem;

import java.util.List;
import java.util.Map;

/** Thrown anywhere a request must end in a problem answer; nothing it interrupts is committed. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    /** @param headers sent with the answer, such as {@code Retry-After} with a 429 */
    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException unauthorized() {
        return new ProblemException(Problem.of(
                401,
                "UNAUTHORIZED",
                "Missing or invalid API key",
                "Send the connection's API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'."));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "NOT_FOUND", "Not found", what + " was not found."));
    }

    public static ProblemException invalid(String code, List<Problem.FieldError> errors) {
        String detail = errors.isEmpty()
                ? "The request is invalid."
                : errors.get(0).field() + ": " + errors.get(0).message();
        return new ProblemException(
                Problem.of(400, code, "Invalid request", detail).withErrors(errors));
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(Problem.of(409, code, "Conflict", detail));
    }
}

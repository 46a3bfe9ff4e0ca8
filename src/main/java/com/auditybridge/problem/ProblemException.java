package com.auditybridge.problem;

import java.util.List;

/** Thrown anywhere a request must end in a problem answer; nothing it interrupts is committed. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException unauthorized() {
        return new ProblemException(Problem.of(401, "UNAUTHORIZED", "Missing or invalid API key",
                "Send the connection's API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'."));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "NOT_FOUND", "Not found", what + " was not found."));
    }

    public static ProblemException invalid(String code, List<Problem.FieldError> errors) {
        String detail = errors.isEmpty() ? "The request is invalid." : errors.get(0).field() + ": " + errors.get(0).message();
        return new ProblemException(Problem.of(400, code, "Invalid request", detail).withErrors(errors));
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(Problem.of(409, code, "Conflict", detail));
    }
}

package com.auditybridge.web;

import com.auditybridge.problem.Problem.FieldError;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks over a parsed JSON object, collecting every error with its field path instead of stopping
 * at the first, so a caller can fix a body in one go. The first error's code names the problem.
 */
public final class BodyRules {
    private final Map<String, Object> body;
    private final String prefix;
    private final List<FieldError> errors;
    private final List<String> codes;

    private BodyRules(Map<String, Object> body, String prefix, List<FieldError> errors, List<String> codes) {
        this.body = body;
        this.prefix = prefix;
        this.errors = errors;
        this.codes = codes;
    }

    public static BodyRules of(Map<String, Object> body) {
        return new BodyRules(body, "", new ArrayList<>(), new ArrayList<>());
    }

    public BodyRules nested(String field, Map<String, Object> child) {
        return new BodyRules(child, path(field) + ".", errors, codes);
    }

    public BodyRules allowOnly(Set<String> fields) {
        body.keySet().stream()
                .filter(k -> !fields.contains(k))
                .sorted()
                .forEach(k -> error(k, "UNKNOWN_FIELD", "is not a known field"));
        return this;
    }

    public String string(String field, boolean required, int min, int max, String tooLongCode) {
        Object value = body.get(field);
        if (value == null) {
            if (required) {
                error(field, "MISSING_FIELD", "is required");
            }
            return null;
        }
        if (!(value instanceof String s)) {
            error(field, "INVALID_TYPE", "must be a string");
            return null;
        }
        if (s.length() < min) {
            error(field, "INVALID_FIELD", "must be at least " + min + " characters");
        } else if (s.length() > max) {
            error(field, tooLongCode, "must be at most " + max + " characters");
        }
        return s;
    }

    /** An id ({@link Ids}): a string of 1 to 200 characters without whitespace, control characters, / or \. */
    public String id(String field, boolean required) {
        String value = string(field, required, 1, Ids.MAX_LENGTH, "INVALID_FIELD");
        if (value != null && !value.isEmpty() && value.length() <= Ids.MAX_LENGTH) {
            String problem = Ids.problem(value);
            if (problem != null) {
                error(field, "INVALID_FIELD", problem);
            }
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof Map)) {
            error(field, "INVALID_TYPE", "must be an object");
            return null;
        }
        return (Map<String, Object>) value;
    }

    public Boolean bool(String field, boolean required) {
        Object value = body.get(field);
        if (value == null && required) {
            error(field, "MISSING_FIELD", "is required");
        } else if (value != null && !(value instanceof Boolean)) {
            error(field, "INVALID_TYPE", "must be true or false");
            return null;
        }
        return (Boolean) value;
    }

    public String oneOf(String field, Set<String> allowed) {
        String value = string(field, false, 1, 50, "INVALID_FIELD");
        if (value != null && !allowed.contains(value)) {
            error(
                    field,
                    "INVALID_FIELD",
                    "must be one of " + allowed.stream().sorted().toList());
        }
        return value;
    }

    public List<String> stringsFrom(String field, Set<String> allowed) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)
                || !list.stream().allMatch(v -> v instanceof String s && allowed.contains(s))) {
            error(
                    field,
                    "INVALID_FIELD",
                    "must be an array of " + allowed.stream().sorted().toList());
            return null;
        }
        return list.stream().map(String.class::cast).toList();
    }

    /**
     * An absolute URL with a host, of any scheme: whether the scheme may be called is the target
     * guard's judgement (422), not a matter of syntax (400).
     */
    public String absoluteUrl(String field, boolean required) {
        String value = string(field, required, 1, 2048, "INVALID_FIELD");
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null || uri.getPort() > 65535) {
                error(field, "INVALID_URL", "must be an absolute URL");
            }
        } catch (Exception e) {
            error(field, "INVALID_URL", "is not a valid URL");
        }
        return value;
    }

    public void error(String field, String code, String message) {
        errors.add(new FieldError(path(field), message));
        codes.add(code);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public String firstCode() {
        return codes.isEmpty() ? "VALIDATION_FAILED" : codes.get(0);
    }

    private String path(String field) {
        return prefix + field;
    }
}

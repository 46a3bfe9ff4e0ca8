package com.auditybridge.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;

/** An RFC 9457 problem document, with the bridge's stable {@code code} and per-field errors. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type, String title, int status, @Nullable String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(
                "https://auditybridge.dev/problems/"
                        + code.toLowerCase(Locale.ROOT).replace('_', '-'),
                title,
                status,
                detail,
                code,
                List.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, code, fieldErrors);
    }

    /** Always with its field, even an empty one: {@code {"": 1}} is a body's unknown field too. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldError(String field, String message) {}
}

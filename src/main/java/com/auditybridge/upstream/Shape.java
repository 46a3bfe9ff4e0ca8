package com.auditybridge.upstream;

import io.micronaut.core.type.Argument;

/**
 * Where the value sits in a success answer: the whole body, or one field of a wrapper such as
 * Audity's {@code {data}}, {@code {success, data}} or {@code {lead}}. Audity mixes these per endpoint.
 */
public record Shape<T>(String field, Argument<T> type) {

    public static <T> Shape<T> bare(Class<T> type) {
        return new Shape<>(null, Argument.of(type));
    }

    public static <T> Shape<T> bare(Argument<T> type) {
        return new Shape<>(null, type);
    }

    public static <T> Shape<T> in(String field, Class<T> type) {
        return new Shape<>(field, Argument.of(type));
    }

    /** The value as the upstream wrote it ({@link RawJson}): the whole body, or ({@code field} not null) one member. */
    public static Shape<RawJson> raw(String field) {
        return new Shape<>(field, Argument.of(RawJson.class));
    }

    boolean isRaw() {
        return type.getType() == RawJson.class;
    }
}

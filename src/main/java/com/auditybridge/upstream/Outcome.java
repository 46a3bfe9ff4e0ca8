package com.auditybridge.upstream;

/**
 * What one upstream call came to: a value, or a typed {@link UpstreamError}. Clients never throw for
 * an HTTP answer; they map it, so that policies and steps can decide on the kind alone.
 */
public sealed interface Outcome<T> permits Outcome.Success, Outcome.Failure {

    static <T> Outcome<T> success(int status, T value) {
        return new Success<>(status, value);
    }

    static <T> Outcome<T> failure(UpstreamError error) {
        return new Failure<>(error);
    }

    default boolean isSuccess() {
        return this instanceof Success;
    }

    /** The value of a success; fails loudly on a failure, which is a programming error. */
    default T value() {
        if (this instanceof Success<T> s) {
            return s.body();
        }
        throw new IllegalStateException("not a success: " + error());
    }

    default UpstreamError error() {
        return this instanceof Failure<T> f ? f.cause() : null;
    }

    record Success<T>(int status, T body) implements Outcome<T> {}

    record Failure<T>(UpstreamError cause) implements Outcome<T> {}
}

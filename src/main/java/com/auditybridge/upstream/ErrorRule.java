package com.auditybridge.upstream;

/**
 * The hook through which one API refines the shared status mapping for answers only it gives, such as
 * Audity's convert (400 means "already converted") or repo-audit's daily quota (a 429 that waiting on
 * {@code Retry-After} cannot cure). A null kind keeps the shared mapping.
 */
@FunctionalInterface
public interface ErrorRule {

    ErrorRule NONE = (status, body) -> null;

    UpstreamErrorKind kindFor(int status, ErrorBody body);
}

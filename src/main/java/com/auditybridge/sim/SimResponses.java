package com.auditybridge.sim;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Error bodies in the upstreams' envelope: {@code {"error": ..., "code": ...}}, code only when documented. */
public final class SimResponses {
    private SimResponses() {}

    public static MutableHttpResponse<Map<String, Object>> error(HttpStatus status, String message) {
        return error(status, message, null);
    }

    public static MutableHttpResponse<Map<String, Object>> error(HttpStatus status, String message, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (code != null) {
            body.put("code", code);
        }
        return HttpResponse.<Map<String, Object>>status(status).body(body);
    }

    public static MutableHttpResponse<Map<String, Object>> tooManyRequests(String message, long retryAfterSeconds) {
        return error(HttpStatus.TOO_MANY_REQUESTS, message).header("Retry-After", Long.toString(retryAfterSeconds));
    }
}

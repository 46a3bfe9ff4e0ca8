package com.auditybridge.upstream;

import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClientConfiguration;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;

/** What every upstream connection is configured with; each API binds it under its own prefix. */
public interface UpstreamSettings {

    String baseUrl();

    /** The default connection's token; clients take the token per call, so this is only passed along. */
    String token();

    Duration connectTimeout();

    Duration readTimeout();

    /** Leaves the token out, so that logging a configuration never leaks it. */
    static String describe(UpstreamSettings settings) {
        return settings.getClass().getSimpleName() + "[baseUrl=" + settings.baseUrl() + ", connectTimeout="
                + settings.connectTimeout() + ", readTimeout=" + settings.readTimeout() + "]";
    }

    /** The configured base URL, or {@code fallback} when none is set. */
    default URL baseUrlOr(String fallback) {
        String url =
                baseUrl() == null || baseUrl().isBlank() ? fallback : baseUrl().trim();
        try {
            return URI.create(url).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("not a base URL: " + url, e);
        }
    }

    /** Redirects are not followed: a redirected write could be replayed somewhere we did not choose. */
    default HttpClientConfiguration clientConfiguration() {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setConnectTimeout(connectTimeout());
        configuration.setReadTimeout(readTimeout());
        configuration.setFollowRedirects(false);
        return configuration;
    }
}

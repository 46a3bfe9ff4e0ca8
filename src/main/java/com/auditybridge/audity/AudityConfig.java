package com.auditybridge.audity;

import com.auditybridge.upstream.UpstreamSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The Audity connection, under {@code audity.*}.
 *
 * @param baseUrl        {@code audity.base-url}; blank means production, {@value HttpAudityApi#PRODUCTION}
 * @param token          {@code audity.token}, the default connection's personal access token (may be blank)
 * @param connectTimeout {@code audity.connect-timeout}, default 5s
 * @param readTimeout    {@code audity.read-timeout}, default 30s; the async trigger answers at once, so the
 *                       360 s the docs advise is only for the synchronous analysis, which the bridge does not call
 */
@ConfigurationProperties("audity")
public record AudityConfig(
        @Nullable String baseUrl,
        @Nullable String token,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "30s") Duration readTimeout)
        implements UpstreamSettings {

    @Override
    public String toString() {
        return UpstreamSettings.describe(this);
    }
}

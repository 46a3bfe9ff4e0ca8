package com.auditybridge.repoaudit;

import com.auditybridge.upstream.UpstreamSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The repo-audit connection, under {@code repo-audit.*}.
 *
 * @param baseUrl        {@code repo-audit.base-url}; blank means {@value HttpRepoAuditApi#PRODUCTION}
 * @param token          {@code repo-audit.token}, a Clerk token; blank submits anonymously (1 audit a day per IP)
 * @param connectTimeout {@code repo-audit.connect-timeout}, default 5s
 * @param readTimeout    {@code repo-audit.read-timeout}, default 30s
 */
@ConfigurationProperties("repo-audit")
public record RepoAuditConfig(
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

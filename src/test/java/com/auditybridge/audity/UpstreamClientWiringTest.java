package com.auditybridge.audity;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.repoaudit.HttpRepoAuditApi;
import com.auditybridge.repoaudit.RepoAuditApi;
import com.auditybridge.repoaudit.RepoAuditConfig;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@MicronautTest
@Property(name = "audity.token", value = "aky_secretsecretsecretsecretsecret00")
@Property(name = "audity.base-url", value = "")
class UpstreamClientWiringTest {

    @Inject
    AudityApi audity;

    @Inject
    RepoAuditApi repoAudit;

    @Inject
    AudityConfig audityConfig;

    @Inject
    RepoAuditConfig repoAuditConfig;

    @Test
    void bothApisAreServedByTheirHttpClients() {
        assertThat(audity).isInstanceOf(HttpAudityApi.class);
        assertThat(repoAudit).isInstanceOf(HttpRepoAuditApi.class);
    }

    @Test
    void aBlankBaseUrlMeansAudityProduction() {
        assertThat(audityConfig.baseUrlOr(HttpAudityApi.PRODUCTION)).hasToString("https://app.auditynow.com");
    }

    @Test
    void timeoutsDefaultToFiveSecondsToConnectAndThirtyToRead() {
        assertThat(audityConfig.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(audityConfig.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(repoAuditConfig.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theConfigurationNeverShowsItsToken() {
        assertThat(audityConfig.token()).startsWith("aky_");
        assertThat(audityConfig.toString()).doesNotContain("aky_").contains("baseUrl");
    }
}

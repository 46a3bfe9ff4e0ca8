package com.auditybridge.clients;

import static com.auditybridge.upstream.UpstreamErrorKind.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.repoaudit.AuditStatus;
import com.auditybridge.repoaudit.AuditSummary;
import com.auditybridge.upstream.UpstreamError;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every repo-audit client method against the simulator, and its quota and capacity refusals. */
@MicronautTest(environments = "sim")
class RepoAuditClientSimTest extends ClientSimTestBase {
    static final String CLERK = "clerk-session-of-ada";

    @Test
    void anAuditIsSubmittedPolledToCompleteListedAndDeleted() {
        String id = repoAudit
                .submit(CLERK, "https://github.com/owner/repo", true)
                .value()
                .auditId();
        clock.advance(Duration.ofSeconds(10));

        AuditStatus done = repoAudit.status(id).value();

        assertThat(done.status()).isEqualTo("complete");
        assertThat(done.neighbors()).hasSize(8);
        assertThat(repoAudit.quota(CLERK).value().used()).isEqualTo(1);
        assertThat(repoAudit.history(CLERK).value())
                .extracting(AuditSummary::auditId)
                .containsExactly(id);
        assertThat(repoAudit.delete(CLERK, id).value()).isTrue();
        assertThat(repoAudit.status(id).error().kind()).isEqualTo(NOT_FOUND);
    }

    @Test
    void aSecondCompleteSubmitOfTheSameRepositoryIsDeduped() {
        repoAudit.submit(CLERK, "https://github.com/owner/repo", true);
        clock.advance(Duration.ofSeconds(10));

        assertThat(repoAudit
                        .submit(CLERK, "https://github.com/owner/repo/", true)
                        .value()
                        .isDeduped())
                .isTrue();
    }

    @Test
    void theSecondAnonymousAuditOfTheDayIsQuotaExceeded() {
        repoAudit.submit(null, "https://github.com/owner/one", true);
        clock.advance(Duration.ofSeconds(10));

        assertThat(repoAudit
                        .submit(null, "https://github.com/owner/two", true)
                        .error()
                        .kind())
                .isEqualTo(QUOTA_EXCEEDED);
    }

    @Test
    void aFourthAuditInFlightIsUpstreamBusyForSixtySeconds() {
        for (int i = 0; i < 3; i++) {
            repoAudit.submit(CLERK, "https://github.com/owner/repo" + i, true);
        }

        UpstreamError error =
                repoAudit.submit(CLERK, "https://github.com/owner/repo3", true).error();

        assertThat(error.kind()).isEqualTo(UPSTREAM_BUSY);
        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aSubmitWithoutConsentIsAnInvalidRequest() {
        assertThat(repoAudit
                        .submit(CLERK, "https://github.com/owner/repo", false)
                        .error()
                        .kind())
                .isEqualTo(INVALID_REQUEST);
    }
}

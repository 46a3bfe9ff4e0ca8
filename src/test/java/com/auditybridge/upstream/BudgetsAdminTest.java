package com.auditybridge.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.audity.GatedAudity;
import com.auditybridge.security.AdminTestBase;
import com.auditybridge.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator sees each token's budgets (by fingerprint, never the token) and each connection's inbound rate. */
@MicronautTest(environments = "sim", transactional = false)
class BudgetsAdminTest extends AdminTestBase {
    @Inject
    GatedAudity audity;

    @Inject
    MeterRegistry meters;

    @Test
    void theAdminApiListsTheBudgetsInUseByFingerprintWithWhatIsLeftOfEach() {
        hook("analysis-requested", "{\"projectId\":\"%s\"}".formatted(PROJECT_ID));
        audity.credits(BRIDGE_TOKEN);
        String fingerprint = UpstreamGate.fingerprint(BRIDGE_TOKEN);

        Reply reply = adminCall(HttpRequest.GET("/v1/admin/budgets"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain(BRIDGE_TOKEN);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> budgets = (List<Map<String, Object>>) reply.at("budgets");
        assertThat(budgets)
                .anySatisfy(b -> assertThat(b)
                        .containsEntry("budget", "AUDITY_READ")
                        .containsEntry("owner", fingerprint)
                        .containsEntry("limitPerMinute", 100)
                        .containsEntry("burst", 2)
                        .containsEntry("store", TestDatabase.postgres() ? "database" : "memory"))
                .anySatisfy(b -> assertThat(b)
                        .containsEntry("budget", "INBOUND")
                        .containsEntry("owner", "default")
                        .containsEntry("waitMillis", 0));
        assertThat(meters.get("bridge.upstream.budget.used")
                        .tags("token", fingerprint, "class", "AUDITY_READ")
                        .gauge()
                        .value())
                .isPositive();
    }

    @Test
    void theBudgetsNeedTheAdminToken() {
        assertThat(call(HttpRequest.GET("/v1/admin/budgets")).status()).isEqualTo(401);
    }
}

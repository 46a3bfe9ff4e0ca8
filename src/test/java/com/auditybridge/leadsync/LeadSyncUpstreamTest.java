package com.auditybridge.leadsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.audity.Credits;
import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the sync reads from Audity, how it judges it, and that no transaction is open while it asks.
 * Besides the six seeded leads (86 and 74 score high enough) each test adds two young ones (95, 90):
 * four candidates, a daily cap of five, and a credit floor of 1,500 credits, which is two whole projects.
 */
@MicronautTest(environments = "sim", transactional = false)
class LeadSyncUpstreamTest extends BridgeTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "bridge.lead-sync.min-score",
                "70",
                "bridge.lead-sync.max-per-day",
                "5",
                "bridge.lead-sync.credit-floor",
                "1500",
                "test.audity-api",
                "watched");
    }

    @BeforeEach
    void twoYoungLeads() {
        WatchedAudityApi.reset();
        for (double score : new double[] {95.0, 90.0}) {
            admin(HttpRequest.POST(
                    "/sim/admin/audity/leads", Map.of("token", BRIDGE_TOKEN, "aiReadinessScore", score, "daysOld", 0)));
        }
    }

    private Reply dryRun() {
        Reply report = call(HttpRequest.POST("/v1/lead-sync?dryRun=true", "").bearerAuth(API_KEY));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return report;
    }

    /** The conversions of a report; an empty list is left out of the JSON. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> converted(Reply report) {
        Object converted = report.at("converted");
        return converted == null ? List.of() : (List<Map<String, Object>>) converted;
    }

    @Test
    void theSimulatorsProjectsRemainingLessTheFloorInWholeProjectsCapsTheConversions() {
        setCredits(4500);
        assertThat(audity(HttpRequest.GET("/sim/audity/api/user/credits"), BRIDGE_TOKEN)
                        .object())
                .containsEntry("canCreateProject", true)
                .containsEntry("projectsRemaining", 4);

        Reply report = dryRun();

        assertThat(converted(report)).hasSize(2);
        assertThat(report.body()).contains("credit floor of 1500 would be crossed");
    }

    @Test
    void projectsRemainingCapsTheConversionsWhateverTheInferredBalanceSays() {
        WatchedAudityApi.CREDITS.set(
                c -> new Credits(c.success(), 10_000L, c.allocation(), c.used(), true, 3, c.nextReset()));

        assertThat(converted(dryRun())).hasSize(1);
    }

    @Test
    void anAccountThatCannotCreateAProjectConvertsNothingWhateverTheInferredBalanceSays() {
        WatchedAudityApi.CREDITS.set(c -> new Credits(
                c.success(), 10_000L, c.allocation(), c.used(), false, c.projectsRemaining(), c.nextReset()));

        Reply report = dryRun();

        assertThat(converted(report)).isEmpty();
        assertThat(report.body()).contains("canCreateProject");
    }

    @Test
    void anAnswerWithOnlyTheDocumentedFieldsIsEnoughToConvert() {
        WatchedAudityApi.CREDITS.set(
                c -> new Credits(null, null, null, null, c.canCreateProject(), c.projectsRemaining(), c.nextReset()));

        Reply report = dryRun();

        assertThat(converted(report)).hasSize(4);
        assertThat(((Number) report.at("creditsSpent")).longValue()).isEqualTo(4000);
    }

    @Test
    void withoutEitherDocumentedFieldTheInferredBalanceDecides() {
        setCredits(4500);
        WatchedAudityApi.CREDITS.set(
                c -> new Credits(c.success(), c.balance(), c.allocation(), c.used(), null, null, c.nextReset()));

        assertThat(converted(dryRun())).hasSize(3);
    }

    @Test
    void noTransactionOrConnectionIsOpenWhileTheSyncCallsAudity() {
        assertThat(call(HttpRequest.POST("/v1/lead-sync", "").bearerAuth(API_KEY))
                        .status())
                .isEqualTo(202);
        scheduler.runAnyDueExecutions();

        assertThat(count("select count(*) from lead_seen")).isEqualTo(6);
        assertThat(count("select count(*) from lead_seen where run_id is not null"))
                .isEqualTo(4);
        assertThat(WatchedAudityApi.CALLS)
                .extracting(WatchedAudityApi.Call::endpoint)
                .containsExactly("list leads", "credits");
        assertThat(WatchedAudityApi.CALLS).allSatisfy(call -> {
            assertThat(call.inTransaction())
                    .as(call.endpoint() + " inside a transaction")
                    .isFalse();
            assertThat(call.holdingConnection())
                    .as(call.endpoint() + " holding a connection")
                    .isFalse();
        });
    }
}

package com.auditybridge.leadsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator seeds six leads (scores 86, 74, 58, 41 young and unconverted; one converted; one
 * archived); each test adds 95 (2 days old), 90 (today) and 99 (20 days old, too old).
 */
@MicronautTest(environments = "sim", transactional = false)
class LeadSyncTest extends BridgeTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "bridge.lead-sync.min-score",
                "70",
                "bridge.lead-sync.max-per-day",
                "3",
                "bridge.lead-sync.credit-floor",
                "2000");
    }

    @BeforeEach
    void addLeads() {
        for (Object[] lead : new Object[][] {{95.0, 2}, {90.0, 0}, {99.0, 20}}) {
            admin(HttpRequest.POST(
                    "/sim/admin/audity/leads",
                    Map.of("token", BRIDGE_TOKEN, "aiReadinessScore", lead[0], "daysOld", lead[1])));
        }
    }

    private Reply syncNow(boolean dryRun) {
        return call(HttpRequest.POST("/v1/lead-sync" + (dryRun ? "?dryRun=true" : ""), "")
                .bearerAuth(API_KEY));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> converted(Reply report) {
        return (List<Map<String, Object>>) report.at("converted");
    }

    private long credits() {
        return ((Number) audity(HttpRequest.GET("/sim/audity/api/user/credits"), BRIDGE_TOKEN)
                        .at("balance"))
                .longValue();
    }

    @Test
    void aDryRunReportsWhatItWouldConvertAndSpendsNothing() {
        long before = credits();
        long runsBefore = count("select count(*) from run");

        Reply report = syncNow(true);

        assertThat(report.status()).isEqualTo(200);
        assertThat(converted(report)).hasSize(3);
        assertThat(((Number) report.at("creditsSpent")).longValue()).isEqualTo(3000);
        assertThat((List<?>) report.at("arrived")).hasSize(6);
        assertThat(credits()).isEqualTo(before);
        assertThat(count("select count(*) from run")).isEqualTo(runsBefore);
        assertThat(count("select count(*) from lead_seen")).isZero();
        assertThat(((Map<?, ?>) counters().get("conversions"))).isEmpty();
    }

    @Test
    void aSyncEmitsEachNewLeadOnceAndConvertsTheBestWithinTheDailyCap() {
        java.time.OffsetDateTime start = java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        String arrivedEvents = "select count(*) from event where type = 'lead.arrived' and created_at >= ?";
        assertThat(syncNow(false).status()).isEqualTo(202);
        scheduler.runAnyDueExecutions();
        assertThat(count(arrivedEvents, start)).isEqualTo(6);

        assertThat(count("select count(*) from lead_seen")).isEqualTo(6);
        assertThat(count("select count(*) from lead_seen where run_id is not null"))
                .isEqualTo(3);

        syncNow(false);
        scheduler.runAnyDueExecutions();
        for (int round = 0; round < 60; round++) {
            scheduler.runAnyDueExecutions();
            clock.advance(Duration.ofSeconds(5));
        }

        assertThat(count(arrivedEvents, start)).isEqualTo(6);
        assertThat(count("select count(*) from lead_seen l join run r on r.id = l.run_id where r.status = 'completed'"))
                .isEqualTo(3);
        Map<?, ?> conversions = (Map<?, ?>) counters().get("conversions");
        assertThat(conversions)
                .hasSize(3)
                .allSatisfy(
                        (lead, times) -> assertThat(((Number) times).intValue()).isEqualTo(1));
    }

    @Test
    void theCreditFloorLimitsConversions() {
        admin(HttpRequest.PUT("/sim/admin/audity/accounts", Map.of("token", BRIDGE_TOKEN, "credits", 3500)));

        Reply report = syncNow(true);

        assertThat(converted(report)).hasSize(1);
        assertThat(report.body()).contains("credit floor of 2000 would be crossed");
    }
}

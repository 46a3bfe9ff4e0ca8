package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole service under a Turkish default locale, where "I".toLowerCase() is a dotless ı. */
@MicronautTest(environments = "sim", transactional = false)
class TurkishLocaleRunTest extends BridgeTestBase {
    private Locale before;

    @BeforeEach
    void turkish() {
        before = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR"));
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void underATurkishLocaleAFailedRunIsStoredAsFailedListedAsFailedAndCanBeRetried() {
        String runId = analysisRequested(UUID.randomUUID().toString());

        Reply failed = assertFailedWith(driveToEnd(runId, Duration.ofSeconds(5), 50), "NOT_FOUND");

        assertThat(failed.text("status")).isEqualTo("failed");
        assertThat(count("select count(*) from run where id = ? and status = 'failed'", runId))
                .isEqualTo(1);
        assertThat(call(HttpRequest.GET("/v1/runs?status=failed").bearerAuth(API_KEY))
                        .body())
                .contains(runId);
        Reply retried = control(runId, "retry");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.text("status")).isEqualTo("running");
    }

    @Test
    void underATurkishLocaleAProblemKeepsItsAsciiType() {
        Reply refused = hook("lead-arrived", "{\"leadId\":\"lead-1\",\"priority\":\"high\"}");

        assertThat(refused.text("type")).isEqualTo("https://auditybridge.dev/problems/unknown-field");
    }
}

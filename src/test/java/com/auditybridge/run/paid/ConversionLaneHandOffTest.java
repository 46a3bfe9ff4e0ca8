package com.auditybridge.run.paid;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Conversions of one token go one at a time; the runs held back wait in the lane's line, and the conversion that
 * settles wakes the oldest of them at once. The runs' own re-check is set to an hour here, so only the hand-off can
 * move them within the few minutes this test's clock advances.
 */
@MicronautTest(environments = "sim", transactional = false)
@Property(name = "audity.read-timeout", value = "500ms")
@Property(name = "bridge.paid-calls.lane-recheck", value = "1h")
class ConversionLaneHandOffTest extends BridgeTestBase {

    @Test
    void theConversionThatSettlesWakesTheOldestWaitingRunAndEachWaiterConvertsInArrivalOrder() {
        faults("{\"convertCommitThenHang\":true,\"hangMs\":2000}");
        String first = leadArrived(newLead(), "\"analysis\":\"none\"");
        scheduler.runAnyDueExecutions();
        assertThat(run(first).body()).as("the first conversion is in doubt").contains("in-doubt");
        faults("{}");
        List<String> leads = IntStream.range(0, 3).mapToObj(i -> newLead()).toList();
        List<String> waiting = leads.stream()
                .map(lead -> leadArrived(lead, "\"analysis\":\"none\""))
                .toList();
        scheduler.runAnyDueExecutions();
        assertThat(count("select count(*) from paid_lane_wait"))
                .as("held back, in line")
                .isEqualTo(3);
        assertThat(waiting)
                .allSatisfy(id -> assertThat(conversionsOf(leadOf(id))).isZero());

        // The first run's settle window passes, it finds its conversion and frees the lane: well within the hour.
        clock.advance(Duration.ofMinutes(3));
        List<String> all = Stream.concat(Stream.of(first), waiting.stream()).toList();
        driveAllToEnd(all, Duration.ofSeconds(5), 24);

        assertThat(all).allSatisfy(id -> assertThat(run(id).text("status")).isEqualTo("completed"));
        assertThat(leads).allSatisfy(lead -> assertThat(conversionsOf(lead)).isEqualTo(1));
        for (int i = 1; i < waiting.size(); i++) {
            assertThat(convertedBefore(waiting.get(i - 1), waiting.get(i)))
                    .as("sent in arrival order")
                    .isTrue();
        }
        assertThat(count("select count(*) from paid_lane_wait"))
                .as("the line is empty")
                .isZero();
    }

    @Test
    void aWaitingRunThatEndsIsPassedOverAndTheNextOneIsWoken() {
        faults("{\"convertCommitThenHang\":true,\"hangMs\":2000}");
        String first = leadArrived(newLead(), "\"analysis\":\"none\"");
        scheduler.runAnyDueExecutions();
        faults("{}");
        String cancelled = leadArrived(newLead(), "\"analysis\":\"none\"");
        String next = leadArrived(newLead(), "\"analysis\":\"none\"");
        scheduler.runAnyDueExecutions();
        assertThat(control(cancelled, "cancel").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(3));
        driveAllToEnd(List.of(first, next), Duration.ofSeconds(5), 24);

        assertThat(run(next).text("status")).isEqualTo("completed");
        assertThat(conversionsOf(leadOf(cancelled))).isZero();
    }

    private String leadOf(String runId) {
        return run(runId).text("input.leadId");
    }

    /** Whether {@code earlier}'s conversion was sent before {@code later}'s, by the order of their timeline rows. */
    private boolean convertedBefore(String earlier, String later) {
        return count(
                        "select count(*) from run_event a, run_event b where a.run_id = ? and b.run_id = ?"
                                + " and a.step = 'convert' and a.outcome = 'attempting' and b.step = 'convert'"
                                + " and b.outcome = 'attempting' and a.id < b.id",
                        earlier,
                        later)
                == 1;
    }
}

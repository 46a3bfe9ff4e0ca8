package com.auditybridge.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "sim", transactional = false)
class RetentionBatchesTest extends BridgeTestBase {
    private static final int BATCH = 10;

    @Inject
    MeterRegistry meters;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bridge.retention.batch-size", String.valueOf(BATCH));
    }

    @Test
    void oneExecutionDeletesThirtyFiveExpiredRunsTenAtATimeAndLeavesNothingExpired() {
        Instant now = clock.instant();
        Instant expired = now.minus(Duration.ofDays(31));
        List<String> kept = new ArrayList<>();
        write(writer -> {
            for (int i = 0; i < 35; i++) {
                writer.endedRun(
                        "completed", expired.plusSeconds(i), expired.plusSeconds(60 + i), i % 2 == 0, "delivered");
            }
            kept.add(writer.endedRun(
                    "completed", now.minus(Duration.ofDays(29)), now.minus(Duration.ofDays(29)), false, "delivered"));
            kept.add(writer.endedRun("failed", expired, expired, false, "pending"));
            kept.add(writer.runInFlight(now.minus(Duration.ofDays(40))));
            return null;
        });
        double batchesBefore = batches().count();
        double runsDeletedBefore = deleted("run");
        double timelineDeletedBefore = deleted("run_event");
        scheduler.scheduleIfNotExists(RetentionTask.instance(), now);

        scheduler.runAnyDueExecutions();

        assertThat(count(
                        "select count(*) from run where status in ('completed','failed','cancelled') and finished_at < ?"
                                + " and id <> ?",
                        at(now.minus(Duration.ofDays(30))),
                        kept.get(1)))
                .as("ended runs older than 30 days left")
                .isZero();
        assertThat(kept)
                .allSatisfy(id -> assertThat(count("select count(*) from run where id = ?", id))
                        .as("run kept: not 30 days old, with a delivery pending, or in flight")
                        .isEqualTo(1));
        assertThat(batches().count() - batchesBefore)
                .as("delete transactions of runs")
                .isEqualTo(4);
        assertThat(batches().max()).as("most runs deleted in one transaction").isEqualTo(BATCH);
        assertThat(deleted("run") - runsDeletedBefore).isEqualTo(35);
        assertThat(deleted("run_event") - timelineDeletedBefore).isEqualTo(35 * 4);
        assertThat(count("select count(*) from paid_call where kind = 'convert' and state = 'done'"))
                .as("conversions made (18 of the expired runs, one of the run in flight) outlive their runs")
                .isEqualTo(19);
        assertThat(count("select count(*) from run_event where run_id not in (select id from run)"))
                .isZero();
        assertThat(
                        count(
                                "select count(*) from delivery where run_id is not null and run_id not in (select id from run)"))
                .isZero();
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/prometheus"), String.class))
                .contains("bridge_retention_deleted_total{table=\"run\"}")
                .contains("bridge_retention_batch_rows_max{table=\"run\"}");
        assertThat(count(
                        "select count(*) from scheduled_tasks where task_name = ? and execution_time > ?",
                        RetentionTask.NAME,
                        at(now)))
                .as("the task is back on its schedule")
                .isEqualTo(1);
    }

    /** The runs deleted per transaction: how many transactions, and the most in one. */
    private Batches batches() {
        DistributionSummary summary =
                meters.find("bridge.retention.batch").tag("table", "run").summary();
        return summary == null ? new Batches(0, 0) : new Batches(summary.count(), summary.max());
    }

    private record Batches(double count, double max) {}

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private double deleted(String table) {
        Counter counter =
                meters.find("bridge.retention.deleted").tag("table", table).counter();
        return counter == null ? 0 : counter.count();
    }

    private <T> T write(Function<RowWriter, T> work) {
        return connections.executeWrite(status -> {
            RowWriter writer = new RowWriter(status.getConnection());
            T result = work.apply(writer);
            writer.flush();
            return result;
        });
    }
}

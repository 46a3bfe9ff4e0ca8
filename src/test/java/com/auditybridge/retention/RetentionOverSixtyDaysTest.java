package com.auditybridge.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sixty simulated days of a busy bridge, the retention task running once a day on the settable clock: history
 * written straight into the tables, shaped as the engine writes it, so that 12,000 runs take seconds.
 */
@MicronautTest(environments = "sim", transactional = false)
class RetentionOverSixtyDaysTest extends BridgeTestBase {
    private static final int DAYS = 60;
    private static final int RUNS_A_DAY = 200;
    private static final List<String> BOUNDED = List.of(
            "run",
            "run_event",
            "run_part",
            "event",
            "delivery",
            "delivery_attempt",
            "idempotency_key",
            "inbound_delivery",
            "lead_seen");

    @Test
    void sixtyDaysAtTwoHundredRunsADayKeepEveryTableBoundedWhileRunsInFlightAndConvertedLeadsStay() {
        scheduler.scheduleIfNotExists(RetentionTask.instance(), clock.instant());
        int[] converts = new int[1];
        String inFlight = write(writer -> {
            String id = writer.runInFlight(testStart.plus(Duration.ofHours(1)));
            converts[0] += writer.convertsDone;
            return id;
        });
        Map<String, Long> inFlightRows = rowsOf(inFlight);
        Map<String, Long> day35 = null;

        for (int day = 1; day <= DAYS; day++) {
            Instant dayStart = testStart.plus(Duration.ofDays(day));
            converts[0] += write(writer -> {
                for (int i = 0; i < RUNS_A_DAY; i++) {
                    Instant created = dayStart.plus(Duration.ofMinutes(6L * i));
                    String status = i % 50 == 8 ? "failed" : i % 50 == 9 ? "cancelled" : "completed";
                    writer.endedRun(
                            status,
                            created,
                            created.plus(Duration.ofMinutes(3)),
                            i % 4 == 0,
                            i % 40 == 3 ? "dead" : "delivered");
                }
                for (int i = 0; i < 50; i++) {
                    writer.inboundDelivery(dayStart.plus(Duration.ofMinutes(20L * i)));
                }
                for (int i = 0; i < 20; i++) {
                    writer.leadArrived(dayStart.plus(Duration.ofMinutes(45L * i)));
                }
                return writer.convertsDone;
            });
            clock.set(dayStart.plus(Duration.ofHours(22)));
            scheduler.runAnyDueExecutions();
            if (day == 35) {
                day35 = counts();
            }
        }

        Map<String, Long> day60 = counts();
        assertThat(day60.get("run"))
                .as("runs kept: 30 days of ended runs, today's, and the one in flight")
                .isLessThanOrEqualTo(31L * RUNS_A_DAY + 10)
                .isGreaterThanOrEqualTo(30L * RUNS_A_DAY);
        for (String table : BOUNDED) {
            assertThat((double) day60.get(table))
                    .as(table + " on day 60 against day 35: " + day60 + " / " + day35)
                    .isCloseTo(day35.get(table), within(day35.get(table) * 0.02 + 1));
        }
        assertThat(day60.get("idempotency_key"))
                .as("a day of keys, and the run in flight's")
                .isLessThanOrEqualTo(RUNS_A_DAY + 1);
        assertThat(day60.get("inbound_delivery"))
                .as("a week of Audity delivery ids")
                .isBetween(7L * 50, 8L * 50);
        assertThat(day60.get("paid_call_other"))
                .as("paid calls other than made conversions go with their runs")
                .isLessThanOrEqualTo(31L * RUNS_A_DAY);
        assertThat(day60.get("paid_call_converted"))
                .as("every conversion made in 60 days is still on record")
                .isEqualTo(converts[0])
                .isGreaterThan(DAYS * RUNS_A_DAY / 4 - DAYS * 8L);
        assertThat(rowsOf(inFlight))
                .as("the run in flight since day 1, and everything of it")
                .isEqualTo(inFlightRows)
                .containsEntry("run", 1L)
                .containsEntry("delivery", 1L)
                .containsEntry("idempotency_key", 1L);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : BOUNDED) {
            counts.put(table, count("select count(*) from " + table));
        }
        counts.put(
                "paid_call_converted",
                count("select count(*) from paid_call where kind = 'convert' and state = 'done'"));
        counts.put(
                "paid_call_other",
                count("select count(*) from paid_call where not (kind = 'convert' and state = 'done')"));
        return counts;
    }

    private Map<String, Long> rowsOf(String runId) {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("run", count("select count(*) from run where id = ?", runId));
        rows.put("run_event", count("select count(*) from run_event where run_id = ?", runId));
        rows.put("run_part", count("select count(*) from run_part where run_id = ?", runId));
        rows.put("event", count("select count(*) from event where run_id = ?", runId));
        rows.put("delivery", count("select count(*) from delivery where run_id = ?", runId));
        rows.put(
                "delivery_attempt",
                count(
                        "select count(*) from delivery_attempt a join delivery d on d.id = a.delivery_id"
                                + " where d.run_id = ?",
                        runId));
        rows.put("paid_call", count("select count(*) from paid_call where run_id = ?", runId));
        rows.put("idempotency_key", count("select count(*) from idempotency_key where run_id = ?", runId));
        rows.put("lead_seen", count("select count(*) from lead_seen where run_id = ?", runId));
        return rows;
    }

    private <T> T write(java.util.function.Function<RowWriter, T> work) {
        return connections.executeWrite(status -> {
            RowWriter writer = new RowWriter(status.getConnection());
            T result = work.apply(writer);
            writer.flush();
            return result;
        });
    }
}

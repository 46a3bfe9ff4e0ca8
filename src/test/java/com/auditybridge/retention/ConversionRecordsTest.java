package com.auditybridge.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.security.AdminTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What money safety rests on outlives the runs: a lead's conversion record stays while its connection does. */
@MicronautTest(environments = "sim", transactional = false)
class ConversionRecordsTest extends AdminTestBase {

    @Test
    void aLeadConvertedFortyDaysAgoWhoseRunRetentionDeletedIsNotConvertedAgainWhenItArrivesOnceMore() {
        String lead = newLead();
        String first = leadArrived(lead, "");
        Reply converted = driveToEnd(first, Duration.ofSeconds(5), 100);
        assertThat(converted.text("status")).as(converted.body()).isEqualTo("completed");
        String project = converted.text("result.projectId");

        clock.advance(Duration.ofDays(40));
        runRetention();
        assertThat(count("select count(*) from run where id = ?", first))
                .as("the first run, deleted by retention")
                .isZero();
        assertThat(count(
                        "select count(*) from paid_call where run_id = ? and kind = 'convert' and state = 'done'",
                        first))
                .as("its conversion record")
                .isEqualTo(1);

        String second = leadArrived(lead, "");
        Reply again = driveToEnd(second, Duration.ofSeconds(5), 100);

        assertThat(second).isNotEqualTo(first);
        assertThat(again.text("status")).as(again.body()).isEqualTo("completed");
        assertThat(again.text("result.projectId")).isEqualTo(project);
        assertThat(conversionsOf(lead))
                .as("conversions the simulator charged for")
                .isEqualTo(1);
        assertThat(timeline(again))
                .anySatisfy(entry -> assertThat(entry)
                        .containsEntry("step", "convert")
                        .containsEntry("outcome", "converted")
                        .hasEntrySatisfying(
                                "detail",
                                detail -> assertThat((String) detail).contains("converted earlier by run " + first)));
        assertThat(timeline(again))
                .as("no conversion intent, so no convert sent")
                .noneSatisfy(entry ->
                        assertThat(entry).containsEntry("step", "convert").containsEntry("outcome", "attempting"));
    }

    @Test
    void aDeletedConnectionTakesItsConversionRecordsAlongWhileTheDefaultConnectionKeepsItsOwn() {
        String gone = secondConnection().text("id");
        Instant longAgo = clock.instant().minus(Duration.ofDays(45));
        conversionRecord("run-deleted-earlier", gone, "lead-a");
        conversionRecord("run-deleted-earlier-default", "default", "lead-b");
        execute(
                "insert into run (id, connection_id, flow, status, step, input, lead_id, attempts, step_started_at,"
                        + " created_at, updated_at, finished_at) values (?,?,?,?,?,?,?,0,?,?,?,?)",
                "run-ended-long-ago",
                gone,
                "lead-to-audit",
                "failed",
                "convert",
                "{}",
                "lead-c",
                at(longAgo),
                at(longAgo),
                at(longAgo),
                at(longAgo));
        conversionRecord("run-ended-long-ago", gone, "lead-c");

        assertThat(adminCall(HttpRequest.DELETE("/v1/admin/connections/" + gone))
                        .status())
                .isEqualTo(204);
        assertThat(records())
                .as("after the connection was deleted")
                .containsExactlyInAnyOrder("run-deleted-earlier-default", "run-ended-long-ago");
        runRetention();

        assertThat(records())
                .as("after retention deleted the gone connection's run")
                .containsExactly("run-deleted-earlier-default");
    }

    private void conversionRecord(String runId, String connectionId, String lead) {
        OffsetDateTime then = at(clock.instant().minus(Duration.ofDays(45)));
        execute(
                "insert into paid_call (run_id, kind, connection_id, token_fp, subject, state, first_sent_at, sent_at,"
                        + " result_id, result_how, updated_at) values (?,?,?,?,?,?,?,?,?,?,?)",
                runId,
                "convert",
                connectionId,
                "fp",
                lead,
                "done",
                then,
                then,
                "project-of-" + lead,
                "ANSWER",
                then);
    }

    private List<String> records() {
        return connections.executeRead(status -> {
            try (var statement =
                            status.getConnection().prepareStatement("select run_id from paid_call order by run_id");
                    var rs = statement.executeQuery()) {
                List<String> ids = new java.util.ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void runRetention() {
        scheduler.scheduleIfNotExists(RetentionTask.instance(), clock.instant());
        scheduler.runAnyDueExecutions();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> timeline(Reply run) {
        return (List<Map<String, Object>>) run.at("timeline");
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

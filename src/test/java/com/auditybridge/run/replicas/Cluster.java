package com.auditybridge.run.replicas;

import com.auditybridge.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A simulator and several bridge replicas on one fresh database schema; closing it stops them all and drops the schema. */
final class Cluster implements AutoCloseable {
    final Simulator simulator;
    final List<Replica> replicas = new ArrayList<>();
    private final TestDatabase database;

    Cluster(int size, Map<String, Object> simulatorSettings, Map<String, Object> replicaSettings) {
        database = TestDatabase.inMemory("replicas");
        simulator = new Simulator(simulatorSettings);
        for (int i = 1; i <= size; i++) {
            replicas.add(new Replica("replica-" + i, database, simulator, replicaSettings));
        }
    }

    /** The i-th hook goes to replica i mod size, so every replica's HTTP port takes its share. */
    Replica replicaFor(int i) {
        return replicas.get(i % replicas.size());
    }

    /** How many runs ended with {@code status}. */
    long runsWithStatus(String status) {
        return count("select count(*) from run where status = ?", status);
    }

    /** Per run and timeline outcome, how many timeline rows it has: {@code {runId: {converted: 1, ...}}}. */
    Map<String, Map<String, Long>> outcomesPerRun() {
        Map<String, Map<String, Long>> outcomes = new HashMap<>();
        try (Connection connection = database.connect();
                PreparedStatement ps = connection.prepareStatement(
                        "select run_id, outcome, count(*) from run_event group by run_id, outcome");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                outcomes.computeIfAbsent(rs.getString(1), id -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return outcomes;
    }

    /** Where the runs are and what the durable queue holds, for a failure message. */
    String summary() {
        StringBuilder summary = new StringBuilder();
        try (Connection connection = database.connect();
                var statement = connection.createStatement()) {
            for (String sql : List.of(
                    "select status, step, count(*) from run group by status, step",
                    "select task_name, picked, picked_by, execution_time < now(), consecutive_failures, count(*) from scheduled_tasks"
                            + " group by task_name, picked, picked_by, execution_time < now(), consecutive_failures")) {
                try (ResultSet rs = statement.executeQuery(sql)) {
                    while (rs.next()) {
                        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                            summary.append(rs.getString(c))
                                    .append(c < rs.getMetaData().getColumnCount() ? " " : "; ");
                        }
                    }
                }
                summary.append("\n");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return summary.toString();
    }

    private long count(String sql, Object... args) {
        try (Connection connection = database.connect();
                PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        replicas.forEach(Replica::close);
        simulator.close();
        database.close();
    }
}

-- pgbench: the write shape of one durable lead-arrived 202, on the bridge's own tables (bench/intake.sh runs it on the
-- migrated schema before the bridge is measured): a run row with a small JSON input, its timeline row and its
-- db-scheduler task (priority from the run order), committed together.
-- (The JSON has a space after "bench": pgbench would read ":true" as a variable.)
\set n random(1, 1000000000000)
BEGIN;
INSERT INTO run (id, connection_id, flow, status, step, input, lead_id, attempts, step_started_at, next_at, created_at, updated_at)
  VALUES ('pgb-' || :client_id || '-' || :n, 'default', 'lead-to-audit', 'queued', 'convert',
          '{"leadId":"pgb-' || :n || '","metadata":{"bench": true}}', 'pgb-' || :client_id || '-' || :n, 0, now(), now(), now(), now());
INSERT INTO run_event (run_id, at, step, outcome, detail)
  VALUES ('pgb-' || :client_id || '-' || :n, now(), 'intake', 'queued', 'accepted lead-to-audit');
INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version, priority)
  VALUES ('pgb', 'pgb-' || :client_id || '-' || :n, null, now(), false, 1, -(nextval('run_order_seq') % 2147483647)::int);
COMMIT;

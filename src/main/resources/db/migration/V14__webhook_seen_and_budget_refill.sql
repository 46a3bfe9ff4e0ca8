-- When an analysis_generated webhook of Audity last reached each connection (intake/AudityWebhooks): while one came
-- recently, the webhook wakes the connection's runs and their job polls are only a safety net (run/FlowSettings).
-- One row a connection, the default one included (it has no bridge_connection row).
create table audity_webhook_seen (
  connection_id varchar(64) primary key,
  seen_at       timestamp with time zone not null
);

-- When each budget's bucket is full again if left unused, in epoch milliseconds on the service clock, written with
-- every change of its state (upstream/RefilledAt). Retention deletes the rows full for bridge.retention.budgets
-- (a token no longer used, or a limit changed, which names a new bucket): a deleted bucket used again starts full,
-- which is what it had become. Rows written before this column count as full now.
alter table upstream_budget add column refilled_at bigint;
update upstream_budget set refilled_at = cast(extract(epoch from current_timestamp) * 1000 as bigint);

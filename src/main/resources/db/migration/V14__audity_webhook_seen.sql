-- When an analysis_generated webhook of Audity last reached each connection (intake/AudityWebhooks): while one came
-- recently, the webhook wakes the connection's runs and their job polls are only a safety net (run/FlowSettings).
-- One row a connection, the default one included (it has no bridge_connection row).
create table audity_webhook_seen (
  connection_id varchar(64) primary key,
  seen_at       timestamp with time zone not null
);

-- Retention (retention/RetentionTask): the columns its batches select and delete by, so that each batch reads
-- only what it deletes.
create index run_finished_idx on run (finished_at);
create index delivery_event_idx on delivery (event_id);
create index delivery_status_age_idx on delivery (status, updated_at);
create index idempotency_key_age_idx on idempotency_key (created_at);
create index idempotency_key_run_idx on idempotency_key (run_id);
create index inbound_delivery_age_idx on inbound_delivery (received_at);
create index lead_seen_age_idx on lead_seen (seen_at);
-- A lead's conversion record outlives its run: a new run of the same lead finds it and does not convert again.
create index paid_call_subject_idx on paid_call (connection_id, kind, subject);

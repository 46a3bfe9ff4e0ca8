-- The parts of a finished audit a managed connection's runs read when their hook does not say (connection/AuditPart):
-- "analysis", "deliverables", comma separated; null: none. The default connection's come from BRIDGE_INCLUDE.
alter table bridge_connection add column include_parts varchar(100);

-- One part of a finished audit a run read from Audity (run/RunParts): its document exactly as Audity answered it, or,
-- when the read failed, why it is missing (code and message); read_at is null until the part was first read.
-- refresh_requested_at is set while a refresh of the part (POST /v1/runs/{id}/result/refresh) is still to read it.
-- Retention deletes the rows with their run.
create table run_part (
  run_id               varchar(36) not null references run (id),
  part                 varchar(20) not null,
  document             varchar,
  missing_code         varchar(60),
  missing_message      varchar(2000),
  read_at              timestamp with time zone,
  refresh_requested_at timestamp with time zone,
  primary key (run_id, part)
);

-- Leads the sync has seen per connection: lead.arrived is emitted once per row, and a lead is
-- handed to lead-to-audit at most once (run_id), whatever the number of syncs or restarts.
create table lead_seen (
  connection_id varchar(64) not null,
  lead_id       varchar(200) not null,
  seen_at       timestamp with time zone not null,
  run_id        varchar(36),
  started_at    timestamp with time zone,
  primary key (connection_id, lead_id)
);
create index lead_seen_started_idx on lead_seen (connection_id, started_at);

-- Audity's own webhook deliveries, remembered so a redelivery is a no-op.
create table inbound_delivery (
  connection_id varchar(64) not null,
  delivery_id   varchar(200) not null,
  event         varchar(60) not null,
  received_at   timestamp with time zone not null,
  primary key (connection_id, delivery_id)
);

-- Runs whose paid call waits for its token's lane (conversions go one at a time per token), in arrival order
-- (place: lower goes first). The call that frees the lane wakes the first waiter at once instead of leaving it to
-- look again on its own (docs/paid-calls.md). A row goes when its call is sent, or with its run.
create table paid_lane_wait (
  run_id   varchar(36) not null references run (id) on delete cascade,
  kind     varchar(20) not null,
  token_fp varchar(16) not null,
  place    bigint not null,
  since    timestamp with time zone not null,
  primary key (run_id, kind)
);
create index paid_lane_wait_first_idx on paid_lane_wait (token_fp, kind, place);

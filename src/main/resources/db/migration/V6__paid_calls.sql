-- One row per paid call a run makes (convert, the analysis trigger, the repo-audit submit). Its state says
-- whether the call may be sent: a call whose outcome is unknown is waited out and looked at, never repeated
-- at once (docs/paid-calls.md). The row outlives the step; the result id is what it paid for.
create table paid_call (
  run_id        varchar(36) not null,
  kind          varchar(20) not null,
  connection_id varchar(64) not null,
  token_fp      varchar(16) not null,
  subject       varchar(2048) not null,
  state         varchar(20) not null,
  doubts        int not null default 0,
  looks         int not null default 0,
  first_sent_at timestamp with time zone,
  sent_at       timestamp with time zone,
  result_id     varchar(64),
  result_how    varchar(20),
  evidence      varchar(2000),
  updated_at    timestamp with time zone not null,
  primary key (run_id, kind)
);
create index paid_call_token_idx on paid_call (token_fp, kind, state);

-- One row per token and kind of call that is sent one at a time for that token (convert): locking it
-- serialises the replicas that want to send, so only one conversion of a token is ever in flight or in doubt.
create table paid_lane (
  token_fp varchar(16) not null,
  kind     varchar(20) not null,
  primary key (token_fp, kind)
);

-- Conversions recorded the old way (two columns on the run) become paid-call rows; their token is unknown
-- here, so they hold no lane.
insert into paid_call (run_id, kind, connection_id, token_fp, subject, state, doubts, looks, first_sent_at, sent_at,
                       result_id, result_how, updated_at)
select id, 'convert', connection_id, '', coalesce(lead_id, ''),
       case when convert_confirmed_at is not null then 'done' else 'in-doubt' end,
       case when convert_confirmed_at is not null then 0 else 1 end, 0,
       convert_attempted_at, convert_attempted_at,
       case when convert_confirmed_at is not null then project_id end,
       case when convert_confirmed_at is not null then 'answer' end, updated_at
from run where convert_attempted_at is not null or convert_confirmed_at is not null;
update run set step = 'convert' where step in ('recover-project', 'reconcile-convert');
alter table run drop column convert_attempted_at;
alter table run drop column convert_confirmed_at;

-- The per-token budgets (and the connections' inbound rates), one token bucket a row, shared by every replica
-- (upstream/DatabaseBudgetStore). The state is Bucket4j's, written by it; the id names budget, owner and shape
-- (upstream/BudgetKey), never a token.
create table upstream_budget (
  id    varchar(200) primary key,
  state bytea
);

-- Runs are handed out oldest first: db-scheduler orders due work by priority, and a run's priority is minus its
-- place in this sequence. The scheduler's smallint would run out after 32,768 runs.
alter table scheduled_tasks alter column priority set data type integer;
create sequence run_order_seq start with 1 increment by 1;

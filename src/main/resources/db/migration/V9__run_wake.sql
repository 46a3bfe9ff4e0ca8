-- A wake (Audity's analysis_generated) that came while the run's step was executing: db-scheduler will not move a
-- running execution, so the wake is kept here and the step's own reschedule comes back no later than it.
alter table run add column woken_at timestamp with time zone;

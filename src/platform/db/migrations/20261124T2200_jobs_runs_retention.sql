-- Finished job runs are kept for a while (operators read them), then pruned by the scheduler:
-- a reconcile every 10 minutes for each of 1,000 tenants is 144,000 rows a day.
grant delete on job_runs to simpul_platform;
create index job_runs_finished on job_runs (finished_at) where status in ('succeeded', 'failed', 'skipped');

-- The commit of the site a variant serves. last_commit_sha follows the latest run, so after a failed or aborted run
-- it may name a commit that was never published; this column changes only when a run is published.
alter table variants add column if not exists published_commit_sha text;
-- A ready variant serves the run that set its last commit; others are unknown (null) until their next published run.
update variants set published_commit_sha = last_commit_sha
where published_commit_sha is null and status = 'ready' and published_generation_id is not null;

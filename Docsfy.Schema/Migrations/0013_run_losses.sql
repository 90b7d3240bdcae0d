-- How often a run's worker was lost (went silent), as opposed to handing the run back on shutting down
-- (docs/design/pipeline.md §12). Only losses count toward Generation:MaxTakeovers, the bound that keeps a repository
-- which crashes every worker from going round forever; hand-backs (deployments, restarts) have their own, larger bound,
-- Generation:MaxHandBacks, so a run outlives a few deployments. run_attempt - 1 - run_losses is the hand-backs so far.
alter table variants add column if not exists run_losses integer not null default 0;

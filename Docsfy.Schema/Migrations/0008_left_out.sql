-- What the published site left out because a limit was reached ("150 of 180 guides shown"), as its run reported it;
-- null when nothing was. It changes only when a run is published, like published_commit_sha.
alter table variants add column if not exists left_out text;

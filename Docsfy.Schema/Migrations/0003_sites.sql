-- Generated sites. A worker writes the files of its run under the run's generation id; the API publishes them by
-- pointing the variant at that run when the run is ready, so the previous site stays served until then.
create table if not exists site_files (
    generation_id uuid    not null,
    path          text    not null,
    content_type  text    not null,
    content       bytea   not null,
    sha256        text    not null,
    created_at    timestamptz not null default now(),
    primary key (generation_id, path)
);

alter table variants add column if not exists published_generation_id uuid;
-- When a worker last said it was working on the current run; a generating variant without recent heartbeats is stuck.
alter table variants add column if not exists heartbeat_at timestamptz;

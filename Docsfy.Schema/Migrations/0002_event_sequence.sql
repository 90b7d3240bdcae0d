-- The sequence number of the newest worker event applied to the variant's current run: stale and duplicate
-- deliveries compare against it and change nothing.
alter table variants add column if not exists last_event_seq bigint not null default 0;

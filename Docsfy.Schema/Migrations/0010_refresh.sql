-- Refresh on push and on a schedule (docs/design/refresh.md). One row per project (name, owner) that has refresh
-- settings. The webhook secret itself is never stored: it is derived from the server secret and secret_nonce
-- (docs/design/refresh.md §3), so a database dump alone cannot forge a delivery, and every API replica can verify one.
create table if not exists project_refresh (
    id                bigint generated always as identity primary key,
    project_name      text        not null,
    owner             text        not null,
    -- The unguessable id in the project's webhook URL (not the project's name).
    webhook_id        text        not null,
    secret_nonce      bytea       not null,
    secret_rotated_at timestamptz not null default now(),
    interval_minutes  integer     check (interval_minutes is null or interval_minutes > 0),
    on_push           boolean     not null default false,
    -- null: every variant of the project follows its branch; else the chosen ones as 'branch/provider/model'.
    variants          text[],
    -- When the scheduler next checks the heads; moved forward by a lease while one replica checks, so a replica dying
    -- mid-check only delays the check until the lease runs out.
    next_check_at     timestamptz,
    last_checked_at   timestamptz,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create unique index if not exists project_refresh_project_key on project_refresh (project_name, lower(owner));
create unique index if not exists project_refresh_webhook_id_key on project_refresh (webhook_id);
create index if not exists project_refresh_due_idx on project_refresh (next_check_at) where interval_minutes is not null;

-- Verified deliveries, by the host's delivery id (or the body's hash when a host sends none): a delivery seen before is
-- a replay and changes nothing. Old ones are purged after Refresh:DeliveryRetention.
create table if not exists webhook_deliveries (
    refresh_id  bigint      not null references project_refresh (id) on delete cascade,
    delivery_id text        not null,
    received_at timestamptz not null default now(),
    primary key (refresh_id, delivery_id)
);
create index if not exists webhook_deliveries_received_at_idx on webhook_deliveries (received_at);

-- Who or what started the variant's current run: 'user' (run_triggered_by is the username), 'push' (the delivery id)
-- or 'schedule'.
alter table variants add column if not exists run_trigger text;
alter table variants add column if not exists run_triggered_by text;
-- A push arrived while the variant was generating: exactly one follow-up run starts after the run ends (the delivery
-- id it records is the newest push's). Any run that starts clears it; an abort clears it too (the user said stop).
-- refresh_claimed_until is the lease of the replica starting the follow-up.
alter table variants add column if not exists refresh_pending boolean not null default false;
alter table variants add column if not exists refresh_pending_trigger text;
alter table variants add column if not exists refresh_claimed_until timestamptz;
create index if not exists variants_refresh_pending_idx on variants (id) where refresh_pending;

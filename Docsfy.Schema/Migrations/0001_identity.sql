-- Users, sessions, access grants, the login audit trail, and the variant rows that grants and visibility refer to.

create table if not exists users (
    id            bigint generated always as identity primary key,
    username      text        not null,
    role          text        not null check (role in ('admin', 'user', 'viewer')),
    api_key_hash  bytea       not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
-- Usernames keep their spelling but are unique regardless of case ("Alice" and "alice" are one person).
create unique index if not exists users_username_key on users (lower(username));
create unique index if not exists users_api_key_hash_key on users (api_key_hash);

create table if not exists sessions (
    token_hash            bytea       primary key,
    user_id               bigint      references users (id) on delete cascade,
    -- Set only for the built-in admin (no users row): the session dies when the admin key changes.
    admin_key_fingerprint bytea,
    created_at            timestamptz not null default now(),
    expires_at            timestamptz not null,
    check ((user_id is null) <> (admin_key_fingerprint is null))
);
create index if not exists sessions_user_id_idx on sessions (user_id);
create index if not exists sessions_expires_at_idx on sessions (expires_at);

create table if not exists variants (
    id              bigint generated always as identity primary key,
    name            text        not null,
    branch          text        not null default 'main',
    ai_provider     text        not null default '',
    ai_model        text        not null default '',
    owner           text        not null default '',
    repo_url        text        not null,
    repo_type       text,
    status          text        not null default 'generating'
                                check (status in ('generating', 'ready', 'error', 'aborted')),
    current_stage   text,
    last_commit_sha text,
    last_generated  timestamptz,
    page_count      integer     not null default 0,
    error_message   text,
    plan_json       text,
    generation_id   uuid        not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (name, branch, ai_provider, ai_model, owner)
);
create index if not exists variants_owner_name_idx on variants (owner, name);
create index if not exists variants_updated_at_idx on variants (updated_at desc);
create unique index if not exists variants_generation_id_key on variants (generation_id);

create table if not exists access_grants (
    project_name text        not null,
    owner        text        not null,
    grantee_id   bigint      not null references users (id) on delete cascade,
    granted_at   timestamptz not null default now(),
    primary key (project_name, owner, grantee_id)
);
create index if not exists access_grants_grantee_idx on access_grants (grantee_id);

create table if not exists auth_audit (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null default now(),
    event          text        not null,
    username       text,
    remote_address text
);
create index if not exists auth_audit_failures_idx on auth_audit (remote_address, occurred_at) where event = 'login_failed';

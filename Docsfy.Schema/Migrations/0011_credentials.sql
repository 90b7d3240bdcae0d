-- Private repositories (docs/design/refresh.md §8). A project's credential is stored only as a Data Protection payload;
-- the key ring that can open it is in data_protection_keys, itself encrypted with a key derived from
-- DOCSFY_KEY_HASH_SECRET, so a database dump alone opens neither.
create table if not exists project_credentials (
    project_name text        not null,
    owner        text        not null,
    kind         text        not null check (kind in ('https_token', 'ssh_key')),
    -- Shown to the owner: the HTTPS username (null for an ssh key) and a fingerprint, never the secret.
    username     text,
    fingerprint  text        not null,
    -- The secret (token or private key, and known_hosts), protected with a purpose naming this project, so a payload
    -- copied onto another project's row does not open.
    protected    bytea       not null,
    set_at       timestamptz not null default now()
);
create unique index if not exists project_credentials_project_key on project_credentials (project_name, lower(owner));

-- ASP.NET Core Data Protection's key ring, shared by every API replica and the worker (one row per key element).
create table if not exists data_protection_keys (
    id            bigint generated always as identity primary key,
    friendly_name text        not null,
    xml           text        not null,
    created_at    timestamptz not null default now()
);

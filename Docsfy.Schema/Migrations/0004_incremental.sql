-- The pages of each run as served (after cross-linking), so the next run of the variant, or of a variant replacing it,
-- reuses the unchanged ones byte for byte. A placeholder for a page whose AI call failed is never stored here, so the
-- next run writes that page again.
create table if not exists page_cache (
    generation_id uuid        not null,
    slug          text        not null,
    markdown      text        not null,
    created_at    timestamptz not null default now(),
    primary key (generation_id, slug)
);

-- The ready run the current run may reuse (this variant's own, or the variant it is replacing), and for a replacement
-- that variant's published run: when this run is ready, the variant publishing it is deleted.
alter table variants add column if not exists base_generation_id uuid;
alter table variants add column if not exists replaces_generation_id uuid;

-- What the current (or last) run cost: its AI calls, and tokens and money where the provider reports them.
alter table variants add column if not exists ai_calls integer;
alter table variants add column if not exists ai_input_tokens bigint;
alter table variants add column if not exists ai_output_tokens bigint;
alter table variants add column if not exists ai_cost_usd numeric(14, 6);
alter table variants add column if not exists pages_reused integer;

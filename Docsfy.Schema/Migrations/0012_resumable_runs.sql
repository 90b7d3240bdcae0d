-- Resumable runs (docs/design/pipeline.md §12). A run whose worker is lost is handed to another worker as the same run
-- (same generation_id) with the next attempt number; only the current attempt's events, heartbeats and checkpoint
-- writes are applied, so a worker that was only cut off cannot change a run another worker has taken over.
alter table variants add column if not exists run_attempt integer not null default 1;

-- What a run has done so far, so a later attempt continues instead of starting over. One row per generating run:
-- the command the API sent (re-sent on takeover), and as the worker gets there the commit being documented, the plan,
-- and for an incremental run the pages it decided to rewrite. Deleted when the run ends (trigger below).
create table if not exists run_checkpoints (
    generation_id uuid        primary key,
    command       jsonb       not null,
    commit_sha    text,
    plan_json     text,
    -- null: a full run of plan_json; else an incremental run that rewrites these slugs of the base plan.
    rewrite       text[],
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

-- Every page a run has written (placeholders never are), so a later attempt asks the AI only for the others.
create table if not exists run_checkpoint_pages (
    generation_id uuid        not null references run_checkpoints (generation_id) on delete cascade,
    slug          text        not null,
    markdown      text        not null,
    written_at    timestamptz not null default now(),
    primary key (generation_id, slug)
);

-- A checkpoint lives exactly as long as its run: whatever ends the run (the worker's terminal status, an abort, the
-- watchdog, a new run reusing the row, deleting the variant) removes it in the same transaction.
create or replace function delete_ended_run_checkpoint() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        delete from run_checkpoints where generation_id = old.generation_id;
        return old;
    end if;
    if old.status = 'generating' and (new.status <> 'generating' or new.generation_id is distinct from old.generation_id) then
        delete from run_checkpoints where generation_id = old.generation_id;
    end if;
    return new;
end $$;

drop trigger if exists variants_run_checkpoint_end on variants;
create trigger variants_run_checkpoint_end
    after update of status, generation_id or delete on variants
    for each row execute function delete_ended_run_checkpoint();

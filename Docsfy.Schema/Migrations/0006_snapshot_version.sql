-- A version number of everything a sync shows (variants and grants), so the hub can serve a snapshot it built earlier
-- for as long as nothing changed. It is bumped once per writing transaction, by a deferred trigger, so the bump happens
-- at commit after every other lock the transaction took (no lock-order deadlocks) and a reader that sees version v in a
-- snapshot sees exactly the commits that produced it.
create table if not exists snapshot_version (
    id      integer primary key check (id = 1),
    version bigint  not null
);
insert into snapshot_version (id, version) values (1, 0) on conflict (id) do nothing;

create or replace function bump_snapshot_version() returns trigger language plpgsql as $$
begin
    if current_setting('docsfy.snapshot_version_bumped', true) is distinct from 'yes' then
        update snapshot_version set version = version + 1 where id = 1;
        perform set_config('docsfy.snapshot_version_bumped', 'yes', true);
    end if;
    return null;
end
$$;

drop trigger if exists variants_bump_snapshot_version on variants;
create constraint trigger variants_bump_snapshot_version
    after insert or update or delete on variants
    deferrable initially deferred
    for each row execute function bump_snapshot_version();

drop trigger if exists access_grants_bump_snapshot_version on access_grants;
create constraint trigger access_grants_bump_snapshot_version
    after insert or update or delete on access_grants
    deferrable initially deferred
    for each row execute function bump_snapshot_version();

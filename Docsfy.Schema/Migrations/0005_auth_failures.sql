-- Failed key authentications (Bearer and ?token=) are audited and throttled like failed logins, so the throttle's
-- index covers both kinds of failure.
create index if not exists auth_audit_all_failures_idx on auth_audit (remote_address, occurred_at)
    where event in ('login_failed', 'key_failed');
drop index if exists auth_audit_failures_idx;

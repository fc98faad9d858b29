-- Audit: an append-only operation log per tenant, hash-chained (each entry carries the hash of the one before)
-- so that altering or deleting any entry is detected by AuditTrail.verify().
create table audit_entry
(
    lg_code                 char(6)     not null references tenant,
    seq                     bigint      not null,
    occurred_at             timestamptz not null,
    actor                   text        not null,
    actor_name              text        not null,
    office_code             text,
    action                  text        not null,
    target_type             text,
    target_id               text,
    individual_number_shown boolean     not null,
    detail                  text,
    prev_hash               char(64)    not null,
    hash                    char(64)    not null,
    primary key (lg_code, seq)
);
create index audit_entry_target on audit_entry (lg_code, target_type, target_id, seq);
create index audit_entry_actor on audit_entry (lg_code, actor, seq);
create index audit_entry_time on audit_entry (lg_code, occurred_at);
select kiban_append_only('audit_entry', '${appRole}');

-- The end of each tenant's chain: appends lock this row, so entries of one tenant are numbered without gaps,
-- and deleting the newest entries is detected too.
create table audit_chain_head
(
    lg_code   char(6)  primary key references tenant,
    last_seq  bigint   not null,
    last_hash char(64) not null
);
revoke delete on audit_chain_head from ${appRole};

select kiban_isolate_tenant('audit_entry');
select kiban_isolate_tenant('audit_chain_head');

-- Standard-layout exchange: every export and import of a tenant's data set, with the fingerprint of its file set
-- (SHA-256 over the files' names and hashes), so that an import of the same files again is recognised and does
-- nothing. Staging tables of an import are temporary tables of its transaction (COPY FROM is not allowed on tables
-- under row-level security, and nothing of a failed import may remain).
create table exchange_run
(
    lg_code          char(6)     not null references tenant,
    run_no           bigint      not null,
    kind             text        not null check (kind in ('EXPORT', 'IMPORT')),
    layout_version   text        not null,
    file_set_sha256  char(64)    not null,
    source_lg_code   char(6)     not null,   -- the tenant the files were exported from
    since_cursor     text,                   -- a delta export: the cursor it started after
    cursor           text        not null,   -- where the next delta starts
    rows             bigint      not null,
    started_at       timestamptz not null,
    finished_at      timestamptz not null,
    actor            text        not null,
    primary key (lg_code, run_no)
);
create index exchange_run_file_set on exchange_run (lg_code, kind, file_set_sha256);
select kiban_append_only('exchange_run', '${appRole}');
select kiban_isolate_tenant('exchange_run');

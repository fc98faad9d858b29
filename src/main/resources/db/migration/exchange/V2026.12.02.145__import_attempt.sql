-- Every standard-layout import of a tenant, dry run or real, whatever it found: the import itself rolls back on any
-- error, so what it found is kept here, in a transaction of its own after it ended, for the counter's work list
-- 「取込みエラー」. The first errors of each attempt are kept (error_count has them all); never changed once written.
create table import_attempt
(
    lg_code         char(6)     not null references tenant,
    attempt_no      bigint      not null,
    dry_run         boolean     not null,
    source          text        not null,   -- the file set's directory name
    file_set_sha256 char(64),               -- from its manifest, when it could be read
    rows            bigint      not null,
    error_count     bigint      not null,
    imported        boolean     not null,
    started_at      timestamptz not null,
    finished_at     timestamptz not null,
    actor           text        not null,
    primary key (lg_code, attempt_no)
);
create index import_attempt_errors on import_attempt (lg_code, finished_at) where error_count > 0;
select kiban_append_only('import_attempt', '${appRole}');
select kiban_isolate_tenant('import_attempt');

create table import_error
(
    lg_code    char(6) not null,
    attempt_no bigint  not null,
    seq        integer not null,
    file       text    not null,
    line       bigint  not null,   -- 1 = the header; 0 = the file as a whole
    item       text,               -- the standard item name, or null for the line or the file
    message    text    not null,
    primary key (lg_code, attempt_no, seq),
    foreign key (lg_code, attempt_no) references import_attempt (lg_code, attempt_no)
);
select kiban_append_only('import_error', '${appRole}');
select kiban_isolate_tenant('import_error');

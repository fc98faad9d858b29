-- 支援措置 (DV等支援措置, 標準仕様書 §1.1.16, §3.4; standards.md §1.10): who is protected, from whom, which
-- operations are refused, for which period; and each one-time release by a 支援措置責任者.
create table protection_measure
(
    lg_code                char(6)     not null references tenant,
    measure_no             bigint      not null,
    atena_no               text        not null,   -- the protected person (申出者 or 併せて支援を求める者)
    applicant_atena_no     text        not null,   -- the 申出者
    relation_to_applicant  text,
    perpetrator_name       text,
    perpetrator_atena_no   text,
    perpetrator_birth_date text,
    perpetrator_sex        text,
    perpetrator_address    text,
    perpetrator_note       text,
    blocked_operations     text[]      not null,
    start_on               date        not null,
    end_on                 date        not null,
    provisional            boolean     not null,   -- 仮支援措置 (before the review ends)
    former_address         boolean     not null,   -- kept as the former-address municipality after a 転出
    first_received_lg_code char(6),                -- 当初受付市区町村
    contact                text,
    ended_on               date,
    created_at             timestamptz not null,
    created_by             text        not null,
    version                integer     not null,
    primary key (lg_code, measure_no)
);
create index protection_measure_person on protection_measure (lg_code, atena_no) where ended_on is null;
select kiban_isolate_tenant('protection_measure');

create table protection_release
(
    lg_code     char(6)     not null references tenant,
    release_no  bigint      not null,
    measure_no  bigint      not null,
    atena_no    text        not null,
    operation   text        not null,
    reason      text        not null,
    released_by text        not null,
    released_at timestamptz not null,
    valid_until timestamptz not null,
    used_at     timestamptz,
    primary key (lg_code, release_no),
    foreign key (lg_code, measure_no) references protection_measure (lg_code, measure_no)
);
select kiban_isolate_tenant('protection_release');

-- 個人住民税 (tax module): imported income reports, 申告 entered at the counter, and assessments. All append-only:
-- a corrected report or 申告 is a new row, a 更正 is a new assessment version with its reason.

-- 給与支払報告書 (地方税法第317条の6第1項) and 公的年金等支払報告書 (同条第4項), one row per line of an imported file.
create table tax_income_report
(
    lg_code              char(6)     not null references tenant,
    tax_year             int         not null,
    report_no            bigint      not null,
    kind                 text        not null check (kind in ('SALARY', 'PENSION')),
    atena_no             text        not null,
    payer_no             text        not null,
    payer_name           text        not null,
    revenue              bigint      not null check (revenue >= 0),
    social_insurance     bigint      not null check (social_insurance >= 0),
    life_new_general     bigint      not null,
    life_old_general     bigint      not null,
    life_care_medical    bigint      not null,
    life_new_pension     bigint      not null,
    life_old_pension     bigint      not null,
    earthquake_insurance bigint      not null,
    old_long_term        bigint      not null,
    spouse_birth_date    date,
    spouse_income        bigint,
    dependants           text        not null,
    ordinary_collection  boolean     not null,
    source_file          text        not null,
    line_no              int         not null,
    imported_at          timestamptz not null,
    imported_by          text        not null,
    primary key (lg_code, tax_year, report_no)
);
create index tax_income_report_person on tax_income_report (lg_code, tax_year, atena_no);
select kiban_isolate_tenant('tax_income_report');
select kiban_append_only('tax_income_report', '${appRole}');

-- 申告 (第317条の2): the taxpayer's own statement; the latest revision replaces the reports for that person.
create table tax_return
(
    lg_code     char(6)     not null references tenant,
    tax_year    int         not null,
    atena_no    text        not null,
    revision    int         not null,
    content     jsonb       not null,
    recorded_at timestamptz not null,
    recorded_by text        not null,
    primary key (lg_code, tax_year, atena_no, revision)
);
select kiban_isolate_tenant('tax_return');
select kiban_append_only('tax_return', '${appRole}');

-- 賦課: each version keeps the full input and result and the rule set's version, so it can be recomputed years later.
create table tax_assessment
(
    lg_code       char(6)     not null references tenant,
    tax_year      int         not null,
    atena_no      text        not null,
    version       int         not null,
    reason        text        not null,
    rule_version  text        not null,
    input         jsonb       not null,
    result        jsonb       not null,
    total_income  bigint      not null,
    exemption     text        not null,
    annual_total  bigint      not null,
    collection    text        not null check (collection in ('SPECIAL', 'ORDINARY', 'NONE')),
    payer_no      text,
    installments  bigint[]    not null,
    assessed_at   timestamptz not null,
    assessed_by   text        not null,
    primary key (lg_code, tax_year, atena_no, version)
);
select kiban_isolate_tenant('tax_assessment');
select kiban_append_only('tax_assessment', '${appRole}');

-- The tax module's results as care needs them (本人課税 and the income items per 年度), each version kept.
create table care_tax_result
(
    lg_code         char(6)     not null references tenant,
    tax_year        int         not null,
    atena_no        text        not null,
    version         int         not null,
    taxed           boolean     not null,
    total_income    bigint      not null,
    pension_revenue bigint      not null,
    pension_income  bigint      not null,
    reason          text,
    recorded_at     timestamptz not null,
    primary key (lg_code, tax_year, atena_no, version)
);
select kiban_append_only('care_tax_result', '${appRole}');
select kiban_isolate_tenant('care_tax_result');

-- 第1号保険料 assessed per person and 年度; a recalculation (所得更正, 資格喪失 …) appends a version with its reason.
create table care_premium_assessment
(
    lg_code           char(6)       not null references tenant,
    fiscal_year       int           not null,
    atena_no          text          not null,
    version           int           not null,
    stage             int           not null,
    multiplier        numeric(6, 4) not null,
    full_year_premium bigint        not null,
    annual_premium    bigint        not null,
    months            int           not null,
    taxed             boolean       not null,
    household_no      text,
    household         jsonb         not null,
    household_taxed   boolean       not null,
    income_known      boolean       not null,
    collection        text          not null check (collection in ('SPECIAL', 'ORDINARY')),
    installments      jsonb         not null,
    reason            text          not null,
    recorded_at       timestamptz   not null,
    recorded_by       text          not null,
    primary key (lg_code, fiscal_year, atena_no, version)
);
select kiban_append_only('care_premium_assessment', '${appRole}');
select kiban_isolate_tenant('care_premium_assessment');

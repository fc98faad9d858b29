-- 介護保険 premiums. A municipality's stage table (所得段階, its 保険料条例) as data, per 年度 from which it applies,
-- with every revision kept; the format is docs/care/premium-stages.md.
create table care_premium_stage_table
(
    lg_code     char(6)     not null references tenant,
    fiscal_year int         not null check (fiscal_year between 2000 and 2100),
    revision    int         not null,
    stage_table jsonb       not null,
    reason      text        not null,
    recorded_at timestamptz not null,
    recorded_by text        not null,
    primary key (lg_code, fiscal_year, revision)
);
select kiban_append_only('care_premium_stage_table', '${appRole}');
select kiban_isolate_tenant('care_premium_stage_table');

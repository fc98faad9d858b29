-- 災害: mutual-aid agreements (相互応援協定), disasters declared by a member, the 被災者台帳 (damage and support per
-- household) and the 罹災証明書 issued from it. Every table is tenant-owned: a member sees only its own rows; another
-- member's staff reach them only through the MutualAid gate, which switches to the affected tenant for one
-- operation after checking both parties' copies of the agreement (ADR 0013).

-- Each party registers its own copy of an agreement under the common agreement number: aid between two members
-- needs both copies, naming each other, with the same period and scope (neither side can grant itself access).
create table mutual_aid_agreement
(
    lg_code       char(6)     not null references tenant,
    agreement_no  text        not null check (agreement_no ~ '^[0-9A-Za-z_-]{1,40}$'),
    title         text        not null,
    parties       char(6)[]   not null,
    valid_from    date        not null,
    valid_to      date        not null,
    aid_days      integer     not null check (aid_days between 1 and 366),
    scope         text[]      not null,
    registered_at timestamptz not null,
    registered_by text        not null,
    primary key (lg_code, agreement_no),
    check (valid_from <= valid_to),
    check (lg_code = any (parties) and cardinality(parties) >= 2)
);
select kiban_isolate_tenant('mutual_aid_agreement');

-- A disaster declared by the affected member; with an agreement, the other parties may act for it from aid_from
-- to aid_until (the agreed number of days, never beyond the agreement), or until the member ends the aid.
create table disaster
(
    lg_code      char(6)     not null references tenant,
    disaster_no  integer     not null,
    name         text        not null,
    kind         text        not null,
    occurred_on  date        not null,
    agreement_no text,
    aid_from     date,
    aid_until    date,
    declared_at  timestamptz not null,
    declared_by  text        not null,
    primary key (lg_code, disaster_no),
    foreign key (lg_code, agreement_no) references mutual_aid_agreement (lg_code, agreement_no),
    check ((agreement_no is null) = (aid_from is null) and (aid_from is null) = (aid_until is null))
);
select kiban_isolate_tenant('disaster');

-- 被災者台帳 (災害対策基本法第90条の3): one entry per household and disaster.
create table victim_household
(
    lg_code         char(6)     not null,
    disaster_no     integer     not null,
    household_no    text        not null,
    head_atena_no   text        not null,
    damaged_address text        not null,   -- 被災住家の所在地
    needs_care      text,                   -- 要配慮者であるときは、その旨及び事由 (第90条の3第2項第7号)
    contact         text,                   -- 連絡先 (施行規則第8条の5)
    recorded_at     timestamptz not null,
    recorded_by     text        not null,
    primary key (lg_code, disaster_no, household_no),
    foreign key (lg_code, disaster_no) references disaster (lg_code, disaster_no)
);
select kiban_isolate_tenant('victim_household');

-- 住家の被害認定: append-only; a second survey or a 再調査 appends, the newest counts.
create table damage_assessment
(
    lg_code      char(6)      not null,
    disaster_no  integer      not null,
    household_no text         not null,
    seq          integer      not null,
    damage_level text         not null check (damage_level in ('TOTAL_COLLAPSE', 'LARGE_SCALE_HALF_COLLAPSE',
                                              'MEDIUM_SCALE_HALF_COLLAPSE', 'HALF_COLLAPSE', 'QUASI_HALF_COLLAPSE',
                                              'PARTIAL_DAMAGE')),
    damage_ratio numeric(5, 2) check (damage_ratio between 0 and 100),
    flooding     text         check (flooding in ('ABOVE_FLOOR', 'BELOW_FLOOR', 'NONE')),
    surveyed_on  date         not null,
    survey       text         not null,
    note         text,
    recorded_at  timestamptz  not null,
    recorded_by  text         not null,
    primary key (lg_code, disaster_no, household_no, seq),
    foreign key (lg_code, disaster_no, household_no) references victim_household (lg_code, disaster_no, household_no)
);
select kiban_append_only('damage_assessment', '${appRole}');
select kiban_isolate_tenant('damage_assessment');

-- 援護の実施の状況 (第90条の3第2項第6号): append-only.
create table victim_support
(
    lg_code      char(6)     not null,
    disaster_no  integer     not null,
    household_no text        not null,
    seq          integer     not null,
    kind         text        not null,
    amount_yen   bigint      check (amount_yen >= 0),
    provided_on  date        not null,
    note         text,
    recorded_at  timestamptz not null,
    recorded_by  text        not null,
    primary key (lg_code, disaster_no, household_no, seq),
    foreign key (lg_code, disaster_no, household_no) references victim_household (lg_code, disaster_no, household_no)
);
select kiban_append_only('victim_support', '${appRole}');
select kiban_isolate_tenant('victim_support');

-- 罹災証明書の交付の状況 (施行規則第8条の5): which assessment each issued certificate printed.
create table disaster_certificate_issue
(
    lg_code        char(6)     not null,
    issue_no       text        not null,
    disaster_no    integer     not null,
    household_no   text        not null,
    assessment_seq integer     not null,
    issued_at      timestamptz not null,
    issued_by      text        not null,
    primary key (lg_code, issue_no),
    foreign key (lg_code, disaster_no, household_no, assessment_seq)
        references damage_assessment (lg_code, disaster_no, household_no, seq)
);
select kiban_append_only('disaster_certificate_issue', '${appRole}');
select kiban_isolate_tenant('disaster_certificate_issue');

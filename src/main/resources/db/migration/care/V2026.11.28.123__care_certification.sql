-- 要介護認定: one case per application (新規・更新・区分変更), its current state, and every step appended.
create table care_certification_case
(
    lg_code          char(6)     not null references tenant,
    case_no          bigint      not null,
    atena_no         text        not null,
    kind             text        not null check (kind in ('NEW', 'RENEWAL', 'CHANGE')),
    applied_on       date        not null,
    deadline_on      date        not null,
    status           text        not null,
    surveyed_on      date,
    opinion_on       date,
    primary_level    text,
    board_level      text,
    board_on         date,
    decided_level    text,
    decided_on       date,
    valid_from       date,
    valid_until      date,
    notified_on      date,
    postponed_until  date,
    previous_case_no bigint,
    primary key (lg_code, case_no)
);
create index care_certification_person on care_certification_case (lg_code, atena_no);
select kiban_isolate_tenant('care_certification_case');

create table care_certification_step
(
    lg_code     char(6)     not null references tenant,
    case_no     bigint      not null,
    seq         int         not null,
    step        text        not null,
    on_date     date        not null,
    detail      jsonb       not null,
    recorded_at timestamptz not null,
    recorded_by text        not null,
    primary key (lg_code, case_no, seq),
    foreign key (lg_code, case_no) references care_certification_case
);
select kiban_append_only('care_certification_step', '${appRole}');
select kiban_isolate_tenant('care_certification_step');

create table care_certification_counter
(
    lg_code char(6) primary key references tenant,
    last    bigint  not null
);
select kiban_isolate_tenant('care_certification_counter');

-- 受給資格証明書 issued on 転出 (介護保険法第36条), so the work list knows who still needs one.
create table care_eligibility_certificate_issue
(
    lg_code   char(6)     not null references tenant,
    atena_no  text        not null,
    case_no   bigint      not null,
    issued_at timestamptz not null,
    issued_by text        not null,
    primary key (lg_code, atena_no, issued_at)
);
select kiban_append_only('care_eligibility_certificate_issue', '${appRole}');
select kiban_isolate_tenant('care_eligibility_certificate_issue');

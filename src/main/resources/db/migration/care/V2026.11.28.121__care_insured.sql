-- 第1号被保険者: each person's insured status as a pointer (care_insured) and its full history, append-only
-- (care_insured_event): 資格取得, 喪失, and the 住所地特例 that keeps a person insured here after moving out.
create table care_insured
(
    lg_code          char(6) not null references tenant,
    atena_no         text    not null,
    insured_no       text    not null,
    birth_date       date,
    status           text    not null check (status in ('INSURED', 'LOST')),
    eligible_from    date    not null,
    eligible_until   date,
    address_exception boolean not null default false,
    last_seq         int     not null,
    primary key (lg_code, atena_no),
    unique (lg_code, insured_no)
);
select kiban_isolate_tenant('care_insured');

create table care_insured_event
(
    lg_code         char(6)     not null references tenant,
    atena_no        text        not null,
    seq             int         not null,
    kind            text        not null check (kind in ('ACQUIRED', 'LOST', 'ADDRESS_EXCEPTION')),
    effective_on    date        not null,
    reason          text        not null,
    notification_no bigint,
    note            text,
    recorded_at     timestamptz not null,
    recorded_by     text        not null,
    primary key (lg_code, atena_no, seq),
    foreign key (lg_code, atena_no) references care_insured
);
create index care_insured_event_notification on care_insured_event (lg_code, notification_no);
select kiban_append_only('care_insured_event', '${appRole}');
select kiban_isolate_tenant('care_insured_event');

-- 適用除外施設 (介護保険法施行法第11条, 施行規則第170条), and residents here who stay insured by another municipality
-- under its 住所地特例 (法第13条): while such a stay is open the person is not insured here.
create table care_special_status
(
    lg_code       char(6)     not null references tenant,
    atena_no      text        not null,
    seq           int         not null,
    kind          text        not null check (kind in ('EXCLUDED_FACILITY', 'OTHER_INSURER', 'ADDRESS_EXCEPTION')),
    facility_name text        not null,
    facility_kind text        not null,
    from_on       date        not null,
    until_on      date,
    recorded_at   timestamptz not null,
    recorded_by   text        not null,
    primary key (lg_code, atena_no, seq)
);
select kiban_isolate_tenant('care_special_status');

create table care_counter
(
    lg_code         char(6) primary key references tenant,
    last_insured_no bigint  not null
);
select kiban_isolate_tenant('care_counter');

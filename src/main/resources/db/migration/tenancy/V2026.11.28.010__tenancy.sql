-- Tenancy: the list of Japanese local governments (reference data, the same for every tenant), the tenants
-- that use this deployment, their offices, staff, duty assignments (事務分掌) and API tokens.

-- Reference: every prefecture, municipality and ward of a designated city. Loaded from
-- reference/local-governments.csv after each migration (LocalGovernmentLoader), check digits verified.
create table local_government
(
    lg_code           char(6) primary key check (lg_code ~ '^[0-9]{6}$'),
    kind              text    not null check (kind in ('PREFECTURE', 'DESIGNATED_CITY', 'CORE_CITY', 'CITY',
                                                       'SPECIAL_WARD', 'TOWN', 'VILLAGE', 'WARD')),
    name              text    not null,
    kana              text    not null,
    prefecture_code   char(2) not null,
    parent_lg_code    char(6) references local_government,
    population        integer,
    households        integer,
    population_date   date,
    living_cost_grade text
);
create index local_government_prefecture on local_government (prefecture_code, lg_code);
create index local_government_parent on local_government (parent_lg_code);
create index local_government_kana on local_government (kana text_pattern_ops);
create index local_government_name on local_government (name text_pattern_ops);

create table reference_data_version
(
    dataset    text primary key,
    sha256     char(64)    not null,
    rows       integer     not null,
    loaded_at  timestamptz not null
);
revoke insert, update, delete on local_government, reference_data_version from ${appRole};

-- The deployment's tenants (joint-use members) and their lifecycle. Held by the operator of the joint use,
-- about each tenant rather than owned by it; no personal data. lg_code first, as everywhere.
create table tenant
(
    lg_code                      char(6) primary key references local_government,
    state                        text        not null check (state in ('PLANNED', 'MIGRATING', 'LIVE', 'EXITED')),
    planned_on                   date        not null,
    migration_started_on         date,
    live_on                      date,
    exited_on                    date,
    previous_system_contract_end date,
    mayor_name                   text,          -- printed with the 職名 on certificates
    created_at                   timestamptz not null
);

create table tenant_state_change
(
    lg_code      char(6)     not null references tenant,
    seq          integer     not null,
    from_state   text,
    to_state     text        not null,
    effective_on date        not null,
    recorded_at  timestamptz not null,
    recorded_by  text        not null,
    note         text,
    primary key (lg_code, seq)
);
select kiban_append_only('tenant_state_change', '${appRole}');

-- Deployment operators (the joint-use organisation). They manage tenants; they see no tenant's data.
create table operator_account
(
    username        text primary key,
    display_name    text        not null,
    password_hash   text        not null,
    demo_account    boolean     not null default false,
    enabled         boolean     not null default true,
    failed_attempts integer     not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null
);

-- Directory of login names (unique across the deployment), so sign-in knows the tenant before it may read
-- the staff row under row-level security. Holds no more than the name.
create table staff_login
(
    username text primary key,
    lg_code  char(6) not null references tenant,
    staff_id text    not null
);

create table office
(
    lg_code      char(6) not null references tenant,
    office_code  text    not null check (office_code ~ '^[0-9A-Za-z_-]{1,20}$'),
    kind         text    not null check (kind in ('HEAD_OFFICE', 'WARD_OFFICE', 'BRANCH', 'SUB_BRANCH')),
    name         text    not null,
    ward_lg_code char(6) references local_government,
    address      text,
    opened_on    date    not null,
    closed_on    date,
    primary key (lg_code, office_code)
);

create table staff
(
    lg_code         char(6)     not null references tenant,
    staff_id        text        not null,
    display_name    text        not null,
    office_code     text        not null,
    password_hash   text        not null,
    demo_account    boolean     not null default false,
    enabled         boolean     not null default true,
    failed_attempts integer     not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null,
    primary key (lg_code, staff_id),
    foreign key (lg_code, office_code) references office (lg_code, office_code)
);

-- 事務分掌: which role a staff member holds, at which office (null: every office of the tenant), from when.
create table duty_assignment
(
    lg_code     char(6)     not null,
    staff_id    text        not null,
    role        text        not null,
    office_code text,
    valid_from  date        not null,
    valid_to    date,
    assigned_at timestamptz not null,
    assigned_by text        not null,
    primary key (lg_code, staff_id, role, valid_from),
    foreign key (lg_code, staff_id) references staff (lg_code, staff_id),
    foreign key (lg_code, office_code) references office (lg_code, office_code)
);

create table api_token
(
    lg_code      char(6)     not null references tenant,
    token_id     text        not null,
    name         text        not null,
    token_hash   char(64)    not null,
    permissions  text[]      not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    primary key (lg_code, token_id)
);

select kiban_isolate_tenant('office');
select kiban_isolate_tenant('staff');
select kiban_isolate_tenant('duty_assignment');
select kiban_isolate_tenant('api_token');

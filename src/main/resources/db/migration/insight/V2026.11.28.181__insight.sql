-- Insight (見える化) of the joint use: onboarding groups and their plan, code extensions and change requests per
-- tenant, saved cost scenarios.

-- Groups of municipalities planned together (a prefecture, or a custom group such as the 14 towns that agreed on
-- "no customization"). Held by the operator; members need not be tenants yet.
create table onboarding_group
(
    group_id         text primary key check (group_id ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name             text        not null,
    kind             text        not null check (kind in ('PREFECTURE', 'CUSTOM')),
    prefecture_code  char(2),
    monthly_capacity integer     not null check (monthly_capacity between 1 and 50),
    created_at       timestamptz not null,
    created_by       text        not null,
    check ((kind = 'PREFECTURE') = (prefecture_code is not null))
);

create table onboarding_group_member
(
    lg_code  char(6) not null references local_government,
    group_id text    not null references onboarding_group on delete cascade,
    primary key (lg_code, group_id)
);
create index onboarding_group_member_group on onboarding_group_member (group_id, lg_code);

-- What the operator knows of a municipality's onboarding before and besides its tenant row: the end of its current
-- system contract (システム更改時期; for a tenant, tenant.previous_system_contract_end wins) and the planned go-live.
create table municipality_onboarding
(
    lg_code             char(6) primary key references local_government,
    system_renewal_date date,
    planned_go_live     date,
    note                text,
    updated_at          timestamptz not null,
    updated_by          text        not null
);

-- Registered extensions (code customizations, ARCHITECTURE §3): each counts towards the tenant's customization
-- rate while active. Owned by the tenant.
create table extension_registration
(
    lg_code         char(6)     not null references tenant,
    extension_id    text        not null check (extension_id ~ '^[a-z0-9][a-z0-9.-]{0,79}$'),
    name            text        not null,
    extension_point text        not null,
    parameter_class text        not null check (parameter_class in ('A1', 'A2', 'B', 'C', 'L')),
    lines_of_code   integer     not null check (lines_of_code > 0),
    active_from     date        not null,
    active_to       date,
    reason          text        not null,
    recorded_at     timestamptz not null,
    recorded_by     text        not null,
    primary key (lg_code, extension_id),
    check (active_to is null or active_to > active_from)
);
select kiban_isolate_tenant('extension_registration');

-- Change requests (カスタマイズ要望) a member brought to the group, compared side by side across members.
create table change_request
(
    lg_code         char(6)     not null references tenant,
    request_no      integer     not null,
    topic           text        not null,
    parameter_key   text,
    parameter_class text        not null check (parameter_class in ('A1', 'A2', 'B', 'C', 'L')),
    requested_on    date        not null,
    description     text        not null,
    status          text        not null check (status in ('REQUESTED', 'ACCEPTED_AS_PARAMETER', 'ACCEPTED_AS_EXTENSION',
                                                           'PROPOSED_TO_STANDARD', 'REJECTED', 'WITHDRAWN')),
    decision_note   text,
    recorded_at     timestamptz not null,
    recorded_by     text        not null,
    primary key (lg_code, request_no)
);
select kiban_isolate_tenant('change_request');

-- Cost scenarios (solo vs joint) saved by the operator; the assumptions as JSON, the results recomputed on read.
create table cost_scenario
(
    scenario_id  bigint generated always as identity primary key,
    name         text        not null,
    group_id     text references onboarding_group on delete set null,
    assumptions  jsonb       not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    updated_at   timestamptz not null,
    updated_by   text        not null
);

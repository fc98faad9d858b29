-- 証明: the issuance log (交付履歴, §1.3 300) — who issued what for whom, fee, 発行番号 — and the public
-- verification facts of each copy.
create table certificate_issue
(
    lg_code           char(6)     not null references tenant,
    issue_seq         bigint      not null,
    issue_no          text        not null,   -- 発行番号 without the page part
    issued_on         date        not null,
    issued_at         timestamptz not null,
    form              text        not null,
    requester_kind    text        not null,
    requester_name    text,
    purpose           text,
    household_no      text,
    subjects          text        not null,   -- JSON: [{"atenaNo":…, "rirekiNo":…}] as printed
    options           text        not null,   -- JSON: what was requested and printed
    fee_yen           integer     not null,
    fee_exemption     text,
    reissue_of        bigint,
    pages             integer     not null,
    sha256            char(64)    not null,
    verification_code text        not null,
    individual_number_printed boolean not null,
    warnings          text,
    issued_by         text        not null,
    office_code       text,
    terminal          text        not null,
    printer           text        not null,
    primary key (lg_code, issue_seq),
    unique (lg_code, issue_no),
    foreign key (lg_code, reissue_of) references certificate_issue (lg_code, issue_seq)
);
select kiban_append_only('certificate_issue', '${appRole}');
select kiban_isolate_tenant('certificate_issue');

-- 連番 of the 発行番号: per tenant and day.
create table certificate_daily_counter
(
    lg_code char(6) not null references tenant,
    day     date    not null,
    last    integer not null,
    primary key (lg_code, day)
);
select kiban_isolate_tenant('certificate_daily_counter');

-- Each tenant's signing identity (PKCS#12, encrypted with the deployment's master key).
create table certificate_signing_key
(
    lg_code    char(6)     primary key references tenant,
    pkcs12     bytea       not null,
    subject    text        not null,
    created_at timestamptz not null
);
select kiban_isolate_tenant('certificate_signing_key');

-- Public facts of each copy, readable without signing in at /verify/{code}: no personal data, so deployment-level
-- (the code is unguessable and names the tenant).
create table certificate_verification
(
    verification_code text primary key,
    lg_code           char(6)     not null references tenant,
    issue_seq         bigint      not null,
    form              text        not null,
    issue_no          text        not null,
    issued_at         timestamptz not null,
    pages             integer     not null,
    sha256            char(64)    not null,
    reissue           boolean     not null
);
revoke update, delete on certificate_verification from ${appRole};

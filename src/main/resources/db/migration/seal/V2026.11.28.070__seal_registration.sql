-- 印鑑登録 (印鑑登録証明事務処理要領, 昭和49年自治振第10号): one registered seal per resident, its 印鑑登録証 (card)
-- number, and its abolition. The 印影 is kept as the image the clerk scanned.
create table seal_registration
(
    lg_code          char(6)     not null references tenant,
    registration_no  bigint      not null,
    atena_no         text        not null,
    card_no          text        not null,
    seal_image       bytea       not null,
    seal_sha256      char(64)    not null,
    width_mm         numeric(4, 1) not null,
    height_mm        numeric(4, 1) not null,
    registered_on    date        not null,
    status           text        not null check (status in ('ACTIVE', 'ABOLISHED')),
    abolished_on     date,
    abolition_reason text,
    created_at       timestamptz not null,
    created_by       text        not null,
    primary key (lg_code, registration_no),
    unique (lg_code, card_no)
);
create unique index seal_registration_active on seal_registration (lg_code, atena_no) where status = 'ACTIVE';
select kiban_isolate_tenant('seal_registration');

create table seal_counter
(
    lg_code char(6) primary key references tenant,
    last    bigint  not null
);
select kiban_isolate_tenant('seal_counter');

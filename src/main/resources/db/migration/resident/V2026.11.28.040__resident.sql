-- 住民記録 (住民記録システム標準仕様書 §1.1, §1.2): one full snapshot row per (lg_code, 宛名番号, 履歴番号);
-- every change appends a row, nothing is updated or deleted. The newest 履歴番号 is the current state.

-- Per-tenant numbering of 宛名番号 and 世帯番号 (simple sequence + M11W2-7 check digit, §1.1.13).
create table resident_number_sequence
(
    lg_code   char(6) not null references tenant,
    kind      text    not null check (kind in ('ATENA', 'HOUSEHOLD', 'NOTIFICATION', 'PROTECTION', 'RELEASE')),
    last_base bigint  not null,
    primary key (lg_code, kind)
);

-- Households: the number, the ward (designated cities) and a version for optimistic locking. Everything a
-- household holds (address, head, members) lives on its members' records, as the standard keeps it.
create table household
(
    lg_code      char(6)  not null references tenant,
    household_no text     not null,
    created_on   date     not null,
    dissolved_on date,
    version      integer  not null,
    primary key (lg_code, household_no)
);

-- Each accepted 届出 or 職権 action: one row, whatever number of persons it touched.
create table resident_notification
(
    lg_code         char(6)     not null references tenant,
    notification_no bigint      not null,
    type            text        not null,
    effective_date  text        not null,
    notified_on     date,
    recorded_at     timestamptz not null,
    office_code     text,
    operator        text        not null,
    cancels_no      bigint,
    request         text        not null,
    idempotency_key text,                   -- the client's Idempotency-Key: a retry returns the first answer
    primary key (lg_code, notification_no),
    foreign key (lg_code, cancels_no) references resident_notification (lg_code, notification_no)
);
create unique index resident_notification_idempotency on resident_notification (lg_code, idempotency_key)
    where idempotency_key is not null;
select kiban_append_only('resident_notification', '${appRole}');
select kiban_isolate_tenant('resident_notification');

create table resident_record
(
    lg_code                     char(6)     not null references tenant,
    atena_no                    text        not null,
    rireki_no                   integer     not null,
    -- the change that produced this version (異動履歴, §1.2.1)
    change_reason               text        not null,
    effective_date              text        not null,   -- 異動日 as written (may be 不詳 for 出生・死亡・失踪)
    effective_sort              char(8)     not null,
    notified_on                 date,                   -- 届出日
    recorded_at                 timestamptz not null,   -- 処理日時
    notification_no             bigint      not null,
    office_code                 text,
    operator                    text        not null,
    remarks                     text,                   -- 留意事項
    -- state
    status                      text        not null,   -- 住民状態
    resident_kind               text        not null,   -- 住民種別
    household_no                text        not null,
    household_order             integer     not null,
    relationship                text,                   -- 続柄 (null: 世帯主不在 households keep members' 続柄)
    household_head_name         text,
    -- 氏名
    name                        text        not null,
    name_kana                   text,
    name_alphabet               text,
    former_surname              text,
    former_surname_kana         text,
    alias                       text,
    alias_kana                  text,
    name_key                    text        not null,   -- 異体字-folded, no spaces: search
    kana_key                    text,                   -- kana-folded: search
    given_kana_key              text,                   -- kana-folded 名 only: search by given name
    alias_key                   text,
    former_surname_key          text,
    -- 生年月日, 性別
    birth_date                  text        not null,   -- as written: 和暦 or 不詳 (日本人), 西暦 (外国人)
    birth_sort                  char(8)     not null,
    birth_exact                 date,
    sex                         text        not null,
    -- 本籍・筆頭者 (日本人)
    permanent_domicile          text,
    family_register_head        text,
    -- dates of residence
    became_resident_on          text        not null,   -- 住民となった年月日
    address_set_on              text,                   -- 住所を定めた年月日
    -- 住所
    address                     text        not null,
    address_supplement          text,                   -- 方書
    address_code                text,
    postal_code                 char(7),
    ward_lg_code                char(6),
    address_key                 text        not null,
    previous_address            text,                   -- 転入前住所
    previous_address_code       text,
    previous_postal_code        char(7),
    before_move_address         text,                   -- 異動前住所 (before a 転居)
    -- numbers
    juminhyo_code               char(11),
    individual_number           char(12),
    -- 外国人住民 (住基法第30条の45)
    nationality                 text,
    foreign_category            text,
    status_of_residence         text,
    period_of_stay              text,
    stay_expires_on             date,
    residence_card_no           text,
    special_permanent_cert_no   text,
    foreign_resident_since      text,
    -- 除票
    removal_reason              text,
    removed_on                  text,
    removed_sort                char(8),
    move_out_destination        text,
    move_out_destination_code   text,
    move_out_planned_on         date,
    primary key (lg_code, atena_no, rireki_no),
    foreign key (lg_code, household_no) references household (lg_code, household_no),
    foreign key (lg_code, notification_no) references resident_notification (lg_code, notification_no)
);
select kiban_append_only('resident_record', '${appRole}');
select kiban_isolate_tenant('resident_record');

-- Search covers every version (past names and addresses, 除票), so the indexes are on the history itself.
create index resident_record_kana on resident_record (lg_code, kana_key text_pattern_ops);
create index resident_record_given_kana on resident_record (lg_code, given_kana_key text_pattern_ops);
create index resident_record_name on resident_record (lg_code, name_key text_pattern_ops);
create index resident_record_birth on resident_record (lg_code, birth_sort);
create index resident_record_address on resident_record (lg_code, address_key text_pattern_ops);
create index resident_record_household on resident_record (lg_code, household_no);
create index resident_record_juminhyo on resident_record (lg_code, juminhyo_code) where juminhyo_code is not null;
create index resident_record_individual on resident_record (lg_code, individual_number) where individual_number is not null;
create index resident_record_notification on resident_record (lg_code, notification_no);

-- The newest version of each person, kept by the application in the same transaction as the history row
-- (a pointer, not data: the history is the record). Makes "current" reads and uniqueness checks cheap.
create table resident_current
(
    lg_code      char(6) not null,
    atena_no     text    not null,
    rireki_no    integer not null,
    household_no text    not null,
    status       text    not null,
    primary key (lg_code, atena_no),
    foreign key (lg_code, atena_no, rireki_no) references resident_record (lg_code, atena_no, rireki_no)
);
create index resident_current_household on resident_current (lg_code, household_no, status);
select kiban_isolate_tenant('resident_current');
select kiban_isolate_tenant('household');
select kiban_isolate_tenant('resident_number_sequence');

-- 転入通知 (住民基本台帳法第9条第1項; 標準仕様書 転入通知受理 j680–j710): the notice the municipality a person moved
-- to sends back. One per 転出 (the 除票 version it answers); received over the network between Kiban tenants
-- (AUTOMATIC) or entered by hand from a notice on paper or over CS (MANUAL). Never changed once recorded.
create table move_in_notice
(
    lg_code                char(6)     not null references tenant,
    atena_no               text        not null,
    rireki_no              integer     not null,   -- the 除票 version of the 転出 the notice answers
    received_on            date        not null,   -- 転入通知年月日
    moved_in_on            date        not null,   -- 転入日 in the notice
    new_address            text        not null,   -- 転出先住所（確定）
    notifying_lg_code      char(6)     not null,   -- the municipality that recorded the 転入
    channel                text        not null check (channel in ('MANUAL', 'AUTOMATIC')),
    source_notification_no bigint,                 -- AUTOMATIC: the 転入's 届出番号 in the notifying municipality
    recorded_at            timestamptz not null,
    recorded_by            text        not null,
    primary key (lg_code, atena_no, rireki_no),
    foreign key (lg_code, atena_no, rireki_no) references resident_record (lg_code, atena_no, rireki_no)
);
select kiban_append_only('move_in_notice', '${appRole}');
select kiban_isolate_tenant('move_in_notice');
-- The work list 「転入通知の未着」 reads the persons whose current version is a 転出.
create index resident_current_moved_out on resident_current (lg_code, atena_no) where status = 'MOVED_OUT';

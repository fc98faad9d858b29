-- 成年被後見人の該当有無 (標準仕様書 §1.1.2 other items kept on the 住民票; j1310: a flag, and a notice to the 転入地
-- on 転出). Each change appends a version; the newest seq is the current state (an end appends a version with end_on).
create table adult_guardianship
(
    lg_code     char(6)     not null references tenant,
    atena_no    text        not null,
    seq         integer     not null,
    start_on    date        not null,   -- 後見開始の審判が確定した日
    end_on      date,                   -- 後見終了の日 (取消し・死亡など)
    recorded_at timestamptz not null,
    recorded_by text        not null,
    primary key (lg_code, atena_no, seq)
);
select kiban_append_only('adult_guardianship', '${appRole}');
select kiban_isolate_tenant('adult_guardianship');

-- The change feed (標準化: PULL-type API first): every committed 異動 of a tenant, in commit order, for other
-- systems to read with a stable cursor. Filled from the resident module's events through the outbox; a redelivered
-- event is recognised by its notification number and not appended twice.
create table change_feed
(
    lg_code         char(6)     not null references tenant,
    seq             bigint      not null,
    recorded_at     timestamptz not null,
    event_type      text        not null,
    notification_no bigint      not null,
    reason          text        not null,
    effective_date  text        not null,
    effective_on    date,
    notified_on     date,
    persons         text        not null,   -- JSON array: atenaNo, rirekiNo, householdNo, status
    primary key (lg_code, seq),
    unique (lg_code, notification_no)
);
select kiban_append_only('change_feed', '${appRole}');
select kiban_isolate_tenant('change_feed');

create table change_feed_head
(
    lg_code  char(6) primary key references tenant,
    last_seq bigint  not null
);
select kiban_isolate_tenant('change_feed_head');

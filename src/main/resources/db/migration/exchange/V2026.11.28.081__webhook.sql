-- Webhooks (push) on top of the change feed: each subscription has a cursor into the feed and advances it only when
-- its endpoint acknowledged a delivery (2xx), so a push is never ahead of the feed and never skips an entry.
create table webhook_subscription
(
    lg_code         char(6)     not null references tenant,
    webhook_id      text        not null,
    url             text        not null,
    secret          text        not null,   -- the HMAC key, shown once when created
    description     text,
    created_at      timestamptz not null,
    created_by      text        not null,
    revoked_at      timestamptz,
    delivered_seq   bigint      not null,   -- feed entries up to this seq were acknowledged
    failures        integer     not null default 0,
    next_attempt_at timestamptz not null,   -- also the lease of a worker delivering now
    last_attempt_at timestamptz,
    last_status     integer,
    last_error      text,
    primary key (lg_code, webhook_id)
);
select kiban_isolate_tenant('webhook_subscription');

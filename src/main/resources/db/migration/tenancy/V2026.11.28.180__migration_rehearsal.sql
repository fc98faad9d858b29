-- Migration rehearsals (移行リハーサル): dry-run imports of a joining municipality's data before go-live
-- (五月雨方式: each joins when its previous system's contract ends). Held by the operator of the joint use about
-- each tenant, like tenant_state_change; no personal data. The import itself is the exchange module's; this
-- records when each rehearsal is planned, when it ran and how it went.
create table migration_rehearsal
(
    lg_code          char(6)     not null references tenant,
    seq              integer     not null,
    planned_on       date        not null,
    performed_on     date,
    outcome          text        not null check (outcome in ('PLANNED', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    records_imported integer check (records_imported >= 0),
    errors           integer check (errors >= 0),
    note             text,
    recorded_at      timestamptz not null,
    recorded_by      text        not null,
    primary key (lg_code, seq),
    check ((outcome in ('PLANNED', 'CANCELLED')) or performed_on is not null)
);

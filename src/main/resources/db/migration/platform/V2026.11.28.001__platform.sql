-- Platform: tenant context, privileges of the application role, append-only guard, event outbox.

-- The tenant of the current transaction. The application sets it with SET LOCAL at the start of every
-- transaction (TenantAwareTransactionManager); unset or empty means "no tenant": policies then match no row.
create function kiban_tenant() returns char(6)
    language sql stable parallel safe
as $$ select nullif(current_setting('kiban.lg_code', true), '')::char(6) $$;

grant usage on schema public to ${appRole};
alter default privileges in schema public grant select, insert, update, delete on tables to ${appRole};
alter default privileges in schema public grant usage, select on sequences to ${appRole};

-- History and logs are append-only: nothing is ever updated or deleted. Attached as a trigger to such tables
-- (in addition to revoking UPDATE and DELETE from the application role), so even the owner cannot by mistake.
create function kiban_forbid_change() returns trigger
    language plpgsql
as $$
begin
    raise exception 'table % is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end
$$;

-- Every tenant-owned table: row-level security, forced (binds the owner too), one policy on kiban_tenant().
create function kiban_isolate_tenant(tbl regclass) returns void
    language plpgsql
as $$
begin
    execute format('alter table %s enable row level security', tbl);
    execute format('alter table %s force row level security', tbl);
    execute format('create policy tenant_isolation on %s using (lg_code = kiban_tenant()) '
                   'with check (lg_code = kiban_tenant())', tbl);
end
$$;

-- History and logs: the application role may only insert and read; the trigger stops everyone else.
create function kiban_append_only(tbl regclass, app_role text) returns void
    language plpgsql
as $$
begin
    execute format('create trigger %s before update or delete on %s for each row execute function kiban_forbid_change()',
                   replace(tbl::text, '.', '_') || '_append_only', tbl);
    execute format('revoke update, delete, truncate on %s from %I', tbl, app_role);
end
$$;

-- Spring Modulith's transactional outbox (spring-modulith-events-jdbc 2.0 schema for PostgreSQL).
create table event_publication
(
    id                     uuid not null,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

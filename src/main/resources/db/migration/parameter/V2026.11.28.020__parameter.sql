-- Parameters: each tenant's effective-dated values for the catalogue's parameters. The catalogue itself
-- (keys, types, standard defaults, legal basis) is defined in code by the modules that use the parameters.
-- Append-only: a change appends a revision; "back to the standard" appends a revision with a null value.
create table parameter_value
(
    lg_code       char(6)     not null references tenant,
    parameter_key text        not null,
    revision      integer     not null,
    valid_from    date        not null,
    value         text,
    reason        text        not null,
    recorded_at   timestamptz not null,
    recorded_by   text        not null,
    primary key (lg_code, parameter_key, revision)
);
create index parameter_value_effective on parameter_value (lg_code, parameter_key, valid_from, revision);
select kiban_append_only('parameter_value', '${appRole}');

select kiban_isolate_tenant('parameter_value');

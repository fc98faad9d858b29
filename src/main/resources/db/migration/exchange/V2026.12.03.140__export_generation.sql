-- Delta exports of the tax and care files (ADR 0016). Their rows carry no number that commits in order (report,
-- version and case numbers are per person or per year, timestamps are taken before commit), so each row is stamped
-- with the tenant's current export generation when it is inserted or updated. An export closes the generation: it
-- waits until no transaction of the tenant that stamped a row is still open (they hold the shared lock until commit),
-- raises the generation, and takes its snapshot before any writer can stamp the new one. Every row stamped with a
-- generation up to the closed one is then in that snapshot, and every later row or change carries a higher one.

create table exchange_generation
(
    lg_code char(6) primary key references tenant,
    current bigint  not null
);
select kiban_isolate_tenant('exchange_generation');

-- Once per transaction and tenant (cached in a transaction-local setting): the shared lock that an export's exclusive
-- one waits for, and the generation to stamp. FOR SHARE makes a repeatable-read writer whose snapshot predates a
-- raise fail (serialization failure, to be retried) instead of stamping the generation already closed.
create function kiban_export_generation() returns trigger
    language plpgsql
as $$
declare
    cached text := current_setting('kiban.export_generation', true);
    g      bigint;
begin
    if cached is not null and cached <> '' and left(cached, 6) = new.lg_code then
        new.export_generation := substr(cached, 8)::bigint;
        return new;
    end if;
    perform pg_advisory_xact_lock_shared(hashtextextended('kiban-export-generation-' || new.lg_code, 0));
    select current into g from exchange_generation where lg_code = new.lg_code for share;
    g := coalesce(g, 0);
    perform set_config('kiban.export_generation', new.lg_code || ':' || g, true);
    new.export_generation := g;
    return new;
end
$$;

do $$
declare
    t text;
begin
    foreach t in array array['tax_income_report', 'tax_return', 'tax_assessment', 'care_insured', 'care_insured_event',
        'care_special_status', 'care_premium_stage_table', 'care_tax_result', 'care_premium_assessment',
        'care_certification_case', 'care_certification_step', 'care_eligibility_certificate_issue']
    loop
        -- Always set by the trigger; nullable only so that copies made with (like …), such as the tax batch's load
        -- table, which take NOT NULL but not the default, still accept rows without it.
        execute format('alter table %I add column export_generation bigint default 0', t);
        execute format('create index %I on %I (lg_code, export_generation)', t || '_export_generation', t);
        -- Updates too: care_insured, care_special_status and care_certification_case are state rows changed in place.
        execute format('create trigger %I before insert or update on %I for each row '
                       'execute function kiban_export_generation()', t || '_export_generation', t);
    end loop;
end
$$;

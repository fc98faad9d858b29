-- Delta exports of the state files (ADR 0016, second part): 世帯, 支援措置 and its 一時解除, 転入通知, 成年被後見人,
-- 印鑑登録 and パラメータ were written whole in every delta (450,000 households in a city of a million). They get the
-- same export generation as the tax and care tables, stamped by the same trigger.
--
-- Rows already there must reach the next delta of every consumer, whatever cursor it holds: a cursor's generation is
-- always below its tenant's current one, so the rows get a generation above every tenant's current one (m + 1, as the
-- column's default at creation: no table rewrite), and every tenant goes on from there, so that later rows are
-- stamped at least as high as these and a cursor that includes them excludes nothing written after it.

do $$
declare
    t      record;
    c      bigint;
    m      bigint := 0;
    tables text[] := array['household', 'protection_measure', 'protection_release', 'move_in_notice',
        'adult_guardianship', 'seal_registration', 'parameter_value'];
    tbl    text;
begin
    for t in select lg_code from tenant loop
        perform set_config('kiban.lg_code', t.lg_code, true);
        select current into c from exchange_generation where lg_code = t.lg_code;
        m := greatest(m, coalesce(c, 0));
    end loop;
    foreach tbl in array tables
    loop
        execute format('alter table %I add column export_generation bigint default %s', tbl, m + 1);
        execute format('alter table %I alter column export_generation set default 0', tbl);
        execute format('create index %I on %I (lg_code, export_generation)', tbl || '_export_generation', tbl);
        execute format('create trigger %I before insert or update on %I for each row '
                       'execute function kiban_export_generation()', tbl || '_export_generation', tbl);
    end loop;
    for t in select lg_code from tenant loop
        perform set_config('kiban.lg_code', t.lg_code, true);
        insert into exchange_generation (lg_code, current) values (t.lg_code, m + 1)
        on conflict (lg_code) do update set current = m + 1;
    end loop;
    perform set_config('kiban.lg_code', '', true);
end
$$;

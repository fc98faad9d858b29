package org.kiban.tenancy.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kiban.common.SearchKey;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.LocalGovernmentKind;
import org.kiban.tenancy.Municipalities;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The list of local governments, read once from {@code local_government} and searched in memory (about two
 * thousand entries that change only with a release).
 */
@Service
class MunicipalityCatalog implements Municipalities {

    private record Entry(LocalGovernment lg, String nameKey, String kanaKey) { }

    private final JdbcClient jdbc;
    private volatile List<Entry> entries;
    private volatile Map<String, Entry> byCode;

    MunicipalityCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LocalGovernment> find(String lgCode) {
        return Optional.ofNullable(index().get(lgCode)).map(Entry::lg);
    }

    @Override
    public List<LocalGovernment> search(Query q) {
        String name = q.namePrefix() == null || q.namePrefix().isBlank() ? null : SearchKey.name(q.namePrefix());
        String kana = q.kanaPrefix() == null || q.kanaPrefix().isBlank() ? null : SearchKey.kana(q.kanaPrefix());
        List<LocalGovernmentKind> kinds = q.kinds() == null ? List.of() : q.kinds();
        return entries().stream()
                .filter(e -> q.prefectureCode() == null || e.lg().prefectureCode().equals(q.prefectureCode()))
                .filter(e -> kinds.isEmpty() ? e.lg().kind() != LocalGovernmentKind.PREFECTURE : kinds.contains(e.lg().kind()))
                .filter(e -> name == null || e.nameKey().startsWith(name))
                .filter(e -> kana == null || e.kanaKey().startsWith(kana))
                .map(Entry::lg)
                .toList();
    }

    @Override
    public List<LocalGovernment> wardsOf(String lgCode) {
        return entries().stream().map(Entry::lg).filter(lg -> lgCode.equals(lg.parentLgCode())).toList();
    }

    private List<Entry> entries() {
        List<Entry> e = entries;
        if (e == null) {
            synchronized (this) {
                if (entries == null) {
                    List<Entry> loaded = jdbc.sql("""
                                    select lg_code, kind, name, kana, prefecture_code, parent_lg_code, population,
                                           households, population_date, living_cost_grade
                                    from local_government order by lg_code""")
                            .query((rs, n) -> new LocalGovernment(rs.getString(1), LocalGovernmentKind.valueOf(rs.getString(2)),
                                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                    (Integer) rs.getObject(7), (Integer) rs.getObject(8),
                                    rs.getObject(9, java.time.LocalDate.class), rs.getString(10)))
                            .list().stream()
                            .map(lg -> new Entry(lg, SearchKey.name(lg.name()), SearchKey.kana(lg.kana())))
                            .sorted(Comparator.comparing(en -> en.lg().lgCode()))
                            .toList();
                    byCode = loaded.stream().collect(Collectors.toUnmodifiableMap(en -> en.lg().lgCode(), Function.identity()));
                    entries = loaded;
                }
                e = entries;
            }
        }
        return e;
    }

    private Map<String, Entry> index() {
        entries();
        return byCode;
    }
}

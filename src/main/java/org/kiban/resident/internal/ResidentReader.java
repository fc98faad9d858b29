package org.kiban.resident.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.common.InvalidValueException;
import org.kiban.common.ResidentDate;
import org.kiban.common.SearchKey;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.resident.ResidentQuery;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.ResidentView;
import org.kiban.resident.Residents;
import org.kiban.resident.SearchResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the registry; each person shown is audited, and each carries its 支援措置 flag. */
@Service
class ResidentReader implements Residents {

    private final ResidentStore store;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ProtectionRegister protections;

    ResidentReader(ResidentStore store, JdbcClient jdbc, AuditTrail audit, ProtectionRegister protections) {
        this.store = store;
        this.jdbc = jdbc;
        this.audit = audit;
        this.protections = protections;
    }

    @Override
    @Transactional
    public ResidentView current(String atenaNo, boolean withIndividualNumber) {
        Row r = store.current(lg(), atenaNo).orElseThrow(() -> ProblemException.notFound("住民", atenaNo));
        return shown(r, false, withIndividualNumber, "current");
    }

    @Override
    @Transactional
    public ResidentView asOf(String atenaNo, LocalDate date, boolean withIndividualNumber) {
        Row r = store.asOf(lg(), atenaNo, date.format(DateTimeFormatter.BASIC_ISO_DATE))
                .orElseThrow(() -> new ProblemException(org.springframework.http.HttpStatus.NOT_FOUND, "not-registered-on", atenaNo, date));
        return shown(r, false, withIndividualNumber, "asOf " + date);
    }

    @Override
    @Transactional
    public ResidentView recordedAsOf(String atenaNo, Instant instant, boolean withIndividualNumber) {
        Row r = store.recordedAsOf(lg(), atenaNo, Timestamp.from(instant))
                .orElseThrow(() -> new ProblemException(org.springframework.http.HttpStatus.NOT_FOUND, "not-registered-on", atenaNo, instant));
        return shown(r, false, withIndividualNumber, "recordedAsOf " + instant);
    }

    @Override
    @Transactional
    public List<ResidentRecord> history(String atenaNo, boolean withIndividualNumber) {
        List<Row> rows = store.history(lg(), atenaNo);
        if (rows.isEmpty()) {
            throw ProblemException.notFound("住民", atenaNo);
        }
        record(atenaNo, withIndividualNumber && rows.stream().anyMatch(r -> r.individualNumber != null), "history");
        return rows.stream().map(r -> mask(r.toRecord(), withIndividualNumber)).toList();
    }

    @Override
    @Transactional
    public HouseholdView household(String householdNo) {
        int version = store.householdVersion(lg(), householdNo).orElseThrow(() -> ProblemException.notFound("世帯", householdNo));
        List<Row> members = store.members(lg(), householdNo);
        Set<String> protectedPersons = protections.protectedAmong(members.stream().map(m -> m.atenaNo).toList());
        List<ResidentView> views = new ArrayList<>();
        for (Row m : members) {
            record(m.atenaNo, false, "household " + householdNo);
            views.add(new ResidentView(mask(m.toRecord(), false), false, false, protectedPersons.contains(m.atenaNo)));
        }
        return new HouseholdView(householdNo, version, members.isEmpty(), views);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ResidentRecord> recordsForIssuance(List<String> atenaNos, LocalDate date) {
        String sort = date.format(DateTimeFormatter.BASIC_ISO_DATE);
        Map<String, Row> byPerson = new java.util.HashMap<>();
        store.asOf(lg(), atenaNos, sort).forEach(r -> byPerson.put(r.atenaNo, r));
        // In the order asked for (a household's order).
        return atenaNos.stream().map(byPerson::get).filter(java.util.Objects::nonNull).map(Row::toRecord).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<ResidentRecord> versionForIssuance(String atenaNo, int rirekiNo) {
        return store.version(lg(), atenaNo, rirekiNo).map(Row::toRecord);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ResidentRecord> householdForIssuance(String householdNo) {
        store.householdVersion(lg(), householdNo).orElseThrow(() -> ProblemException.notFound("世帯", householdNo));
        return store.members(lg(), householdNo).stream().map(Row::toRecord).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, List<ResidentRecord>> historiesForIssuance(List<String> atenaNos) {
        Map<String, List<ResidentRecord>> out = new java.util.LinkedHashMap<>();
        atenaNos.forEach(a -> out.put(a, new ArrayList<>()));
        jdbc.sql("select * from resident_record where lg_code = ? and atena_no = any (?) order by atena_no, rireki_no")
                .params(lg(), atenaNos.toArray(String[]::new)).query(ResidentStore::map).list()
                .forEach(r -> out.get(r.atenaNo).add(r.toRecord()));
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ResidentRecord> historyForIssuance(String atenaNo) {
        return store.history(lg(), atenaNo).stream().map(Row::toRecord).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ResidentRecord> householdMembersOn(String householdNo, LocalDate date) {
        return jdbc.sql("""
                        select * from (
                            select distinct on (atena_no) * from resident_record
                            where lg_code = ? and effective_sort <= ? and atena_no in (
                                select atena_no from resident_record where lg_code = ? and household_no = ?)
                            order by atena_no, effective_sort desc, rireki_no desc) asof
                        where household_no = ? and status = 'RESIDENT'
                        order by household_order, atena_no""")
                .params(lg(), date.format(DateTimeFormatter.BASIC_ISO_DATE), lg(), householdNo, householdNo)
                .query(ResidentStore::map).list().stream().map(Row::toRecord).toList();
    }

    @Override
    @Transactional
    public void forEachRegisteredOn(LocalDate date, String purpose, java.util.function.Consumer<ResidentRecord> action) {
        long[] count = {0};
        jdbc.sql("""
                        select distinct on (atena_no) * from resident_record
                        where lg_code = ? and effective_sort <= ?
                        order by atena_no, effective_sort desc, rireki_no desc""")
                .params(lg(), date.format(DateTimeFormatter.BASIC_ISO_DATE))
                .withFetchSize(2_000)
                .query(rs -> {
                    Row r = ResidentStore.map(rs, 0);
                    if (!r.status.removed()) {
                        count[0]++;
                        action.accept(r.toRecord().withoutIndividualNumber());
                    }
                });
        audit.record(new AuditEvent("resident.bulk-read", "resident", "*", false,
                Map.of("date", date.toString(), "purpose", purpose, "persons", Long.toString(count[0]))));
    }

    private ResidentView shown(Row r, boolean matchedInHistory, boolean withIndividualNumber, String purpose) {
        record(r.atenaNo, withIndividualNumber && r.individualNumber != null, purpose);
        return new ResidentView(mask(r.toRecord(), withIndividualNumber), r.status.removed(), matchedInHistory,
                !protections.protectedAmong(List.of(r.atenaNo)).isEmpty());
    }

    private void record(String atenaNo, boolean individualNumberShown, String purpose) {
        audit.record(new AuditEvent("resident.viewed", "resident", atenaNo, individualNumberShown, Map.of("view", purpose)));
    }

    private static ResidentRecord mask(ResidentRecord r, boolean withIndividualNumber) {
        return withIndividualNumber ? r : r.withoutIndividualNumber();
    }

    // ---- search (§2.1.2, §2.1.3; standards.md §1.11)

    @Override
    @Transactional
    public SearchResult search(ResidentQuery q) {
        String lg = lg();
        StringBuilder where = new StringBuilder("r.lg_code = ?");
        List<Object> args = new ArrayList<>();
        args.add(lg);
        boolean any = false;
        if (notBlank(q.name())) {
            String key = SearchKey.name(q.name());
            if (q.partial()) {
                String pattern = "%" + like(key) + "%";
                where.append(" and (r.name_key like ? or r.alias_key like ? or r.former_surname_key like ?)");
                args.add(pattern);
                args.add(pattern);
                args.add(pattern);
            } else {
                where.append(" and (").append(prefix("r.name_key", key, args)).append(" or ")
                        .append(prefix("r.alias_key", key, args)).append(" or ")
                        .append(prefix("r.former_surname_key", key, args)).append(")");
            }
            any = true;
        }
        if (notBlank(q.kana())) {
            String key = SearchKey.kana(q.kana());
            where.append(" and (").append(prefix("r.kana_key", key, args)).append(" or ")
                    .append(prefix("r.given_kana_key", key, args)).append(")");
            any = true;
        }
        if (notBlank(q.birthDate())) {
            ResidentDate d;
            try {
                d = ResidentDate.parse(q.birthDate().strip());
            } catch (InvalidValueException e) {
                throw new InvalidValueException(e.code(), "生年月日：" + e.getMessage());
            }
            where.append(" and r.birth_sort = ?");
            args.add(d.sortKey());
            any = true;
        }
        if (notBlank(q.address())) {
            where.append(" and r.address_key like ?");
            args.add("%" + like(SearchKey.name(q.address())) + "%");
            any = true;
        }
        any |= exact(where, args, "r.atena_no", q.atenaNo());
        any |= exact(where, args, "r.household_no", q.householdNo());
        any |= exact(where, args, "r.juminhyo_code", q.juminhyoCode());
        any |= exact(where, args, "r.individual_number", q.individualNumber());
        if (!any) {
            throw new InvalidValueException("search-criteria-required", "検索条件を1つ以上指定してください。");
        }
        if (q.page() < 0 || q.size() < 1 || q.size() > 100) {
            throw new InvalidValueException("invalid-page", "page は0以上、size は1〜100で指定してください。");
        }
        String today = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
        // At most CANDIDATES matching versions are considered: a broad prefix (サト, ヤマ) answers with the first of
        // them, sorted, and `truncated`, asking for another criterion, instead of sorting tens of thousands of persons.
        List<String[]> versions = jdbc.sql("select r.atena_no, r.rireki_no from resident_record r where " + where
                        + " limit " + (CANDIDATES + 1))
                .params(args).query((rs, n) -> new String[] {rs.getString(1), Integer.toString(rs.getInt(2))}).list();
        boolean truncated = versions.size() > CANDIDATES;
        Map<String, Integer> matched = new java.util.HashMap<>();
        for (String[] v : versions.subList(0, Math.min(versions.size(), CANDIDATES))) {
            matched.merge(v[0], Integer.parseInt(v[1]), Math::max);
        }
        String[] candidates = matched.keySet().toArray(String[]::new);
        String filter = q.includeRemoved() ? "" : " and (c.status = 'RESIDENT' or (c.status = 'MOVED_OUT' and cur.removed_sort > ?))";
        String from = " from resident_current c"
                + " join resident_record cur on cur.lg_code = c.lg_code and cur.atena_no = c.atena_no and cur.rireki_no = c.rireki_no"
                + " where c.lg_code = ? and c.atena_no = any (?)" + filter;
        List<Object> fromArgs = new ArrayList<>(List.of(lg, candidates));
        if (!q.includeRemoved()) {
            fromArgs.add(today);
        }
        long total = jdbc.sql("select count(*)" + from).params(fromArgs).query(Long.class).single();
        List<Object> pageArgs = new ArrayList<>(fromArgs);
        pageArgs.add(q.size());
        pageArgs.add((long) q.page() * q.size());
        List<Hit> found = jdbc.sql("select cur.*" + from
                        + " order by cur.name_kana collate \"ja-x-icu\" nulls last, cur.atena_no limit ? offset ?")
                .params(pageArgs)
                .query((rs, n) -> {
                    Row row = ResidentStore.map(rs, n);
                    return new Hit(row, matched.get(row.atenaNo));
                })
                .list();
        Set<String> protectedPersons = protections.protectedAmong(found.stream().map(h -> h.row.atenaNo).toList());
        boolean byIndividualNumber = notBlank(q.individualNumber());
        List<ResidentView> views = new ArrayList<>();
        for (Hit h : found) {
            audit.record(new AuditEvent("resident.viewed", "resident", h.row.atenaNo, false,
                    byIndividualNumber ? Map.of("view", "search", "byIndividualNumber", true) : Map.of("view", "search")));
            views.add(new ResidentView(h.row.toRecord().withoutIndividualNumber(), h.row.status.removed(),
                    h.matched < h.row.rirekiNo, protectedPersons.contains(h.row.atenaNo)));
        }
        return new SearchResult(total, q.page(), q.size(), truncated, views);
    }

    /** Most matching versions one search considers. */
    static final int CANDIDATES = 500;

    /**
     * {@code column} starts with {@code key}, as a range: unlike LIKE, the range operators are leakproof, so under
     * row-level security the planner may still use the index (LIKE forces a scan of the tenant's rows).
     */
    private static String prefix(String column, String key, List<Object> args) {
        if (key.isEmpty()) {
            throw new InvalidValueException("search-criteria-required", "検索する文字を指定してください。");
        }
        int last = key.codePointBefore(key.length());
        String upper = key.substring(0, key.length() - Character.charCount(last)) + new String(Character.toChars(last + 1));
        args.add(key);
        args.add(upper);
        return "(" + column + " ~>=~ ? and " + column + " ~<~ ?)";
    }

    private record Hit(Row row, int matched) {
    }

    private static boolean exact(StringBuilder where, List<Object> args, String column, String value) {
        if (!notBlank(value)) {
            return false;
        }
        where.append(" and ").append(column).append(" = ?");
        args.add(value.strip());
        return true;
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String lg() {
        return TenantContext.requireLgCode();
    }

}

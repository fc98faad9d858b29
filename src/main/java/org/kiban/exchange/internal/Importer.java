package org.kiban.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.common.CheckDigits;
import org.kiban.common.InvalidValueException;
import org.kiban.common.ResidentDate;
import org.kiban.exchange.internal.layout.Item;
import org.kiban.exchange.internal.layout.ItemType;
import org.kiban.exchange.internal.layout.LayoutFile;
import org.kiban.exchange.internal.layout.StandardLayout;
import org.kiban.platform.Actor;
import org.kiban.platform.CopyText;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.resident.RecordDerivation;
import org.kiban.resident.Relationship;
import org.kiban.resident.ResidentKind;
import org.kiban.tenancy.Tenants;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import of a standard-layout file set into an empty tenant, in one transaction: each file is read as a stream,
 * every value checked (type, code, check digit, date) and COPYed into a temporary staging table of the
 * transaction; then the whole set is checked in SQL (duplicate keys, references between files, 履歴番号 without
 * gaps); every problem is reported with its file, line and item. Only when there is none does the same transaction
 * move the staged rows into the registry's tables and commit: all or nothing, whatever happens to the process
 * (a killed import leaves an open transaction that PostgreSQL rolls back). A file set imported before is
 * recognised by its fingerprint and not imported again.
 */
@Service
public class Importer {

    /** Errors kept in memory for the report; every error still goes to the listener as it is found. */
    static final int KEPT_ERRORS = 10_000;

    private static final Pattern DIGITS7 = Pattern.compile("[0-9]{7}");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final List<String> RESIDENT_DERIVED = List.of("effective_sort", "birth_sort", "birth_exact",
            "removed_sort", "name_key", "kana_key", "given_kana_key", "alias_key", "former_surname_key", "address_key");
    /** The tables an import fills: the tenant must have no row in any of them. */
    private static final List<String> TARGETS = List.of("resident_notification", "household", "resident_record",
            "protection_measure", "protection_release", "move_in_notice", "adult_guardianship", "seal_registration",
            "certificate_issue", "parameter_value", "tax_income_report", "tax_return", "tax_assessment", "care_insured",
            "care_insured_event", "care_special_status", "care_premium_stage_table", "care_tax_result",
            "care_premium_assessment", "care_certification_case", "care_certification_step",
            "care_eligibility_certificate_issue");

    /**
     * @param dryRun           only check, never write
     * @param allowOtherTenant accept files exported from another tenant (a copy for training or tests)
     */
    public record Options(boolean dryRun, boolean allowOtherTenant) {
    }

    /** What an import did or found. */
    public record Report(String lgCode, boolean dryRun, boolean imported, boolean alreadyImported, long rows,
                         long errorCount, List<ImportError> errors, List<String> warnings, Duration elapsed) {
    }

    /** Progress (rows read of the manifest's total) and each error as found. */
    public interface Listener {
        void progress(String phase, long rows, long total, Duration elapsed);

        default void error(ImportError error) {
        }
    }

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final Tenants tenants;
    private final RecordDerivation derivation;
    private final JsonMapper json;

    Importer(JdbcTemplate jdbcTemplate, JdbcClient jdbc, PlatformTransactionManager transactions, AuditTrail audit,
             Tenants tenants, RecordDerivation derivation, JsonMapper json) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.audit = audit;
        this.tenants = tenants;
        this.derivation = derivation;
        this.json = json;
    }

    public Report importFrom(String lgCode, Path dir, Options options, Listener listener) {
        if (tenants.find(lgCode).isEmpty()) {
            throw ProblemException.notFound("テナント", lgCode);
        }
        Instant startedAt = Instant.now();
        Run run = new Run(lgCode, dir, options, listener == null ? (p, r, t, e) -> { } : listener);
        Manifest manifest = run.readManifest();
        Actor actor = TenantContext.currentActor();
        Report report = attempt(lgCode, run, manifest, actor);
        if (!report.alreadyImported()) {
            // Kept in a transaction of its own: the import's transaction rolled back whatever it found.
            String source = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
            String fileSet = manifest == null || manifest.files() == null || manifest.layoutVersion() == null
                    || manifest.files().stream().anyMatch(java.util.Objects::isNull) ? null : manifest.fileSetSha256();
            TenantContext.runAs(lgCode, actor, () -> tx.executeWithoutResult(s -> ImportAttempts.record(jdbc, lgCode, report,
                    source, fileSet, startedAt, Instant.now())));
        }
        return report;
    }

    private Report attempt(String lgCode, Run run, Manifest manifest, Actor actor) {
        if (manifest == null || run.errorCount > 0) {
            return run.report(false, false, 0);
        }
        Optional<Instant> before = TenantContext.callAs(lgCode, actor,
                () -> tx.execute(s -> Runs.imported(jdbc, lgCode, manifest.fileSetSha256())));
        if (before.isPresent()) {
            run.warnings.add("この組（" + manifest.fileSetSha256().substring(0, 12) + "…）は " + before.get()
                    + " に取り込み済みです。何もしませんでした。");
            return run.report(false, true, 0);
        }
        return TenantContext.callAs(lgCode, actor, () -> tx.execute(status -> {
            Report report = run.execute(manifest);
            if (!report.imported()) {
                status.setRollbackOnly();
            }
            return report;
        }));
    }

    /** The state of one import. */
    private final class Run {
        final String lg;
        final Path dir;
        final Options options;
        final Listener listener;
        final long started = System.nanoTime();
        final List<ImportError> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final Map<LayoutFile, Map<String, Range>> ranges = new java.util.HashMap<>();
        long errorCount;
        long rows;
        long total;
        long lastTick = System.nanoTime();

        Run(String lg, Path dir, Options options, Listener listener) {
            this.lg = lg;
            this.dir = dir;
            this.options = options;
            this.listener = listener;
        }

        void error(String file, long line, String item, String message) {
            ImportError e = new ImportError(file, line, item, message);
            errorCount++;
            if (errors.size() < KEPT_ERRORS) {
                errors.add(e);
            }
            listener.error(e);
        }

        Report report(boolean imported, boolean already, long importedRows) {
            return new Report(lg, options.dryRun(), imported, already, imported ? importedRows : rows, errorCount,
                    List.copyOf(errors), List.copyOf(warnings), Duration.ofNanos(System.nanoTime() - started));
        }

        void tick(String phase, boolean force) {
            long now = System.nanoTime();
            if (force || now - lastTick > 2_000_000_000L) {
                lastTick = now;
                listener.progress(phase, rows, total, Duration.ofNanos(now - started));
            }
        }

        // ---- manifest

        Manifest readManifest() {
            String name = StandardLayout.MANIFEST;
            Manifest m;
            try {
                m = json.readValue(Files.readAllBytes(dir.resolve(name)), Manifest.class);
            } catch (NoSuchFileException e) {
                error(name, 0, null, "マニフェスト（" + name + "）がありません。");
                return null;
            } catch (IOException | JacksonException e) {
                error(name, 0, null, "マニフェストを読めません（" + e.getMessage() + "）。");
                return null;
            }
            List<LayoutFile> versionFiles = StandardLayout.files(m.layoutVersion());
            if (versionFiles == null) {
                error(name, 0, "layoutVersion", "レイアウトの版「" + m.layoutVersion() + "」は取り込めません（この Kiban は第"
                        + StandardLayout.VERSION + "版、第" + StandardLayout.VERSION_1_0 + "版も取り込めます）。");
                versionFiles = StandardLayout.FILES;
            }
            if (!Manifest.FULL.equals(m.kind())) {
                error(name, 0, "kind", "差分（" + m.kind() + "）は取り込めません。全件の書き出しを指定してください。");
            }
            if (m.lgCode() == null || !m.lgCode().equals(lg) && !options.allowOtherTenant()) {
                error(name, 0, "lgCode", "団体コード " + m.lgCode() + " の書き出しです（取り込み先は " + lg
                        + "）。別の団体のデータを取り込むときは明示してください（--allow-other-tenant）。");
            }
            List<String> expected = versionFiles.stream().map(LayoutFile::file).toList();
            List<String> listed = m.files() == null ? List.of() : m.files().stream().map(Manifest.FileEntry::file).toList();
            if (!listed.equals(expected)) {
                error(name, 0, "files", "ファイルの一覧がレイアウトと違います（必要: " + String.join(", ", expected)
                        + "／記載: " + String.join(", ", listed) + "）。");
            }
            total = m.files() == null ? 0 : m.rows();
            return m;
        }

        // ---- the transaction

        Report execute(Manifest m) {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('kiban-import-' || ?))").param(lg).query(Object.class).list();
            List<String> used = TARGETS.stream().filter(t -> jdbc.sql("select exists (select 1 from " + t + " where lg_code = ?)")
                    .param(lg).query(Boolean.class).single()).toList();
            if (!used.isEmpty()) {
                error(StandardLayout.MANIFEST, 0, null, "取り込み先のテナント " + lg + " にはすでにデータがあります（" + String.join(", ", used)
                        + "）。取り込みは空のテナントにだけできます。");
            }
            List<LayoutFile> present = StandardLayout.files(m.layoutVersion());
            for (LayoutFile f : StandardLayout.FILES) {
                // A file the set's version did not have yet (1.0: 転入通知, 成年被後見人) is staged empty.
                stage(f, m.entry(f.file()), present.contains(f));
            }
            tick("検証", true);
            for (LayoutFile f : StandardLayout.FILES) {
                check(f);
            }
            if (errorCount > 0 || options.dryRun()) {
                return report(false, false, 0);
            }
            tick("反映", true);
            Instant startedAt = Instant.now();
            try {
                switchOver();
            } catch (DataAccessException e) {
                error(StandardLayout.MANIFEST, 0, null, "反映できませんでした（" + e.getMostSpecificCause().getMessage() + "）。");
                return report(false, false, 0);
            }
            Runs.record(jdbc, lg, "IMPORT", m, m.lgCode(), startedAt, Instant.now());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("sourceLgCode", m.lgCode());
            detail.put("exportedAt", m.exportedAt());
            detail.put("rows", m.rows());
            detail.put("fileSetSha256", m.fileSetSha256());
            m.files().forEach(f -> detail.put(f.file(), f.rows()));
            audit.record(new AuditEvent("exchange.imported", "tenant", lg, false, detail));
            tick("完了", true);
            return report(true, false, rows);
        }

        // ---- staging

        String staging(LayoutFile f) {
            return "stage_" + f.table();
        }

        List<String> columns(LayoutFile f) {
            return tableColumns(f);
        }

        void stage(LayoutFile f, Manifest.FileEntry entry, boolean inVersion) {
            String s = staging(f);
            List<String> cols = columns(f);
            // CREATE TABLE AS takes the types but no NOT NULL: a row with a bad value is staged with it empty and
            // marked, so that other rows' references to it are not reported as dangling too. The file's line and the
            // mark are named stage_… so that they cannot clash with a column of the table (tax_income_report.line_no).
            jdbc.sql("create temp table " + s + " on commit drop as select " + String.join(", ", cols) + " from "
                    + f.table() + " where false").update();
            jdbc.sql("alter table " + s + " add column stage_line_no bigint, add column stage_bad boolean").update();
            if (!inVersion) {
                return;
            }
            Path path = dir.resolve(f.file());
            if (!Files.isRegularFile(path)) {
                error(f.file(), 0, null, "ファイルがありません。");
                return;
            }
            ranges(f);   // read before the COPY: the connection answers nothing else while it runs
            CopyText out = CopyText.open(jdbcTemplate, "copy " + s + " (" + String.join(", ", cols) + ", stage_line_no, stage_bad) from stdin");
            MessageDigest sha = Exporter.sha256();
            long fileRows = 0;
            boolean headerOk = false;
            try (InputStream in = new DigestInputStream(Files.newInputStream(path), sha)) {
                CsvReader reader = new CsvReader(in, p -> error(f.file(), p.line(), null, p.message()));
                CsvReader.Row header = reader.next();
                headerOk = checkHeader(f, header);
                if (headerOk) {
                    List<Object> values = new ArrayList<>(cols.size() + 2);
                    for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                        fileRows++;
                        rows++;
                        if ((rows & 1023) == 0) {
                            tick("読み込み", false);
                        }
                        if (row.values() == null) {
                            continue;
                        }
                        if (row.values().size() != f.items().size()) {
                            error(f.file(), row.line(), null, "項目数が " + row.values().size() + " です（" + f.items().size()
                                    + " 項目必要です）。");
                            continue;
                        }
                        values.clear();
                        boolean bad = convert(f, row, values);
                        values.add(row.line());
                        values.add(bad ? "t" : "f");
                        out.row(values);
                    }
                }
                out.finish();
            } catch (IOException e) {
                out.cancel();
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                out.cancel();
                throw new IllegalStateException("COPY into " + s + " failed: " + e.getMessage(), e);
            }
            if (headerOk && entry != null) {
                if (fileRows != entry.rows()) {
                    error(f.file(), 0, null, "件数が " + fileRows + " 件です（マニフェストでは " + entry.rows() + " 件）。");
                }
                String actual = HexFormat.of().formatHex(sha.digest());
                if (!actual.equals(entry.sha256())) {
                    error(f.file(), 0, null, "SHA-256 がマニフェストと一致しません（ファイルが変わっているか、壊れています）。");
                }
            }
            jdbc.sql("analyze " + s).update();
        }

        boolean checkHeader(LayoutFile f, CsvReader.Row header) {
            if (header == null) {
                error(f.file(), 1, null, "ファイルが空です（1行目に項目名が必要です）。");
                return false;
            }
            if (header.values() == null) {
                return false;
            }
            List<String> expected = f.header();
            if (header.values().equals(expected)) {
                return true;
            }
            List<String> found = header.values();
            for (int i = 0; i < Math.max(found.size(), expected.size()); i++) {
                String want = i < expected.size() ? expected.get(i) : null;
                String got = i < found.size() ? found.get(i) : null;
                if (want == null ? got != null : !want.equals(got)) {
                    error(f.file(), 1, want, "1行目の項目名がレイアウトと違います（" + (i + 1) + "番目は「" + want
                            + "」のはずが「" + got + "」）。項目名の行が正しくないため、このファイルの行は検査していません。");
                    break;
                }
            }
            return false;
        }

        /** Appends the row's staged values to {@code out}; returns whether any value was bad (reported). */
        boolean convert(LayoutFile f, CsvReader.Row row, List<Object> out) {
            boolean bad = false;
            out.add(lg);
            List<Item> items = f.items();
            String[] raw = row.values().toArray(String[]::new);
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                String v = raw[i];
                if (v == null) {
                    if (item.required()) {
                        error(f.file(), row.line(), item.name(), "必須の項目が空です。");
                        bad = true;
                    }
                    out.add(null);
                    continue;
                }
                try {
                    Object value = value(item, v);
                    Range range = ranges(f).get(item.column());
                    if (range != null) {
                        range.check(v);
                    }
                    out.add(value);
                } catch (InvalidValueException e) {
                    error(f.file(), row.line(), item.name(), e.getMessage());
                    bad = true;
                    out.add(null);
                }
            }
            if (f == StandardLayout.RESIDENT) {
                bad |= deriveResident(f, row, raw, out);
            }
            return bad;
        }

        /**
         * The bounds of the file's numeric columns narrower than the item type (integer: 4 bytes; numeric(p, s)), read
         * from the table: a value beyond them is an error of its line, not a failed COPY.
         */
        Map<String, Range> ranges(LayoutFile f) {
            return ranges.computeIfAbsent(f, file -> {
                Map<String, Range> r = new java.util.HashMap<>();
                jdbc.sql("""
                                select column_name, data_type, numeric_precision, numeric_scale from information_schema.columns
                                where table_schema = current_schema() and table_name = ? and data_type in ('integer', 'smallint', 'numeric')""")
                        .param(file.table())
                        .query((rs, n) -> {
                            String column = rs.getString(1);
                            Optional<Item> item = file.item(column);
                            if (item.isPresent() && (item.get().type() == ItemType.INTEGER || item.get().type() == ItemType.DECIMAL)) {
                                r.put(column, switch (rs.getString(2)) {
                                    case "integer" -> new Range(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, -1);
                                    case "smallint" -> new Range(Short.MIN_VALUE, Short.MAX_VALUE, -1, -1);
                                    default -> rs.getObject(3) == null ? null
                                            : new Range(0, 0, rs.getInt(3) - rs.getInt(4), rs.getInt(4));
                                });
                            }
                            return null;
                        }).list();
                r.values().removeIf(java.util.Objects::isNull);
                return r;
            });
        }

        boolean deriveResident(LayoutFile f, CsvReader.Row row, String[] raw, List<Object> out) {
            Object kind = out.get(1 + index(f, "resident_kind"));
            try {
                if (kind == null || raw[index(f, "name")] == null || raw[index(f, "address")] == null
                        || raw[index(f, "effective_date")] == null || raw[index(f, "birth_date")] == null) {
                    throw new InvalidValueException("incomplete", "");
                }
                RecordDerivation.Derived d = derivation.derive(ResidentKind.valueOf((String) kind),
                        raw[index(f, "effective_date")], raw[index(f, "birth_date")], raw[index(f, "removed_on")],
                        raw[index(f, "name")], raw[index(f, "name_kana")], raw[index(f, "alias")],
                        raw[index(f, "former_surname")], raw[index(f, "address")]);
                out.add(d.effectiveSort());
                out.add(d.birthSort());
                out.add(d.birthExact());
                out.add(d.removedSort());
                out.add(d.nameKey());
                out.add(d.kanaKey());
                out.add(d.givenKanaKey());
                out.add(d.aliasKey());
                out.add(d.formerSurnameKey());
                out.add(d.addressKey());
                return false;
            } catch (InvalidValueException e) {
                if (!e.code().equals("incomplete")) {
                    String message = e.getMessage();
                    String item = message.startsWith("生年月日") ? "生年月日" : message.startsWith("消除年月日") ? "消除年月日" : "異動年月日";
                    error(f.file(), row.line(), item, message.replaceFirst("^[^：]+：", ""));
                }
                for (int i = 0; i < RESIDENT_DERIVED.size(); i++) {
                    out.add(null);
                }
                return true;
            }
        }

        // ---- checks over the whole set

        void check(LayoutFile f) {
            String s = staging(f);
            String keyNames = f.key().stream().map(c -> f.itemOf(c).name()).collect(Collectors.joining("・"));
            duplicates(f, s, f.key(), "キー（" + keyNames + "）");
            for (List<String> unique : f.uniques()) {
                duplicates(f, s, unique, unique.stream().map(c -> f.itemOf(c).name()).collect(Collectors.joining("・")));
            }
            for (LayoutFile.Reference r : f.references()) {
                LayoutFile target = StandardLayout.file(r.targetFile());
                String item = f.itemOf(r.column()).name();
                String values = r.columns().size() == 1 ? r.column() + "::text"
                        : r.columns().stream().map(c -> c + "::text").collect(Collectors.joining(" || '・' || "));
                String match = java.util.stream.IntStream.range(0, r.columns().size())
                        .mapToObj(i -> "t." + r.targetColumns().get(i) + " = s." + r.columns().get(i))
                        .collect(Collectors.joining(" and "));
                String targetNames = r.targetColumns().stream().map(c -> target.itemOf(c).name())
                        .collect(Collectors.joining("・"));
                String names = r.columns().stream().map(c -> f.itemOf(c).name()).collect(Collectors.joining("・"));
                jdbc.sql("select stage_line_no, " + values + " from " + s + " s where " + r.column()
                                + " is not null and not exists (select 1 from " + staging(target) + " t where " + match
                                + ") order by stage_line_no")
                        .query((rs, n) -> {
                            error(f.file(), rs.getLong(1), item, names + "「" + rs.getString(2) + "」が " + target.file() + " の"
                                    + targetNames + "にありません。");
                            return null;
                        }).list();
            }
            if (f.sequence() != null) {
                List<String> g = f.sequence().group();
                String n = f.sequence().number();
                String item = f.itemOf(n).name();
                String groupNames = g.stream().map(c -> f.itemOf(c).name()).collect(Collectors.joining("・"));
                String groupPresent = g.stream().map(c -> " and " + c + " is not null").collect(Collectors.joining());
                String sameGroup = g.stream().map(c -> "p." + c + " = s." + c + " and ").collect(Collectors.joining());
                jdbc.sql("select stage_line_no, " + n + " from " + s + " s where " + n + " is not null" + groupPresent + " and ("
                                + n + " < 1 or " + n + " > 1 and not exists (select 1 from " + s + " p where " + sameGroup
                                + "p." + n + " = s." + n + " - 1)) order by stage_line_no")
                        .query((rs, k) -> {
                            long no = rs.getLong(2);
                            error(f.file(), rs.getLong(1), item, no < 1 ? item + "は1から始まります。"
                                    : item + " " + no + " の前の " + (no - 1) + " がありません（" + groupNames
                                    + "ごとに1から欠番なく続けてください）。");
                            return null;
                        }).list();
            }
        }

        void duplicates(LayoutFile f, String s, List<String> cols, String what) {
            String partition = String.join(", ", cols);
            String notNull = cols.stream().map(c -> c + " is not null").collect(Collectors.joining(" and "));
            jdbc.sql("select stage_line_no, first from (select stage_line_no, min(stage_line_no) over (partition by " + partition
                            + ") as first from " + s + " where " + notNull + ") d where stage_line_no <> first order by stage_line_no")
                    .query((rs, n) -> {
                        error(f.file(), rs.getLong(1), f.itemOf(cols.get(0)).name(), what + "が " + rs.getLong(2)
                                + " 行目と重複しています。");
                        return null;
                    }).list();
        }

        // ---- the switch

        void switchOver() {
            for (LayoutFile f : StandardLayout.FILES) {
                String cols = String.join(", ", columns(f));
                int n = jdbc.sql("insert into " + f.table() + " (" + cols + ") select " + cols + " from " + staging(f)
                        + " order by " + String.join(", ", f.key())).update();
                tick("反映 " + f.file() + " " + n + " 件", true);
            }
            jdbc.sql("""
                    insert into resident_current (lg_code, atena_no, rireki_no, household_no, status)
                    select distinct on (atena_no) lg_code, atena_no, rireki_no, household_no, status
                    from stage_resident_record order by atena_no, rireki_no desc""").update();
            sequence("ATENA", "select max(left(atena_no, -1)::bigint) from stage_resident_record");
            sequence("HOUSEHOLD", "select max(left(household_no, -1)::bigint) from stage_household");
            sequence("NOTIFICATION", "select max(notification_no) from stage_resident_notification");
            sequence("PROTECTION", "select max(measure_no) from stage_protection_measure");
            sequence("RELEASE", "select max(release_no) from stage_protection_release");
            jdbc.sql("insert into seal_counter (lg_code, last) select ?, max(registration_no) from stage_seal_registration "
                    + "having count(*) > 0").param(lg).update();
            jdbc.sql("insert into care_counter (lg_code, last_insured_no) select ?, max(insured_no::bigint) "
                    + "from stage_care_insured having count(*) > 0").param(lg).update();
            jdbc.sql("insert into care_certification_counter (lg_code, last) select ?, max(case_no) "
                    + "from stage_care_certification_case having count(*) > 0").param(lg).update();
            jdbc.sql("""
                    insert into certificate_daily_counter (lg_code, day, last)
                    select ?, to_date((issue_seq / 100000)::text, 'YYYYMMDD'), max(issue_seq % 100000)
                    from stage_certificate_issue group by 2""").param(lg).update();
            // The public verification facts. A code already known to this deployment belongs to the tenant the
            // files came from (a copy into another tenant): it keeps pointing there.
            int verifiable = jdbc.sql("""
                    insert into certificate_verification (verification_code, lg_code, issue_seq, form, issue_no,
                        issued_at, pages, sha256, reissue)
                    select verification_code, lg_code, issue_seq, form, issue_no, issued_at, pages, sha256,
                        reissue_of is not null
                    from stage_certificate_issue order by issue_seq
                    on conflict (verification_code) do nothing""").update();
            long issues = jdbc.sql("select count(*) from stage_certificate_issue").query(Long.class).single();
            if (verifiable < issues) {
                warnings.add("交付履歴 " + (issues - verifiable) + " 件の照合番号は、この Kiban の別の団体（書き出し元）で"
                        + "使われているため、照合先は書き出し元のままです。");
            }
        }

        void sequence(String kind, String maxSql) {
            Long max = jdbc.sql(maxSql).query(Long.class).optional().orElse(null);
            if (max != null) {
                jdbc.sql("""
                                insert into resident_number_sequence (lg_code, kind, last_base) values (?, ?, ?)
                                on conflict (lg_code, kind) do update set last_base = greatest(resident_number_sequence.last_base, excluded.last_base)""")
                        .params(lg, kind, max).update();
            }
        }
    }

    /**
     * What a numeric column holds beyond its item type: an integer between {@code min} and {@code max}, or (when
     * {@code integerDigits} is not negative) a decimal of at most that many integer and {@code scale} decimal digits.
     */
    record Range(long min, long max, int integerDigits, int scale) {

        void check(String v) {
            if (integerDigits < 0) {
                long n = Long.parseLong(v);
                if (n < min || n > max) {
                    throw invalid("「" + v + "」は範囲を超えています（" + min + " 〜 " + max + " の整数で書いてください）。");
                }
                return;
            }
            String digits = v.startsWith("-") ? v.substring(1) : v;
            int point = digits.indexOf('.');
            String whole = (point < 0 ? digits : digits.substring(0, point)).replaceFirst("^0+(?=.)", "");
            int decimals = point < 0 ? 0 : digits.length() - point - 1;
            if (whole.length() > Math.max(integerDigits, 1) || whole.length() == 1 && integerDigits == 0 && !whole.equals("0")
                    || decimals > scale) {
                throw invalid("「" + v + "」は範囲を超えています（整数部 " + integerDigits + " 桁・小数部 " + scale
                        + " 桁までで書いてください）。");
            }
        }
    }

    /** The columns of {@code f}'s table an import writes: the tenant, every item, and what is derived from them. */
    public static List<String> tableColumns(LayoutFile f) {
        List<String> cols = new ArrayList<>();
        cols.add("lg_code");
        f.items().forEach(i -> cols.add(i.column()));
        if (f == StandardLayout.RESIDENT) {
            cols.addAll(RESIDENT_DERIVED);
        }
        return cols;
    }

    private static int index(LayoutFile f, String column) {
        List<Item> items = f.items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).column().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException(column);
    }

    /** The value for the staging COPY, or InvalidValueException with a Japanese message. */
    Object value(Item item, String v) {
        ItemType t = item.type();
        switch (t) {
            case TEXT, BIRTH_DATE:
                return v;
            case JSON:
                try {
                    json.readTree(v);
                } catch (JacksonException e) {
                    throw invalid("JSON として読めません。");
                }
                return v;
            case INTEGER:
                try {
                    return Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw invalid("「" + v + "」は整数ではありません。");
                }
            case DECIMAL:
                if (!DECIMAL.matcher(v).matches()) {
                    throw invalid("「" + v + "」は数値ではありません。");
                }
                return v;
            case DATE:
                try {
                    return LocalDate.parse(v);
                } catch (DateTimeParseException e) {
                    throw invalid("「" + v + "」は日付ではありません（西暦 YYYY-MM-DD の実在する日付で書いてください）。");
                }
            case TIMESTAMP:
                try {
                    OffsetDateTime.parse(v);
                    return v;
                } catch (DateTimeParseException e) {
                    throw invalid("「" + v + "」は日時ではありません（YYYY-MM-DDThh:mm:ss.ffffff+09:00）。");
                }
            case RESIDENT_DATE:
                try {
                    ResidentDate.parse(v);
                    return v;
                } catch (InvalidValueException e) {
                    throw invalid("「" + v + "」は読めません（" + e.getMessage() + "）");
                }
            case CODE: {
                String stored = item.codes().storedOf(v);
                if (stored == null) {
                    throw invalid("コード「" + v + "」は " + item.codes().id() + " " + item.codes().name() + " にありません。");
                }
                return stored;
            }
            case CODE_LIST: {
                if (v.isEmpty()) {
                    return "{}";
                }
                List<String> stored = new ArrayList<>();
                for (String code : v.split(",", -1)) {
                    String s = item.codes().storedOf(code);
                    if (s == null) {
                        throw invalid("コード「" + code + "」は " + item.codes().id() + " " + item.codes().name() + " にありません。");
                    }
                    stored.add(s);
                }
                return "{" + String.join(",", stored) + "}";
            }
            case INTEGER_LIST: {
                if (v.isEmpty()) {
                    return "{}";
                }
                List<String> numbers = new ArrayList<>();
                for (String n : v.split(",", -1)) {
                    try {
                        numbers.add(Long.toString(Long.parseLong(n)));
                    } catch (NumberFormatException e) {
                        throw invalid("「" + n + "」は整数ではありません（整数をカンマで区切って書いてください）。");
                    }
                }
                return "{" + String.join(",", numbers) + "}";
            }
            case FLAG:
                if (v.equals("1")) {
                    return "t";
                }
                if (v.equals("0")) {
                    return "f";
                }
                throw invalid("「" + v + "」は 1 か 0 で書いてください。");
            case ATENA_NO:
                if (!CheckDigits.isValidAtenaNo(v)) {
                    throw invalid("「" + v + "」は半角数字で、末尾の検査数字（M11W2-7）が正しくありません。");
                }
                return v;
            case JUMINHYO_CODE:
                if (!CheckDigits.isValidJuminhyoCode(v)) {
                    throw invalid("「" + v + "」は11桁の数字で、検査数字が正しくありません。");
                }
                return v;
            case INDIVIDUAL_NUMBER:
                if (!CheckDigits.isValidIndividualNumber(v)) {
                    // 番号法: the number is not repeated in the message.
                    throw invalid("12桁の数字で、検査数字が正しいものではありません。");
                }
                return v;
            case LG_CODE:
                if (!CheckDigits.isValidLgCode(v)) {
                    throw invalid("「" + v + "」は6桁の団体コードで、検査数字が正しくありません。");
                }
                return v;
            case POSTAL_CODE:
                if (!DIGITS7.matcher(v).matches()) {
                    throw invalid("「" + v + "」は7桁の数字ではありません。");
                }
                return v;
            case RELATIONSHIP:
                try {
                    if (!Relationship.of(v).value().equals(v)) {
                        throw invalid("「" + v + "」は「" + Relationship.of(v).value() + "」と書いてください。");
                    }
                    return v;
                } catch (InvalidValueException e) {
                    throw invalid(e.getMessage());
                }
            case BASE64:
                try {
                    return "\\x" + HexFormat.of().formatHex(Base64.getDecoder().decode(v));
                } catch (IllegalArgumentException e) {
                    throw invalid("BASE64 として読めません。");
                }
            case SHA256:
                if (!SHA.matcher(v).matches()) {
                    throw invalid("16進小文字64桁ではありません。");
                }
                return v;
            default:
                throw new IllegalStateException(t.name());
        }
    }

    private static InvalidValueException invalid(String message) {
        return new InvalidValueException("invalid-layout-value", message);
    }
}

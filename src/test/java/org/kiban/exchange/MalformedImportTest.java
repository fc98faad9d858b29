package org.kiban.exchange;

import java.io.BufferedOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kiban.KibanIntegrationTest;
import org.kiban.common.CheckDigits;
import org.kiban.exchange.internal.Exporter;
import org.kiban.exchange.internal.ImportError;
import org.kiban.exchange.internal.Importer;
import org.kiban.exchange.internal.Manifest;
import org.kiban.exchange.internal.layout.LayoutFile;
import org.kiban.exchange.internal.layout.StandardLayout;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.resident.ResidentNotifications;
import org.kiban.tenancy.internal.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken files are refused with every problem located (issue 5, item 3): bad encoding, BOM, short rows, a wrong
 * header, bad dates, duplicate keys and dangling household references are each reported with file, line and item in
 * Japanese, and nothing is imported; the same for the tax and care files of layout 1.1 (bad dates, codes, short rows,
 * duplicate keys, references to a 宛名番号 not in the set, a gap in a 版番号 numbered per 課税年度・宛名番号). Each case starts from a clean export and breaks one thing; the manifest is
 * re-sealed (rows, SHA-256) as a converter from a previous system would write it, so only that problem is reported.
 */
@KibanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedImportTest {

    static final String SOURCE = "013315";   // 松前町, for this test only
    static final String TARGET = "013323";   // 福島町, for this test only: must stay empty

    @Autowired
    TenantService tenants;
    @Autowired
    ResidentNotifications notifications;
    @Autowired
    Exporter exporter;
    @Autowired
    Importer importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JsonMapper json;

    @TempDir
    static Path tmp;
    Path clean;
    String person;

    @BeforeAll
    void exportASmallRegistry() throws Exception {
        Scenario.registerTenant(tenants, SOURCE);
        Scenario.registerTenant(tenants, TARGET);
        Scenario s = new Scenario(SOURCE, notifications, json);
        for (int i = 0; i < 2; i++) {
            s.submit("""
                    {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-05-0%d","acknowledgeWarnings":true,
                     "address":{"address":"北海道松前郡松前町字福山%d番地"},"previousAddress":{"address":"北海道函館市"},
                     "persons":[{"name":"松前 %s","nameKana":"マツマエ %s","birthDate":"1980-01-0%d","sex":"MALE",
                       "relationship":"世帯主","permanentDomicile":"北海道松前郡松前町1番地"},
                      {"name":"松前 子%s","nameKana":"マツマエ コ%s","birthDate":"2010-01-0%d","sex":"FEMALE",
                       "relationship":"子","permanentDomicile":"北海道松前郡松前町1番地"}]}"""
                    .formatted(i + 1, i + 1, "一二".charAt(i), "イチニ".charAt(i), i + 1, "一二".charAt(i), "イチニ".charAt(i), i + 1));
        }
        // Tax and care rows of the first person, as those modules write them: an income report, an assessment in two
        // versions (課税年度・宛名番号 → 版番号), and the person's insured status with its first event.
        TenantContext.runAs(SOURCE, Actor.system("test"), () -> tx.executeWithoutResult(st -> {
            person = jdbc.sql("select min(atena_no) from resident_current where lg_code = ?").param(SOURCE)
                    .query(String.class).single();
            jdbc.sql("""
                    insert into tax_income_report (lg_code, tax_year, report_no, kind, atena_no, payer_no, payer_name, revenue,
                        social_insurance, life_new_general, life_old_general, life_care_medical, life_new_pension,
                        life_old_pension, earthquake_insurance, old_long_term, spouse_birth_date, spouse_income, dependants,
                        ordinary_collection, source_file, line_no, imported_at, imported_by)
                    values (?, 2026, 1, 'SALARY', ?, 'E0001', '松前水産', 4000000, 600000, 0, 0, 0, 0, 0, 0, 0,
                        '1982-03-04', 0, '', false, 'salary-2026.csv', 2, '2026-01-31 10:00:00+09', 'staff:tax')""")
                    .params(SOURCE, person).update();
            String assessment = """
                    insert into tax_assessment (lg_code, tax_year, atena_no, version, reason, rule_version, input, result,
                        total_income, exemption, annual_total, collection, payer_no, installments, assessed_at, assessed_by)
                    values (?, 2026, ?, ?, ?, 'FY2026.1', '{}', '{}', 2560000, 'NONE', ?, 'ORDINARY', null, '{}',
                        ?::timestamptz, 'staff:tax')""";
            jdbc.sql(assessment).params(SOURCE, person, 1, "当初賦課", 120000, "2026-05-15 09:00:00+09").update();
            jdbc.sql(assessment).params(SOURCE, person, 2, "更正", 110000, "2026-07-01 09:00:00+09").update();
            jdbc.sql("""
                    insert into care_insured (lg_code, atena_no, insured_no, birth_date, status, eligible_from, last_seq)
                    values (?, ?, '0000000001', '1961-01-01', 'INSURED', '2026-05-01', 1)""").params(SOURCE, person).update();
            jdbc.sql("""
                    insert into care_insured_event (lg_code, atena_no, seq, kind, effective_on, reason, recorded_at, recorded_by)
                    values (?, ?, 1, 'ACQUIRED', '2026-05-01', '転入', '2026-05-01 10:00:00+09', 'staff:care')""")
                    .params(SOURCE, person).update();
        }));
        clean = Files.createDirectory(tmp.resolve("clean"));
        TenantContext.runAs(SOURCE, Actor.system("test"), () -> exporter.export(SOURCE, null,
                file -> new BufferedOutputStream(Files.newOutputStream(clean.resolve(file))), null));
    }

    /** A copy of the clean export with {@code file}'s bytes replaced, the manifest re-sealed. */
    private Path broken(String name, String file, Mutation mutation) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(name));
        try (var files = Files.list(clean)) {
            for (Path p : files.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        byte[] bytes = mutation.apply(Files.readAllBytes(dir.resolve(file)));
        Files.write(dir.resolve(file), bytes);
        Manifest m = json.readValue(Files.readAllBytes(dir.resolve("manifest.json")), Manifest.class);
        List<Manifest.FileEntry> entries = new ArrayList<>();
        for (Manifest.FileEntry e : m.files()) {
            if (e.file().equals(file)) {
                long rows = new String(bytes, StandardCharsets.ISO_8859_1).chars().filter(c -> c == '\n').count() - 1;
                e = new Manifest.FileEntry(e.file(), e.entity(), rows, bytes.length,
                        HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
            }
            entries.add(e);
        }
        Files.write(dir.resolve("manifest.json"), json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsBytes(new Manifest(m.layout(), m.layoutVersion(), m.lgCode(), m.kind(), m.since(), m.cursor(),
                        m.exportedAt(), entries)));
        return dir;
    }

    interface Mutation {
        byte[] apply(byte[] original) throws Exception;
    }

    /** Replaces line {@code n} (1 = header) of a UTF-8 text. */
    static Mutation line(int n, java.util.function.UnaryOperator<String> change) {
        return bytes -> {
            List<String> lines = new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
            lines.set(n - 1, change.apply(lines.get(n - 1)));
            return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        };
    }

    private Importer.Report importInto(Path dir) {
        Importer.Report r = TenantContext.callAs(TARGET, Actor.system("test"),
                () -> importer.importFrom(TARGET, dir, new Importer.Options(false, true), null));
        assertThat(r.imported()).isFalse();
        assertThat(r.errorCount()).isPositive();
        String every = StandardLayout.FILES.stream().map(f -> "(select count(*) from " + f.table() + " where lg_code = :lg)")
                .collect(java.util.stream.Collectors.joining(" + "));
        long stored = TenantContext.callAs(TARGET, Actor.system("test"), () -> tx.execute(s -> jdbc.sql("select " + every
                        + " + (select count(*) from exchange_run where lg_code = :lg)").param("lg", TARGET)
                .query(Long.class).single()));
        assertThat(stored).as("nothing imported").isZero();
        return r;
    }

    @Test
    void theCleanExportItselfImportsInADryRun() {
        Importer.Report r = TenantContext.callAs(TARGET, Actor.system("test"),
                () -> importer.importFrom(TARGET, clean, new Importer.Options(true, true), null));
        assertThat(r.errors()).isEmpty();
        assertThat(r.imported()).isFalse();
        assertThat(r.rows()).isPositive();
    }

    @Test
    void bytesThatAreNotUtf8AreReportedOnTheirLine() throws Exception {
        Path dir = broken("encoding", "resident.csv", bytes -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int third = text.indexOf('\n', text.indexOf('\n', text.indexOf('\n') + 1) + 1);   // end of line 3
            String before = text.substring(0, third + 1);
            String line4 = text.substring(third + 1, text.indexOf('\n', third + 1) + 1);
            String rest = text.substring(text.indexOf('\n', third + 1) + 1);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(before.getBytes(StandardCharsets.UTF_8));
            out.write(line4.getBytes(Charset.forName("Shift_JIS")));   // a previous system's Shift_JIS line
            out.write(rest.getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        });
        assertThat(importInto(dir).errors()).anySatisfy(e -> assertError(e, "resident.csv", 4, null, "UTF-8 として読めない"));
    }

    @Test
    void aByteOrderMarkIsReportedOnLine1() throws Exception {
        Path dir = broken("bom", "household.csv", bytes -> {
            byte[] out = new byte[bytes.length + 3];
            out[0] = (byte) 0xEF;
            out[1] = (byte) 0xBB;
            out[2] = (byte) 0xBF;
            System.arraycopy(bytes, 0, out, 3, bytes.length);
            return out;
        });
        assertThat(importInto(dir).errors()).singleElement().satisfies(e -> assertError(e, "household.csv", 1, null, "BOM"));
    }

    @Test
    void aShortRowIsReportedWithItsCount() throws Exception {
        Path dir = broken("short", "resident.csv", line(3, l -> l.substring(0, l.lastIndexOf(','))));
        assertThat(importInto(dir).errors()).singleElement()
                .satisfies(e -> assertError(e, "resident.csv", 3, null, "項目数が 52 です（53 項目必要です）"));
    }

    @Test
    void aWrongHeaderIsReportedWithTheItemExpected() throws Exception {
        Path dir = broken("header", "notification.csv", line(1, l -> l.replace("届出年月日", "届出日")));
        assertThat(importInto(dir).errors()).anySatisfy(e -> assertError(e, "notification.csv", 1, "届出年月日",
                "4番目は「届出年月日」のはずが「届出日」"));
    }

    @Test
    void badDatesAreReportedWithTheirItems() throws Exception {
        Path dir = broken("dates", "resident.csv", line(2, l -> l.replace("昭和55年1月1日", "昭和55年13月1日")));
        Path both = broken("dates2", "household.csv", line(2, l -> l.replaceFirst(",2026-05-01,", ",2026-02-30,")));
        assertThat(importInto(dir).errors()).singleElement().satisfies(e -> assertError(e, "resident.csv", 2, "生年月日", ""));
        assertThat(importInto(both).errors()).singleElement()
                .satisfies(e -> assertError(e, "household.csv", 2, "世帯作成年月日", "「2026-02-30」は日付ではありません"));
    }

    @Test
    void aDuplicateKeyIsReportedWithTheLineItRepeats() throws Exception {
        Path dir = broken("duplicate", "resident.csv", bytes -> {
            List<String> lines = new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
            lines.add(lines.get(2));
            return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        });
        long last = new String(Files.readAllBytes(dir.resolve("resident.csv")), StandardCharsets.UTF_8).lines().count();
        assertThat(importInto(dir).errors()).singleElement()
                .satisfies(e -> assertError(e, "resident.csv", last, "宛名番号", "キー（宛名番号・履歴番号）が 3 行目と重複しています"));
    }

    @Test
    void aDanglingHouseholdReferenceIsReportedWithTheNumber() throws Exception {
        String unknown = CheckDigits.appendAtenaNoCheckDigit("999999990");
        Path dir = broken("dangling", "resident.csv", line(2, l -> {
            List<String> v = new ArrayList<>(List.of(l.split(",", -1)));
            v.set(12, unknown);
            return String.join(",", v);
        }));
        assertThat(importInto(dir).errors()).singleElement().satisfies(e -> assertError(e, "resident.csv", 2, "世帯番号",
                "世帯番号「" + unknown + "」が household.csv の世帯番号にありません"));
    }

    @Test
    void aDanglingReferenceInAFileOfLayout11IsReportedWithFileLineAndItem() throws Exception {
        String unknown = CheckDigits.appendAtenaNoCheckDigit("999999990");
        Path dir = broken("dangling-guardianship", "adult_guardianship.csv", bytes -> (new String(bytes, StandardCharsets.UTF_8)
                + unknown + ",1,2025-01-10,,2026-05-01T10:00:00.000000+09:00,試験 窓口\n").getBytes(StandardCharsets.UTF_8));
        assertThat(importInto(dir).errors()).singleElement().satisfies(e -> assertError(e, "adult_guardianship.csv", 2,
                "宛名番号", "宛名番号「" + unknown + "」が resident.csv の宛名番号にありません"));

        // 転入通知 names a version of a person: the 宛名番号 exists, its 履歴番号 99 does not.
        String atenaNo = new String(Files.readAllBytes(clean.resolve("resident.csv")), StandardCharsets.UTF_8).lines()
                .skip(1).findFirst().orElseThrow().split(",", 2)[0];
        Path notice = broken("dangling-notice", "move_in_notice.csv", bytes -> (new String(bytes, StandardCharsets.UTF_8)
                + atenaNo + ",99,2026-05-08,2026-05-01,東京都千代田区千代田1番1号,131016,1,,2026-05-08T10:00:00.000000+09:00,"
                + "試験 窓口\n").getBytes(StandardCharsets.UTF_8));
        assertThat(importInto(notice).errors()).singleElement().satisfies(e -> assertError(e, "move_in_notice.csv", 2,
                "宛名番号", "宛名番号・履歴番号「" + atenaNo + "・99」が resident.csv の宛名番号・履歴番号にありません"));
    }

    // ---- tax and care files (layout 1.1)

    /** Replaces the raw text of one item of line {@code n} (quoted values stay as written). */
    static Mutation field(int n, LayoutFile f, String column, String raw) {
        int index = f.items().indexOf(f.itemOf(column));
        return line(n, l -> {
            List<String> v = rawFields(l);
            v.set(index, raw);
            return String.join(",", v);
        });
    }

    /** The fields of a CSV line as written, quotes included. */
    static List<String> rawFields(String line) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(line.substring(start, i));
                start = i + 1;
            }
        }
        out.add(line.substring(start));
        return out;
    }

    static Mutation appendLine(int copyOf, java.util.function.UnaryOperator<String> change) {
        return bytes -> {
            List<String> lines = new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
            lines.add(change.apply(lines.get(copyOf - 1)));
            return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        };
    }

    @Test
    void badDatesInTaxAndCareFilesAreReportedWithTheirItems() throws Exception {
        Path tax = broken("tax-date", "tax_income_report.csv",
                field(2, StandardLayout.TAX_INCOME_REPORT, "spouse_birth_date", "1982-02-30"));
        assertThat(importInto(tax).errors()).singleElement().satisfies(e -> assertError(e, "tax_income_report.csv", 2,
                "配偶者の生年月日", "「1982-02-30」は日付ではありません"));
        Path assessed = broken("tax-timestamp", "tax_assessment.csv",
                field(3, StandardLayout.TAX_ASSESSMENT, "assessed_at", "2026-07-01 09:00"));
        assertThat(importInto(assessed).errors()).singleElement().satisfies(e -> assertError(e, "tax_assessment.csv", 3,
                "賦課日時", "「2026-07-01 09:00」は日時ではありません"));
        Path care = broken("care-date", "care_insured_event.csv",
                field(2, StandardLayout.CARE_INSURED_EVENT_FILE, "effective_on", "令和8年5月1日"));
        assertThat(importInto(care).errors()).singleElement().satisfies(e -> assertError(e, "care_insured_event.csv", 2,
                "異動年月日", "「令和8年5月1日」は日付ではありません"));
    }

    @Test
    void badCodesInTaxAndCareFilesAreReportedWithTheirCodeTables() throws Exception {
        Path tax = broken("tax-code", "tax_assessment.csv", field(2, StandardLayout.TAX_ASSESSMENT, "exemption", "9"));
        assertThat(importInto(tax).errors()).singleElement().satisfies(e -> assertError(e, "tax_assessment.csv", 2,
                "非課税区分", "コード「9」は C13 非課税区分コード にありません"));
        Path care = broken("care-code", "care_insured_event.csv",
                field(2, StandardLayout.CARE_INSURED_EVENT_FILE, "kind", "ACQUIRED"));
        assertThat(importInto(care).errors()).singleElement().satisfies(e -> assertError(e, "care_insured_event.csv", 2,
                "資格異動", "コード「ACQUIRED」は C17 介護保険資格異動コード にありません"));
    }

    @Test
    void numbersOutOfTheirItemsRangeAreReportedNotFailedOn() throws Exception {
        // 課税年度 is a 4-byte integer, 基準額に対する割合 has 4 decimals and 2 integer digits: a value beyond either
        // must be a located error, not a failed COPY.
        Path year = broken("tax-year-range", "tax_assessment.csv",
                field(2, StandardLayout.TAX_ASSESSMENT, "tax_year", "20260000000"));
        assertThat(importInto(year).errors()).anySatisfy(e -> assertError(e, "tax_assessment.csv", 2, "課税年度",
                "「20260000000」は範囲を超えています"));
        Path version = broken("care-seq-range", "care_insured_event.csv",
                field(2, StandardLayout.CARE_INSURED_EVENT_FILE, "seq", "-2147483649"));
        assertThat(importInto(version).errors()).anySatisfy(e -> assertError(e, "care_insured_event.csv", 2, "異動番号",
                "「-2147483649」は範囲を超えています"));
    }

    @Test
    void shortRowsInTaxAndCareFilesAreReportedWithTheirCounts() throws Exception {
        Path tax = broken("tax-short", "tax_assessment.csv", line(3, l -> l.substring(0, l.lastIndexOf(','))));
        assertThat(importInto(tax).errors()).singleElement()
                .satisfies(e -> assertError(e, "tax_assessment.csv", 3, null, "項目数が 17 です（18 項目必要です）"));
        Path care = broken("care-short", "care_insured_event.csv", line(2, l -> l.substring(0, l.lastIndexOf(','))));
        assertThat(importInto(care).errors()).singleElement()
                .satisfies(e -> assertError(e, "care_insured_event.csv", 2, null, "項目数が 8 です（9 項目必要です）"));
    }

    @Test
    void duplicateKeysInTaxAndCareFilesAreReportedWithTheLineTheyRepeat() throws Exception {
        Path tax = broken("tax-duplicate", "tax_assessment.csv", appendLine(2, l -> l));
        assertThat(importInto(tax).errors()).singleElement().satisfies(e -> assertError(e, "tax_assessment.csv", 4,
                "課税年度", "キー（課税年度・宛名番号・版番号）が 2 行目と重複しています"));
        Path care = broken("care-duplicate", "care_insured_event.csv", appendLine(2, l -> l));
        assertThat(importInto(care).errors()).singleElement().satisfies(e -> assertError(e, "care_insured_event.csv", 3,
                "宛名番号", "キー（宛名番号・異動番号）が 2 行目と重複しています"));
    }

    @Test
    void danglingReferencesInTaxAndCareFilesAreReportedWithTheNumber() throws Exception {
        String unknown = CheckDigits.appendAtenaNoCheckDigit("999999990");
        Path tax = broken("tax-dangling", "tax_assessment.csv",
                appendLine(2, l -> l.replace(person, unknown)));
        assertThat(importInto(tax).errors()).singleElement().satisfies(e -> assertError(e, "tax_assessment.csv", 4,
                "宛名番号", "宛名番号「" + unknown + "」が resident.csv の宛名番号にありません"));
        Path care = broken("care-dangling", "care_insured.csv",
                appendLine(2, l -> l.replace(person, unknown).replace("0000000001", "0000000002")));
        assertThat(importInto(care).errors()).singleElement().satisfies(e -> assertError(e, "care_insured.csv", 3,
                "宛名番号", "宛名番号「" + unknown + "」が resident.csv の宛名番号にありません"));
        // An event of a person the care file does not hold.
        Path event = broken("care-event-dangling", "care_insured_event.csv",
                appendLine(2, l -> l.replace(person, unknown)));
        assertThat(importInto(event).errors()).singleElement().satisfies(e -> assertError(e, "care_insured_event.csv", 3,
                "宛名番号", "宛名番号「" + unknown + "」が care_insured.csv の宛名番号にありません"));
    }

    @Test
    void aGapInANumberingUnderTwoItemsIsReportedWithBothItems() throws Exception {
        Path gap = broken("tax-version-gap", "tax_assessment.csv", field(3, StandardLayout.TAX_ASSESSMENT, "version", "3"));
        assertThat(importInto(gap).errors()).singleElement().satisfies(e -> assertError(e, "tax_assessment.csv", 3,
                "版番号", "版番号 3 の前の 2 がありません（課税年度・宛名番号ごとに1から欠番なく続けてください）"));
        // Version 2 of another 課税年度 of the same person: that person's version 1 of 2026 does not count.
        Path otherYear = broken("tax-version-year", "tax_assessment.csv",
                appendLine(3, l -> l.replaceFirst("^2026,", "2025,")));
        assertThat(importInto(otherYear).errors()).singleElement().satisfies(e -> assertError(e, "tax_assessment.csv", 4,
                "版番号", "版番号 2 の前の 1 がありません"));
        Path zero = broken("tax-version-zero", "tax_assessment.csv", field(2, StandardLayout.TAX_ASSESSMENT, "version", "0"));
        assertThat(importInto(zero).errors()).extracting(ImportError::message)
                .contains("版番号は1から始まります。", "版番号 2 の前の 1 がありません（課税年度・宛名番号ごとに1から欠番なく続けてください）。");
    }

    @Test
    void everyProblemOfAFileSetIsReportedInOneRun() throws Exception {
        Path dir = broken("many", "resident.csv", bytes -> {
            List<String> lines = new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
            lines.set(1, lines.get(1).replace("昭和55年1月1日", "昭和55年13月1日"));
            lines.set(2, lines.get(2).substring(0, lines.get(2).lastIndexOf(',')));
            lines.add(lines.get(3));
            return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        });
        Importer.Report r = importInto(dir);
        assertThat(r.errors()).extracting(ImportError::line).containsExactlyInAnyOrder(2L, 3L, 6L);
    }

    private static void assertError(ImportError e, String file, long line, String item, String message) {
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.line()).as(e.toString()).isEqualTo(line);
        assertThat(e.item()).as(e.toString()).isEqualTo(item);
        assertThat(e.message()).as(e.toString()).contains(message);
    }
}

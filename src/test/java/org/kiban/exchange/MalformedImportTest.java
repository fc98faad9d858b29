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
 * Japanese, and nothing is imported. Each case starts from a clean export and breaks one thing; the manifest is
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
        long stored = TenantContext.callAs(TARGET, Actor.system("test"), () -> tx.execute(s -> jdbc.sql("""
                select (select count(*) from resident_record where lg_code = ?) + (select count(*) from household where lg_code = ?)
                     + (select count(*) from resident_notification where lg_code = ?) + (select count(*) from exchange_run where lg_code = ?)""")
                .params(TARGET, TARGET, TARGET, TARGET).query(Long.class).single()));
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

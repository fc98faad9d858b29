package org.kiban.exchange;

import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiban.KibanIntegrationTest;
import org.kiban.exchange.internal.Exporter;
import org.kiban.exchange.internal.Importer;
import org.kiban.exchange.internal.Manifest;
import org.kiban.exchange.internal.layout.LayoutFile;
import org.kiban.exchange.internal.layout.StandardLayout;
import org.kiban.parameter.Parameters;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.resident.AdultGuardianships;
import org.kiban.resident.ChangeReason;
import org.kiban.resident.MoveInNotices;
import org.kiban.resident.NotificationType;
import org.kiban.resident.ProtectionMeasures;
import org.kiban.resident.ResidentNotifications;
import org.kiban.resident.Residents;
import org.kiban.seal.SealRegistry;
import org.kiban.tenancy.internal.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout loses nothing (issue 5, item 4): export a tenant whose registry went through every kind of 異動, import
 * the files into an empty tenant, export that: the data files are byte-identical, and the manifests differ only in
 * the export timestamp and the tenant. The rows the import derives (sort keys, search keys, current pointers,
 * numbering) equal the source's, so the copy behaves like the original.
 */
@KibanIntegrationTest
class StandardLayoutRoundTripTest {

    static final String SOURCE = "013030";   // 当別町, for this test only
    static final String TARGET = "013048";   // 新篠津村, for this test only
    static final String OLD_VERSION_TARGET = "013463";   // 八雲町, for this test only

    @Autowired
    TenantService tenants;
    @Autowired
    ResidentNotifications notifications;
    @Autowired
    ProtectionMeasures protections;
    @Autowired
    SealRegistry seals;
    @Autowired
    Parameters parameters;
    @Autowired
    Residents residents;
    @Autowired
    MoveInNotices moveInNotices;
    @Autowired
    AdultGuardianships guardianships;
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

    static Manifest export(Exporter exporter, String lg, Path dir) {
        return TenantContext.callAs(lg, Actor.system("test"), () -> exporter.export(lg, null,
                file -> new BufferedOutputStream(Files.newOutputStream(dir.resolve(file))), null));
    }

    @Test
    void exportImportExportIsByteIdentical(@TempDir Path tmp) throws Exception {
        Scenario.registerTenant(tenants, SOURCE);
        Scenario.registerTenant(tenants, TARGET);
        Scenario scenario = new Scenario(SOURCE, notifications, json);
        String protectedPerson = scenario.build(protections, seals, parameters);
        scenario.residentExtras(moveInNotices, guardianships);
        scenario.taxRows(jdbc, tx);
        scenario.careRows(jdbc, tx);

        Path first = Files.createDirectory(tmp.resolve("first"));
        Manifest m1 = export(exporter, SOURCE, first);

        // Every 異動事由 and every 届出種別 is in the files, with 不詳日, 𠮷 and the IVS sequence.
        String resident = Files.readString(first.resolve("resident.csv"), StandardCharsets.UTF_8);
        String notification = Files.readString(first.resolve("notification.csv"), StandardCharsets.UTF_8);
        List<String> reasons = column(resident, StandardLayout.RESIDENT, "change_reason");
        for (ChangeReason r : ChangeReason.values()) {
            assertThat(reasons).as(r.label()).contains(StandardLayout.CHANGE_REASON.codes().stream()
                    .filter(c -> c.stored().equals(r.name())).findFirst().orElseThrow().code());
        }
        List<String> types = column(notification, StandardLayout.NOTIFICATION, "type");
        for (NotificationType t : NotificationType.values()) {
            assertThat(types).as(t.label()).contains(StandardLayout.NOTIFICATION_TYPE.codes().stream()
                    .filter(c -> c.stored().equals(t.name())).findFirst().orElseThrow().code());
        }
        assertThat(resident).contains("昭和5年頃", "令和8年4月上旬", "令和8年5月頃", "平成3年2月29日", Scenario.YOSHI + "田",
                Scenario.KATSU_IVS + "子", "\"コーポ\"\"白樺\"\", 201\"");
        // Layout 1.1: the 転入通知 on the 除票 and the 成年被後見人 versions (started, then ended).
        String notice = Files.readString(first.resolve(StandardLayout.MOVE_IN_NOTICE.file()), StandardCharsets.UTF_8);
        assertThat(column(notice, StandardLayout.MOVE_IN_NOTICE, "notifying_lg_code")).containsExactly("131016");
        assertThat(column(notice, StandardLayout.MOVE_IN_NOTICE, "channel")).containsExactly("1");
        String guardianship = Files.readString(first.resolve(StandardLayout.ADULT_GUARDIANSHIP.file()), StandardCharsets.UTF_8);
        assertThat(column(guardianship, StandardLayout.ADULT_GUARDIANSHIP, "seq")).containsExactly("1", "2");
        assertThat(column(guardianship, StandardLayout.ADULT_GUARDIANSHIP, "end_on")).containsExactly("", "2026-03-31");
        // Tax: the json input as recorded (spacing and key order), the installments as a list, empty and null apart.
        String assessment = Files.readString(first.resolve(StandardLayout.TAX_ASSESSMENT.file()), StandardCharsets.UTF_8);
        assertThat(assessment).contains("\"{\"\"b\"\": 1,  \"\"a\"\" : [1, 2]}\"", "\"14300,14300,",
                ",\"\",2026-07-01T09:00:00.500000+09:00,staff:tax,1,12000,\"0,3000,3000,2000,2000,2000\"");
        assertThat(column(assessment, StandardLayout.TAX_ASSESSMENT, "exemption")).containsExactly("0", "1");
        assertThat(m1.layoutVersion()).isEqualTo(StandardLayout.VERSION);
        for (Manifest.FileEntry e : m1.files()) {
            if (!e.file().equals(StandardLayout.CERTIFICATE_ISSUE.file())) {
                assertThat(e.rows()).as(e.file()).isPositive();
            }
        }

        // Cut into ranges written by three connections on one snapshot, every file is the same byte for byte.
        Path split = Files.createDirectory(tmp.resolve("split"));
        Manifest ms = TenantContext.callAs(SOURCE, Actor.system("test"), () -> exporter.export(SOURCE, null,
                file -> new BufferedOutputStream(Files.newOutputStream(split.resolve(file))), null,
                new Exporter.Parallelism(3, 1)));
        for (LayoutFile f : StandardLayout.FILES) {
            assertThat(Files.readAllBytes(split.resolve(f.file()))).as(f.file())
                    .isEqualTo(Files.readAllBytes(first.resolve(f.file())));
        }
        assertThat(ms.files()).isEqualTo(m1.files());
        assertThat(ms.cursor()).isEqualTo(m1.cursor());

        // Java formats the CSV from a binary COPY (the default, ADR 0017): the same bytes as PostgreSQL's own CSV of
        // the items' SQL expressions, for every file, whole and cut into ranges.
        for (Exporter.Parallelism parallel : List.of(Exporter.Parallelism.SERIAL, new Exporter.Parallelism(2, 1))) {
            Path byPostgres = Files.createDirectory(tmp.resolve("postgres-" + parallel.connections()));
            Manifest mp = TenantContext.callAs(SOURCE, Actor.system("test"), () -> exporter.export(SOURCE, null,
                    file -> new BufferedOutputStream(Files.newOutputStream(byPostgres.resolve(file))), null, parallel,
                    Exporter.Formatting.POSTGRESQL));
            for (LayoutFile f : StandardLayout.FILES) {
                assertThat(Files.readAllBytes(byPostgres.resolve(f.file()))).as(f.file())
                        .isEqualTo(Files.readAllBytes(first.resolve(f.file())));
            }
            assertThat(mp.files()).isEqualTo(m1.files());
        }

        Importer.Report report = TenantContext.callAs(TARGET, Actor.system("test"), () -> importer.importFrom(TARGET, first,
                new Importer.Options(false, true), null));
        assertThat(report.errors()).isEmpty();
        assertThat(report.imported()).isTrue();
        assertThat(report.rows()).isEqualTo(m1.rows());

        Path second = Files.createDirectory(tmp.resolve("second"));
        Manifest m2 = export(exporter, TARGET, second);
        for (LayoutFile f : StandardLayout.FILES) {
            assertThat(Files.readAllBytes(second.resolve(f.file()))).as(f.file())
                    .isEqualTo(Files.readAllBytes(first.resolve(f.file())));
        }
        assertThat(m2.files()).isEqualTo(m1.files());
        assertThat(m2.cursor()).isEqualTo(m1.cursor());
        assertThat(new Manifest(m2.layout(), m2.layoutVersion(), SOURCE, m2.kind(), m2.since(), m2.cursor(), m1.exportedAt(),
                m2.files())).isEqualTo(m1);

        // What the import derived equals what the registry derived when it recorded the rows.
        for (String sql : List.of(
                "select atena_no, rireki_no, effective_sort, birth_sort, birth_exact, removed_sort, name_key, kana_key,"
                        + " given_kana_key, alias_key, former_surname_key, address_key from resident_record where lg_code = ? order by 1, 2",
                "select atena_no, rireki_no, household_no, status from resident_current where lg_code = ? order by 1",
                "select kind, last_base from resident_number_sequence where lg_code = ? order by 1",
                "select last from seal_counter where lg_code = ?",
                "select last_insured_no from care_counter where lg_code = ?",
                "select last from care_certification_counter where lg_code = ?",
                "select day, last from certificate_daily_counter where lg_code = ? order by 1")) {
            assertThat(rows(TARGET, sql)).as(sql).isEqualTo(rows(SOURCE, sql));
        }
        // The copy works like the original: the protected person is still protected.
        assertThat(TenantContext.callAs(TARGET, Actor.system("test"),
                () -> protections.check(protectedPerson, org.kiban.resident.ProtectedOperation.CERTIFICATE,
                        ProtectionMeasures.Requester.THIRD_PARTY).protectedPerson())).isTrue();

        // Importing the same file set again does nothing.
        Importer.Report again = TenantContext.callAs(TARGET, Actor.system("test"), () -> importer.importFrom(TARGET, first,
                new Importer.Options(false, true), null));
        assertThat(again.alreadyImported()).isTrue();
        assertThat(again.imported()).isFalse();
        assertThat(again.errors()).isEmpty();
        assertThat(rows(TARGET, "select count(*) from resident_record where lg_code = ?"))
                .isEqualTo(rows(SOURCE, "select count(*) from resident_record where lg_code = ?"));

        // A file set of layout 1.0 (before 転入通知 and 成年被後見人) still imports: the files it lacks are empty.
        Scenario.registerTenant(tenants, OLD_VERSION_TARGET);
        Path old = Files.createDirectory(tmp.resolve("v1.0"));
        List<String> added = StandardLayout.ADDED_IN_1_1.stream().map(LayoutFile::file).toList();
        for (Manifest.FileEntry e : m1.files()) {
            if (!added.contains(e.file())) {
                Files.copy(first.resolve(e.file()), old.resolve(e.file()));
            }
        }
        Manifest m10 = new Manifest(m1.layout(), StandardLayout.VERSION_1_0, m1.lgCode(), m1.kind(), m1.since(), m1.cursor(),
                m1.exportedAt(), m1.files().stream().filter(e -> !added.contains(e.file())).toList());
        Files.write(old.resolve(StandardLayout.MANIFEST), json.writeValueAsBytes(m10));
        Importer.Report fromOld = TenantContext.callAs(OLD_VERSION_TARGET, Actor.system("test"),
                () -> importer.importFrom(OLD_VERSION_TARGET, old, new Importer.Options(false, true), null));
        assertThat(fromOld.errors()).isEmpty();
        assertThat(fromOld.imported()).isTrue();
        assertThat(fromOld.rows()).isEqualTo(m10.rows());
        Path third = Files.createDirectory(tmp.resolve("third"));
        Manifest m3 = export(exporter, OLD_VERSION_TARGET, third);
        for (LayoutFile f : StandardLayout.FILES) {
            if (added.contains(f.file())) {
                assertThat(m3.entry(f.file()).rows()).as(f.file()).isZero();
            } else {
                assertThat(Files.readAllBytes(third.resolve(f.file()))).as(f.file())
                        .isEqualTo(Files.readAllBytes(first.resolve(f.file())));
            }
        }
    }

    private List<List<Object>> rows(String lg, String sql) {
        return TenantContext.callAs(lg, Actor.system("test"), () -> tx.execute(s -> jdbc.sql(sql).param(lg)
                .query((rs, n) -> {
                    List<Object> row = new java.util.ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getObject(i));
                    }
                    return row;
                }).list()));
    }

    /** The values of one column of a file (simple split: the tests' codes contain no commas or quotes). */
    static List<String> column(String csv, LayoutFile f, String column) {
        int index = f.items().indexOf(f.itemOf(column));
        return csv.lines().skip(1).map(line -> splitCsv(line).get(index)).toList();
    }

    static List<String> splitCsv(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}

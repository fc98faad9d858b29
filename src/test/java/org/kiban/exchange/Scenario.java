package org.kiban.exchange;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;

import javax.imageio.ImageIO;

import org.kiban.common.CheckDigits;
import org.kiban.parameter.ParameterChange;
import org.kiban.parameter.Parameters;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.resident.AdultGuardianships;
import org.kiban.resident.MoveInNotices;
import org.kiban.resident.Notification;
import org.kiban.resident.NotificationResult;
import org.kiban.resident.ProtectedOperation;
import org.kiban.resident.ProtectionMeasures;
import org.kiban.resident.ResidentNotifications;
import org.kiban.seal.SealRegistry;
import org.kiban.tenancy.internal.TenantService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tenant's registry built for the exchange tests through the modules' own APIs: every kind of 異動 (each
 * {@code NotificationType}, so every 異動事由 including the three 取消し), 不詳日, a name with the non-BMP kanji 𠮷
 * (U+20BB7) and one with an IVS sequence (葛 U+845B + VS17 U+E0100), a foreign resident, 除票 of every kind, a
 * 支援措置 with a one-time release, a seal registration and a parameter revision; after it, for layout 1.1, a 転入通知
 * and a 成年被後見人 period, tax rows and care rows.
 */
final class Scenario {

    static final String YOSHI = new String(Character.toChars(0x20BB7));
    static final String KATSU_IVS = "葛" + new String(Character.toChars(0xE0100));

    private final String lg;
    private final ResidentNotifications notifications;
    private final JsonMapper json;
    private final Actor clerk;
    private int seq;
    private String head;
    private String movedOut;

    Scenario(String lg, ResidentNotifications notifications, JsonMapper json) {
        this.lg = lg;
        this.notifications = notifications;
        this.json = json;
        this.clerk = new Actor(Actor.Kind.STAFF, "exchange-test", "試験 窓口", null);
    }

    NotificationResult submit(String notificationJson) {
        Notification n = json.readValue(notificationJson, Notification.class);
        return TenantContext.callAs(lg, clerk, () -> notifications.submit(n));
    }

    static void registerTenant(TenantService tenants, String lg) {
        TenantContext.runAs(null, Actor.system("test"), () -> tenants.register(lg, LocalDate.of(2026, 4, 1), null));
    }

    private String individualNumber() {
        String base = String.format("%011d", 70_000_000_000L + Long.parseLong(lg) * 100 + ++seq);
        return base + CheckDigits.individualNumber(base);
    }

    private String juminhyoCode() {
        String base = String.format("%010d", 4_000_000_000L + Long.parseLong(lg) * 100 + ++seq);
        return base + CheckDigits.juminhyoCode(base);
    }

    private static String person(String name, String kana, String birth, String sex, String relationship) {
        return """
                {"name":"%s","nameKana":"%s","birthDate":"%s","sex":"%s","relationship":"%s",
                 "permanentDomicile":"北海道石狩郡当別町1番地","familyRegisterHead":"%s"}""".formatted(name, kana, birth, sex,
                relationship, name);
    }

    /** Builds the whole history; returns the 宛名番号 of the protected person. */
    String build(ProtectionMeasures protections, SealRegistry seals, Parameters parameters) throws Exception {
        String a = "北海道石狩郡当別町白樺町58番地9";
        NotificationResult in = submit("""
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-01","notifiedOn":"2026-04-02","acknowledgeWarnings":true,
                 "address":{"address":"%s","supplement":"コーポ\\"白樺\\", 201","postalCode":"0610200"},
                 "previousAddress":{"address":"北海道札幌市中央区北1条西2丁目"},
                 "persons":[%s,%s,%s,%s]}""".formatted(a,
                person(YOSHI + "田 太郎", "ヨシダ タロウ", "1970-06-15", "MALE", "世帯主"),
                person(YOSHI + "田 " + KATSU_IVS + "子", "ヨシダ カツコ", "1972-09-20", "FEMALE", "妻"),
                person(YOSHI + "田 一郎", "ヨシダ イチロウ", "2000-04-10", "MALE", "子"),
                person(YOSHI + "田 源", "ヨシダ ゲン", "昭和5年頃", "MALE", "父")));
        head = in.records().get(0).atenaNo();
        String wife = in.records().get(1).atenaNo();
        String son = in.records().get(2).atenaNo();
        String father = in.records().get(3).atenaNo();
        String household = in.records().get(0).householdNo();

        NotificationResult baby = submit("""
                {"type":"BIRTH","effectiveDate":"令和8年4月上旬","householdNo":"%s","person":%s}"""
                .formatted(household, person(YOSHI + "田 春", "ヨシダ ハル", "令和8年4月上旬", "FEMALE", "子")));
        String daughter = baby.records().get(0).atenaNo();

        NotificationResult foreign = submit("""
                {"type":"MOVE_IN_FROM_ABROAD","effectiveDate":"2026-04-05","acknowledgeWarnings":true,
                 "address":{"address":"北海道石狩郡当別町太美町1481番地"},"previousAddress":{"address":"ベトナム社会主義共和国ハノイ市"},
                 "persons":[{"kind":"FOREIGN","name":"NGUYEN THI LAN","nameKana":"グエン ティ ラン","nameAlphabet":"NGUYEN THI LAN",
                   "birthDate":"1998-07-14","sex":"FEMALE","relationship":"世帯主",
                   "foreign":{"nationality":"ベトナム","category":"MID_LONG_TERM","statusOfResidence":"技能実習",
                     "periodOfStay":"1年","stayExpiresOn":"2027-05-10","residenceCardNo":"AB12345678CD"}}]}""");
        String lan = foreign.records().get(0).atenaNo();

        NotificationResult entry = submit("""
                {"type":"EX_OFFICIO_ENTRY","effectiveDate":"2026-04-06","address":{"address":"北海道石狩郡当別町錦町250番地"},
                 "persons":[%s]}""".formatted(person("木下 職", "キノシタ ショク", "1960-01-01", "MALE", "世帯主")));
        String kinoshita = entry.records().get(0).atenaNo();
        String kinoshitaHousehold = entry.records().get(0).householdNo();

        submit("""
                {"type":"MOVE_WITHIN","effectiveDate":"2026-04-10","atenaNos":["%s","%s","%s","%s","%s"],
                 "address":{"address":"北海道石狩郡当別町錦町250番地"}}""".formatted(head, wife, son, father, daughter));
        NotificationResult split = submit("""
                {"type":"HOUSEHOLD_SPLIT","effectiveDate":"2026-04-11","householdNo":"%s","atenaNos":["%s"],
                 "relationships":{"%s":"世帯主"}}""".formatted(household, son, son));
        String sonHousehold = split.records().get(0).householdNo();
        submit("""
                {"type":"HOUSEHOLD_CHANGE","effectiveDate":"2026-04-12","householdNo":"%s","atenaNos":["%s"],
                 "targetHouseholdNo":"%s","relationships":{"%s":"父"}}""".formatted(household, father, sonHousehold, father));
        submit("""
                {"type":"HOUSEHOLD_MERGE","effectiveDate":"2026-04-13","householdNo":"%s","targetHouseholdNo":"%s",
                 "relationships":{"%s":"同居人"}}""".formatted(kinoshitaHousehold, sonHousehold, kinoshita));
        submit("""
                {"type":"HEAD_CHANGE","effectiveDate":"2026-04-14","householdNo":"%s",
                 "relationships":{"%s":"夫","%s":"世帯主","%s":"子"}}""".formatted(household, head, wife, daughter));
        submit("""
                {"type":"EX_OFFICIO_CORRECTION","atenaNo":"%s","changes":{"birthDate":"平成3年2月29日"},"remarks":"戸籍照合"}"""
                .formatted(kinoshita));
        submit("""
                {"type":"CLERICAL_CORRECTION","atenaNo":"%s","changes":{"name":"%s田 一朗"}}""".formatted(son, YOSHI));
        submit("""
                {"type":"MINOR_CORRECTION","atenaNo":"%s","changes":{"name":"%s田 一郎"}}""".formatted(son, YOSHI));
        for (String type : new String[] {"INDIVIDUAL_NUMBER_EX_OFFICIO_ENTRY", "INDIVIDUAL_NUMBER_CHANGE_REQUEST",
                "INDIVIDUAL_NUMBER_EX_OFFICIO_CORRECTION"}) {
            submit("""
                    {"type":"%s","effectiveDate":"2026-04-15","atenaNo":"%s","value":"%s"}""".formatted(type, wife, individualNumber()));
        }
        submit("""
                {"type":"JUMINHYO_CODE_EX_OFFICIO_ENTRY","effectiveDate":"2026-04-16","atenaNo":"%s","value":"%s"}""".formatted(wife, juminhyoCode()));
        submit("""
                {"type":"JUMINHYO_CODE_CHANGE_REQUEST","effectiveDate":"2026-04-16","atenaNo":"%s","value":"%s"}""".formatted(wife, juminhyoCode()));
        submit("""
                {"type":"FORMER_SURNAME_ENTRY","effectiveDate":"2026-04-17","atenaNo":"%s","value":"川上","kana":"カワカミ"}""".formatted(wife));
        submit("""
                {"type":"FORMER_SURNAME_CHANGE","effectiveDate":"2026-04-17","atenaNo":"%s","value":"川神","kana":"カワカミ"}""".formatted(wife));
        submit("""
                {"type":"FORMER_SURNAME_DELETION","effectiveDate":"2026-04-17","atenaNo":"%s"}""".formatted(wife));
        submit("""
                {"type":"ALIAS_ENTRY","effectiveDate":"2026-04-18","atenaNo":"%s","value":"山田 蘭","kana":"ヤマダ ラン"}""".formatted(lan));
        submit("""
                {"type":"ALIAS_DELETION","effectiveDate":"2026-04-19","atenaNo":"%s"}""".formatted(lan));

        // 除票 of every kind, and the three 取消し.
        NotificationResult moved = submit("""
                {"type":"MOVE_WITHIN","effectiveDate":"2026-04-20","atenaNos":["%s"],"address":{"address":"北海道石狩郡当別町弥生1番地"}}"""
                .formatted(lan));
        submit("""
                {"type":"CANCELLATION","notificationNo":%d}""".formatted(moved.notificationNo()));
        NotificationResult temp = submit("""
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-21","acknowledgeWarnings":true,
                 "address":{"address":"北海道石狩郡当別町茂平沢1番地"},"previousAddress":{"address":"北海道江別市"},
                 "persons":[%s]}""".formatted(person("仮野 入", "カリノ イル", "1985-05-05", "MALE", "世帯主")));
        submit("""
                {"type":"CANCELLATION","notificationNo":%d}""".formatted(temp.notificationNo()));
        NotificationResult died = submit("""
                {"type":"DEATH","effectiveDate":"2026-04-22","atenaNo":"%s"}""".formatted(kinoshita));
        submit("""
                {"type":"CANCELLATION","notificationNo":%d}""".formatted(died.notificationNo()));
        submit("""
                {"type":"DEATH","effectiveDate":"令和8年5月頃","atenaNo":"%s"}""".formatted(father));
        submit("""
                {"type":"DISAPPEARANCE","effectiveDate":"2026-04-23","atenaNo":"%s"}""".formatted(kinoshita));
        NotificationResult other = submit("""
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-24","acknowledgeWarnings":true,
                 "address":{"address":"北海道石狩郡当別町東裏1番地"},"previousAddress":{"address":"北海道小樽市"},
                 "persons":[%s,%s]}""".formatted(person("消田 除", "ケシダ ノゾム", "1955-03-03", "MALE", "世帯主"),
                person("消田 出", "ケシダ イズル", "1957-07-07", "FEMALE", "妻")));
        submit("""
                {"type":"EX_OFFICIO_REMOVAL","effectiveDate":"2026-04-25","atenaNo":"%s","remarks":"実態調査により居住の事実なし"}"""
                .formatted(other.records().get(0).atenaNo()));
        submit("""
                {"type":"MOVE_OUT_DOMESTIC","effectiveDate":"2026-05-01","notifiedOn":"2026-04-26","atenaNos":["%s"],
                 "destination":{"address":"東京都千代田区千代田1番1号"},"destinationLgCode":"131016"}"""
                .formatted(other.records().get(1).atenaNo()));
        movedOut = other.records().get(1).atenaNo();
        submit("""
                {"type":"MOVE_OUT_ABROAD","effectiveDate":"2026-04-27","atenaNos":["%s"],"destination":{"address":"ベトナム社会主義共和国"}}"""
                .formatted(lan));

        Actor supervisor = new Actor(Actor.Kind.STAFF, "exchange-supervisor", "試験 責任者", null);
        byte[] png = sealPng();
        TenantContext.runAs(lg, supervisor, () -> {
            var measures = protections.register(new ProtectionMeasures.Registration(wife, Map.of(daughter, "子"),
                    "加害 者", null, "昭和45年1月1日", "男", "北海道札幌市", "接近禁止命令あり",
                    EnumSet.of(ProtectedOperation.CERTIFICATE, ProtectedOperation.INSPECTION), LocalDate.of(2026, 4, 15),
                    true, "013030", "090-0000-0000"));
            protections.release(measures.get(0).measureNo(), ProtectedOperation.CERTIFICATE, "本人の請求（本人確認済み）");
            seals.register(head, png, 15, 15);
            parameters.change("certificate.fee.resident-copy", new ParameterChange(250L, LocalDate.of(2026, 4, 1),
                    "手数料条例の改正"));
        });
        return wife;
    }

    /**
     * After {@link #build}: the 転入通知 answering the 国内転出 and a 成年被後見人 period of the head of the household,
     * started and then ended, two versions.
     */
    void residentExtras(MoveInNotices notices, AdultGuardianships guardianships) {
        TenantContext.runAs(lg, clerk, () -> {
            notices.record(movedOut, new MoveInNotices.Receipt(LocalDate.of(2026, 5, 8), LocalDate.of(2026, 5, 1),
                    "東京都千代田区千代田1番1号", "131016"));
            guardianships.record(head, new AdultGuardianships.Period(LocalDate.of(2025, 1, 10), null));
            guardianships.record(head, new AdultGuardianships.Period(LocalDate.of(2025, 1, 10), LocalDate.of(2026, 3, 31)));
        });
    }

    /**
     * After {@link #build}: rows of the tax module as it writes them (its services are internal to it): two income
     * reports, a 申告 in two revisions, and an assessment with a 更正, the second version with 公的年金等特別徴収. The
     * json input keeps unusual spacing and key order, which the layout must carry as recorded.
     */
    void taxRows(JdbcClient jdbc, TransactionTemplate tx) {
        TenantContext.runAs(lg, clerk, () -> tx.executeWithoutResult(s -> {
            String report = """
                    insert into tax_income_report (lg_code, tax_year, report_no, kind, atena_no, payer_no, payer_name, revenue,
                        social_insurance, life_new_general, life_old_general, life_care_medical, life_new_pension,
                        life_old_pension, earthquake_insurance, old_long_term, spouse_birth_date, spouse_income, dependants,
                        ordinary_collection, source_file, line_no, imported_at, imported_by)
                    values (?, 2026, ?, ?, ?, ?, ?, ?, ?, 90000, 0, 0, 0, 0, 0, 0, ?, ?, ?, ?, ?, ?, ?::timestamptz, 'staff:tax')""";
            jdbc.sql(report).params(lg, 1, "SALARY", head, "E0001", "当別工業株式会社, \"本社\"", 5_000_000, 700_000,
                    LocalDate.of(1972, 9, 20), 0, "2000-04-10:0", false, "salary-2026.csv", 2,
                    "2026-01-31 10:00:00.123456+09").update();
            jdbc.sql(report).params(lg, 2, "PENSION", "123", "P0001", "日本年金機構", 2_100_000, 45_000, null, null, "", true,
                    "pension-2026.csv", 2, "2026-01-31 10:05:00+09").update();
            String ret = """
                    insert into tax_return (lg_code, tax_year, atena_no, revision, content, recorded_at, recorded_by)
                    values (?, 2026, ?, ?, ?::jsonb, ?::timestamptz, 'staff:tax')""";
            jdbc.sql(ret).params(lg, head, 1, "{\"income\":{\"businessIncome\":1000000}}", "2026-03-01 09:00:00+09").update();
            jdbc.sql(ret).params(lg, head, 2, "{\"income\": {\"businessIncome\": 1200000, \"memo\": \"𠮷\"}}",
                    "2026-03-10 09:00:00+09").update();
            String assessment = """
                    insert into tax_assessment (lg_code, tax_year, atena_no, version, reason, rule_version, input, result,
                        total_income, exemption, annual_total, collection, payer_no, installments, assessed_at, assessed_by,
                        pension_collection, pension_amount, pension_installments)
                    values (?, 2026, ?, ?, ?, 'FY2026.1', ?::json, ?::json, ?, ?, ?, ?, ?, ?::bigint[], ?::timestamptz,
                        'staff:tax', ?, ?, ?::bigint[])""";
            jdbc.sql(assessment).params(lg, head, 1, "当初賦課", "{\"b\": 1,  \"a\" : [1, 2]}", "{\"annualTotal\":171600}",
                    3_560_000, "NONE", 171_600, "SPECIAL", "E0001", "{14300,14300,14300,14300,14300,14300,14300,14300,"
                            + "14300,14300,14300,14300}", "2026-05-15 09:00:00+09", null, null, null).update();
            jdbc.sql(assessment).params(lg, head, 2, "修正申告による更正", "{\"b\":2,\"a\":[]}", "{ \"annualTotal\": 79500 }",
                    1_200_000, "INCOME_LEVY", 79_500, "ORDINARY", null, "{}", "2026-07-01 09:00:00.5+09", "FIRST_YEAR",
                    12_000, "{0,3000,3000,2000,2000,2000}").update();
        }));
    }

    /**
     * After {@link #build}: the care module registered the residents of 65 and over itself, from the residents' events;
     * here the stay of the head in a facility elsewhere under its 住所地特例, ended, as the care module writes it.
     */
    void careRows(JdbcClient jdbc, TransactionTemplate tx) {
        TenantContext.runAs(lg, clerk, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                        insert into care_special_status (lg_code, atena_no, seq, kind, facility_name, facility_kind, from_on,
                            until_on, recorded_at, recorded_by) values (?, ?, 1, 'OTHER_INSURER', ?, 'SPECIAL_NURSING_HOME',
                            ?, ?, '2026-04-10 09:00:00+09', 'staff:care')""")
                .params(lg, head, "特別養護老人ホーム「白樺荘」", LocalDate.of(2026, 4, 5), LocalDate.of(2026, 4, 9)).update()));
        // Premiums and a 要介護認定 of a person the care module registered as insured.
        TenantContext.runAs(lg, clerk, () -> tx.executeWithoutResult(s -> {
            String insured = jdbc.sql("select min(atena_no) from care_insured where lg_code = ?").param(lg)
                    .query(String.class).single();
            jdbc.sql("""
                            insert into care_premium_stage_table (lg_code, fiscal_year, revision, stage_table, reason, recorded_at,
                                recorded_by) values (?, 2026, ?, ?::jsonb, ?, ?::timestamptz, 'staff:care')""")
                    .params(lg, 1, "{\"base\": 6200, \"stages\": [{\"no\": 1, \"multiplier\": 0.285}]}", "保険料条例",
                            "2026-03-20 09:00:00+09").update();
            jdbc.sql("""
                            insert into care_tax_result (lg_code, tax_year, atena_no, version, taxed, total_income, pension_revenue,
                                pension_income, reason, recorded_at) values (?, 2026, ?, 1, false, 0, 780000, 0, null,
                                '2026-06-01 09:00:00+09')""").params(lg, insured).update();
            jdbc.sql("""
                            insert into care_premium_assessment (lg_code, fiscal_year, atena_no, version, stage, multiplier,
                                full_year_premium, annual_premium, months, taxed, household_no, household, household_taxed,
                                income_known, collection, installments, reason, recorded_at, recorded_by)
                            values (?, 2026, ?, 1, 1, 0.2850, 21200, 21200, 12, false, null, '[]'::jsonb, false, true,
                                'ORDINARY', ?::jsonb, '当初賦課', '2026-07-01 09:00:00+09', 'staff:care')""")
                    .params(lg, insured, "[{\"period\": 1, \"amount\": 2700}, {\"period\": 2, \"amount\": 2500}]").update();
            jdbc.sql("""
                            insert into care_certification_case (lg_code, case_no, atena_no, kind, applied_on, deadline_on, status,
                                surveyed_on, opinion_on, primary_level, board_level, board_on, decided_level, decided_on, valid_from,
                                valid_until, notified_on) values (?, 1, ?, 'NEW', '2026-04-02', '2026-05-02', 'NOTIFIED',
                                '2026-04-10', '2026-04-12', 'CARE_1', 'CARE_2', '2026-04-25', 'CARE_2', '2026-04-26',
                                '2026-04-02', '2026-10-31', '2026-04-27')""").params(lg, insured).update();
            String step = """
                    insert into care_certification_step (lg_code, case_no, seq, step, on_date, detail, recorded_at, recorded_by)
                    values (?, 1, ?, ?, ?, ?::jsonb, ?::timestamptz, 'staff:care')""";
            String[][] steps = {{"APPLIED", "2026-04-02", "{\"kind\":\"NEW\"}"}, {"SURVEYED", "2026-04-10", "{}"},
                    {"OPINION_RECEIVED", "2026-04-12", "{}"}, {"PRIMARY_JUDGED", "2026-04-20", "{\"level\":\"CARE_1\"}"},
                    {"BOARD_REVIEWED", "2026-04-25", "{\"level\":\"CARE_2\"}"}, {"DECIDED", "2026-04-26", "{\"months\":7}"},
                    {"NOTIFIED", "2026-04-27", "{}"}};
            for (int i = 0; i < steps.length; i++) {
                jdbc.sql(step).params(lg, i + 1, steps[i][0], LocalDate.parse(steps[i][1]), steps[i][2],
                        steps[i][1] + " 17:00:00+09").update();
            }
            jdbc.sql("insert into care_certification_counter (lg_code, last) values (?, 1)").param(lg).update();
            jdbc.sql("""
                            insert into care_eligibility_certificate_issue (lg_code, atena_no, case_no, issued_at, issued_by)
                            values (?, ?, 1, '2026-04-28 11:00:00.25+09', 'staff:care')""").params(lg, insured).update();
        }));
    }

    static byte[] sealPng() throws Exception {
        BufferedImage image = new BufferedImage(120, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.drawOval(10, 10, 100, 100);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

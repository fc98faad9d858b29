package org.kiban.resident;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kiban.KibanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.HINOHARA;
import static org.kiban.TestAccounts.YOKOHAMA;

/**
 * Every 異動 of the standard and its rules, one row each, named by the section of the 住民記録システム標準仕様書
 * (第1.0版 numbering, standards.md §1.2–§1.10) the rule comes from. Each row moves in a family of its own, submits
 * one notification, and checks the answer and what the registry then says.
 */
@KibanIntegrationTest
class NotificationRulesTest {

    private static final AtomicInteger SEED = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    /** What a row gets to work with: a fresh family and the registry. */
    record Ctx(RegistryClient registry, Family f) {
        DocumentContext history(String atenaNo) throws Exception {
            return registry.json("/residents/" + atenaNo + "/history");
        }

        DocumentContext current(String atenaNo) throws Exception {
            return registry.json("/residents/" + atenaNo);
        }

        DocumentContext accepted(String json) throws Exception {
            return registry.accepted(json);
        }
    }

    interface Json {
        String of(Ctx c) throws Exception;
    }

    interface Check {
        void check(Ctx c, DocumentContext answer) throws Exception;
    }

    record Rule(String name, String tenant, Json json, int status, String problem, Check check) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Rule ok(String name, Json json, Check check) {
        return new Rule(name, HINOHARA, json, 201, null, check);
    }

    static Rule refused(String name, Json json, int status, String problem) {
        return new Rule(name, HINOHARA, json, status, problem, (c, a) -> { });
    }

    private static final String PERSON = """
            {"name":"%s","nameKana":"%s","birthDate":"%s","sex":"%s","relationship":"%s","permanentDomicile":"東京都西多摩郡檜原村1番地"}""";

    static Stream<Rule> rules() {
        return Stream.of(
                ok("国内転入_4_1_j590_new household with its head, 住民となった年月日 = 異動日", c -> """
                        {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-05-01","address":{"address":"東京都西多摩郡檜原村500番地"},
                         "previousAddress":{"address":"東京都青梅市東青梅一丁目11番地の1"},
                         "persons":[%s]}""".formatted(PERSON.formatted("根本 一", "ネモト ハジメ", "1970-01-01", "MALE", "世帯主")),
                        (c, a) -> {
                            assertThat(a.<String>read("$.records[0].changeReasonLabel")).isEqualTo("国内転入");
                            assertThat(a.<String>read("$.records[0].becameResidentOn")).isEqualTo("令和8年5月1日");
                            assertThat(a.<String>read("$.records[0].addressSetOn")).isNull();
                            assertThat(a.<String>read("$.records[0].previousAddress")).isEqualTo("東京都青梅市東青梅一丁目11番地の1");
                            assertThat(a.<String>read("$.records[0].birthDate")).isEqualTo("昭和45年1月1日");
                        }),
                refused("国内転入_1_1_10_a new household needs exactly one 世帯主", c -> """
                        {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-05-01","address":{"address":"東京都西多摩郡檜原村501番地"},
                         "previousAddress":{"address":"東京都青梅市"},"persons":[%s]}"""
                        .formatted(PERSON.formatted("根本 二", "ネモト ニ", "1971-01-01", "MALE", "子")), 400, "household-needs-one-head"),
                refused("国内転入_1_1_10_joining a household that has a 世帯主 cannot add another", c -> """
                        {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-05-01","householdNo":"%s",
                         "previousAddress":{"address":"東京都青梅市"},"persons":[%s]}"""
                        .formatted(c.f().household, PERSON.formatted("根本 三", "ネモト サン", "1972-01-01", "MALE", "世帯主")), 400, "second-head"),
                ok("国外転入_1_2_2_reason 国外転入等 with the foreign previous address", c -> """
                        {"type":"MOVE_IN_FROM_ABROAD","effectiveDate":"2026-05-02","householdNo":"%s",
                         "previousAddress":{"address":"アメリカ合衆国カリフォルニア州"},"persons":[%s]}"""
                        .formatted(c.f().household, PERSON.formatted(c.f().surname + " 帰", c.f().kana + " カエル", "1999-12-31", "MALE", "子")),
                        (c, a) -> {
                            assertThat(a.<String>read("$.records[0].changeReason")).isEqualTo("MOVE_IN_FROM_ABROAD");
                            assertThat(a.<String>read("$.records[0].householdHeadName")).isEqualTo(c.f().surname + "　健");
                            assertThat(a.<Integer>read("$.records[0].householdOrder")).isEqualTo(4);
                        }),
                ok("国内転入_4_1_j560_a baby born on the move moves in with the family (reason 国内転入)", c -> """
                        {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-05-03","address":{"address":"東京都西多摩郡檜原村502番地"},
                         "previousAddress":{"address":"東京都青梅市"},"persons":[%s,%s]}"""
                        .formatted(PERSON.formatted("根本 四郎", "ネモト シロウ", "1980-04-04", "MALE", "世帯主"),
                                PERSON.formatted("根本 五月", "ネモト サツキ", "2026-05-03", "FEMALE", "子")),
                        (c, a) -> assertThat(a.<List<String>>read("$.records[*].changeReasonLabel")).containsOnly("国内転入")),
                ok("出生_1_1_8_j80_a 不詳 birth date is accepted and shown as written", c -> """
                        {"type":"BIRTH","effectiveDate":"令和8年1月上旬","householdNo":"%s","person":%s}"""
                        .formatted(c.f().household, PERSON.formatted(c.f().surname + " 希", c.f().kana + " ノゾミ", "令和8年1月上旬", "FEMALE", "子の子")),
                        (c, a) -> {
                            assertThat(a.<String>read("$.records[0].birthDate")).isEqualTo("令和8年1月上旬");
                            assertThat(a.<String>read("$.records[0].effectiveDate")).isEqualTo("令和8年1月上旬");
                            assertThat(a.<String>read("$.records[0].relationship")).isEqualTo("子の子");
                        }),
                refused("出生_4_2_810_the birth date must be the 異動日 of the 出生", c -> """
                        {"type":"BIRTH","effectiveDate":"2026-02-01","householdNo":"%s","person":%s}"""
                        .formatted(c.f().household, PERSON.formatted(c.f().surname + " 違", c.f().kana + " チガウ", "2026-02-02", "MALE", "子")),
                        400, "birth-date-mismatch"),
                ok("職権記載_4_2_750_entered ex officio, no previous address needed", c -> """
                        {"type":"EX_OFFICIO_ENTRY","effectiveDate":"2026-05-04","address":{"address":"東京都西多摩郡檜原村503番地"},
                         "persons":[%s]}""".formatted(PERSON.formatted("根本 六", "ネモト ロク", "1966-06-06", "MALE", "世帯主")),
                        (c, a) -> assertThat(a.<String>read("$.records[0].changeReasonLabel")).isEqualTo("職権記載")),
                ok("転居_4_1_j630_a move to the same address is a 転居", c -> """
                        {"type":"MOVE_WITHIN","effectiveDate":"2026-05-05","atenaNos":["%s","%s","%s"],"address":{"address":"%s"}}"""
                        .formatted(c.f().head, c.f().wife, c.f().child, c.f().address),
                        (c, a) -> {
                            assertThat(a.<List<String>>read("$.records[*].changeReasonLabel")).containsOnly("転居");
                            assertThat(a.<List<String>>read("$.records[*].householdNo")).containsOnly(c.f().household);
                        }),
                ok("転居_1_1_10_some members move: they form a household with their own 世帯主", c -> """
                        {"type":"MOVE_WITHIN","effectiveDate":"2026-05-05","atenaNos":["%s"],"address":{"address":"東京都西多摩郡檜原村600番地"},
                         "relationships":{"%s":"世帯主"}}""".formatted(c.f().child, c.f().child),
                        (c, a) -> {
                            assertThat(a.<String>read("$.records[0].householdNo")).isNotEqualTo(c.f().household);
                            assertThat(a.<String>read("$.records[0].relationship")).isEqualTo("世帯主");
                            assertThat(a.<String>read("$.records[0].beforeMoveAddress")).isEqualTo(c.f().address);
                        }),
                refused("転居_1_1_10_some members move without saying who heads them", c -> """
                        {"type":"MOVE_WITHIN","effectiveDate":"2026-05-05","atenaNos":["%s"],"address":{"address":"東京都西多摩郡檜原村601番地"}}"""
                        .formatted(c.f().child), 400, "relationships-required"),
                ok("国外転出_1_1_5_j50_the 除票 with reason 国外転出 and the destination", c -> """
                        {"type":"MOVE_OUT_ABROAD","effectiveDate":"2026-05-06","atenaNos":["%s"],"destination":{"address":"フランス共和国パリ市"}}"""
                        .formatted(c.f().child),
                        (c, a) -> {
                            assertThat(a.<String>read("$.records[0].status")).isEqualTo("MOVED_OUT");
                            assertThat(a.<String>read("$.records[0].removal.reason")).isEqualTo("MOVE_OUT_ABROAD");
                            assertThat(a.<String>read("$.records[0].removal.destination")).isEqualTo("フランス共和国パリ市");
                        }),
                ok("国内転出_1_1_5_j50_a planned date ahead: resident until then, 除票 from then", c -> """
                        {"type":"MOVE_OUT_DOMESTIC","effectiveDate":"%s","atenaNos":["%s"],"destination":{"address":"大阪府大阪市北区"}}"""
                        .formatted(java.time.LocalDate.now().plusDays(10), c.f().child),
                        (c, a) -> {
                            c.registry().get("/residents/" + c.f().child, "asOf", java.time.LocalDate.now().toString())
                                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.record.status").value("RESIDENT"));
                            c.registry().get("/residents/" + c.f().child, "asOf", java.time.LocalDate.now().plusDays(10).toString())
                                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.record.status").value("MOVED_OUT"));
                        }),
                ok("死亡_1_1_8_j80_a 死亡 on a 不詳 date is accepted", c -> """
                        {"type":"DEATH","effectiveDate":"令和8年5月頃","atenaNo":"%s"}""".formatted(c.f().child),
                        (c, a) -> {
                            assertThat(a.<String>read("$.records[0].status")).isEqualTo("DEAD");
                            assertThat(a.<String>read("$.records[0].removal.removedOn")).isEqualTo("令和8年5月頃");
                        }),
                ok("失踪_4_2_830_removed ex officio with the 失踪宣告 noted", c -> """
                        {"type":"DISAPPEARANCE","effectiveDate":"2026-05-07","atenaNo":"%s"}""".formatted(c.f().child),
                        (c, a) -> {
                            assertThat(a.<String>read("$.records[0].status")).isEqualTo("REMOVED");
                            assertThat(a.<String>read("$.records[0].changeReasonLabel")).isEqualTo("職権消除");
                            assertThat(a.<String>read("$.records[0].remarks")).contains("失踪宣告");
                        }),
                ok("職権消除_4_2_750_removed ex officio", c -> """
                        {"type":"EX_OFFICIO_REMOVAL","effectiveDate":"2026-05-07","atenaNo":"%s","remarks":"実態調査により居住の事実なし"}"""
                        .formatted(c.f().child),
                        (c, a) -> assertThat(a.<String>read("$.records[0].removal.reason")).isEqualTo("EX_OFFICIO_REMOVAL")),
                refused("世帯分離_4_1_j720_the new household needs a 世帯主", c -> """
                        {"type":"HOUSEHOLD_SPLIT","effectiveDate":"2026-05-08","householdNo":"%s","atenaNos":["%s"],"relationships":{"%s":"子"}}"""
                        .formatted(c.f().household, c.f().child, c.f().child), 400, "household-needs-one-head"),
                refused("世帯変更_4_1_j720_an address change in the same operation is prohibited", c -> """
                        {"type":"HOUSEHOLD_CHANGE","effectiveDate":"2026-05-08","householdNo":"%s","atenaNos":["%s"],
                         "targetHouseholdNo":"%s","relationships":{"%s":"同居人"},"address":{"address":"どこか"}}"""
                        .formatted(c.f().household, c.f().child, c.f().household, c.f().child), 400, "unknown-field"),
                ok("世帯合併_4_1_j720_a household at the same address joins another", c -> {
                    DocumentContext other = c.accepted("""
                            {"type":"HOUSEHOLD_SPLIT","effectiveDate":"2026-05-08","householdNo":"%s","atenaNos":["%s"],"relationships":{"%s":"世帯主"}}"""
                            .formatted(c.f().household, c.f().child, c.f().child));
                    return """
                            {"type":"HOUSEHOLD_MERGE","effectiveDate":"2026-05-09","householdNo":"%s","targetHouseholdNo":"%s",
                             "relationships":{"%s":"子"}}""".formatted(RegistryClient.householdOf(other, c.f().surname + "　翔"),
                            c.f().household, c.f().child);
                }, (c, a) -> {
                    assertThat(a.<String>read("$.records[0].householdNo")).isEqualTo(c.f().household);
                    assertThat(a.<String>read("$.records[0].householdHeadName")).isEqualTo(c.f().surname + "　健");
                }),
                refused("世帯合併_4_1_j720_households at different addresses cannot merge", c -> {
                    Family other = Family.moveIn(c.registry(), SEED.incrementAndGet());
                    return """
                            {"type":"HOUSEHOLD_MERGE","effectiveDate":"2026-05-09","householdNo":"%s","targetHouseholdNo":"%s",
                             "relationships":{"%s":"同居人","%s":"同居人","%s":"同居人"}}""".formatted(other.household,
                            c.f().household, other.head, other.wife, other.child);
                }, 400, "different-address"),
                ok("世帯変更_4_1_j720_a member moves to another household at the same address", c -> {
                    DocumentContext other = c.accepted("""
                            {"type":"HOUSEHOLD_SPLIT","effectiveDate":"2026-05-08","householdNo":"%s","atenaNos":["%s"],"relationships":{"%s":"世帯主"}}"""
                            .formatted(c.f().household, c.f().child, c.f().child));
                    return """
                            {"type":"HOUSEHOLD_CHANGE","effectiveDate":"2026-05-09","householdNo":"%s","atenaNos":["%s"],
                             "targetHouseholdNo":"%s","relationships":{"%s":"母"}}""".formatted(c.f().household, c.f().wife,
                            RegistryClient.householdOf(other, c.f().surname + "　翔"), c.f().wife);
                }, (c, a) -> assertThat(a.<String>read("$.records[0].relationship")).isEqualTo("母")),
                ok("世帯主変更_4_1_j730_every member's 続柄 is re-set and the head's name follows", c -> """
                        {"type":"HEAD_CHANGE","effectiveDate":"2026-05-10","householdNo":"%s",
                         "relationships":{"%s":"夫","%s":"世帯主","%s":"子"}}""".formatted(c.f().household, c.f().head, c.f().wife, c.f().child),
                        (c, a) -> {
                            assertThat(a.<List<String>>read("$.records[*].householdHeadName")).containsOnly(c.f().surname + "　恵");
                            assertThat(a.<List<Object>>read("$.records")).hasSize(3);
                            c.registry().get("/residents/" + c.f().head + "/history")
                                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].relationship").value("世帯主"))
                                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[1].relationship").value("夫"));
                        }),
                refused("続柄_1_1_11_孫 is a prohibited value (write 子の子)", c -> """
                        {"type":"HEAD_CHANGE","effectiveDate":"2026-05-10","householdNo":"%s",
                         "relationships":{"%s":"孫","%s":"世帯主","%s":"子"}}""".formatted(c.f().household, c.f().head, c.f().wife, c.f().child),
                        400, "invalid-relationship"),
                refused("続柄_1_1_11_five links or more is 縁故者", c -> """
                        {"type":"HEAD_CHANGE","effectiveDate":"2026-05-10","householdNo":"%s",
                         "relationships":{"%s":"子の子の子の子の子","%s":"世帯主","%s":"子"}}""".formatted(c.f().household, c.f().head, c.f().wife, c.f().child),
                        400, "relationship-too-long"),
                ok("職権修正_4_2_840_a corrected birth date is a new version; the wrong one stays", c -> """
                        {"type":"EX_OFFICIO_CORRECTION","atenaNo":"%s","changes":{"birthDate":"平成3年2月29日"},"remarks":"戸籍照合"}"""
                        .formatted(c.f().child),
                        (c, a) -> {
                            // 平成3年 (1991) has no 2月29日: a date off the calendar is accepted for 生年月日 (§1.1.8, j80).
                            assertThat(a.<String>read("$.records[0].birthDate")).isEqualTo("平成3年2月29日");
                            c.registry().get("/residents/" + c.f().child + "/history")
                                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.length()").value(2))
                                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].birthDate").value(org.hamcrest.Matchers.not("平成3年2月29日")));
                        }),
                ok("誤記修正_4_2_860_the head's name corrected: every member's 世帯主の氏名 follows (j840)", c -> """
                        {"type":"CLERICAL_CORRECTION","atenaNo":"%s","changes":{"name":"%s 建"}}""".formatted(c.f().head, c.f().surname),
                        (c, a) -> {
                            assertThat(a.<List<Object>>read("$.records")).hasSize(3);
                            assertThat(a.<List<String>>read("$.records[*].householdHeadName")).containsOnly(c.f().surname + "　建");
                            assertThat(a.<List<String>>read("$.records[*].changeReasonLabel")).containsOnly("誤記修正");
                        }),
                refused("軽微な修正_4_2_850_a birth date is not a minor correction", c -> """
                        {"type":"MINOR_CORRECTION","atenaNo":"%s","changes":{"birthDate":"2000-01-01"}}""".formatted(c.f().child),
                        400, "not-a-minor-correction"),
                ok("軽微な修正_4_2_850_the address's 町字 renamed", c -> """
                        {"type":"MINOR_CORRECTION","atenaNo":"%s","changes":{"address":{"address":"東京都西多摩郡檜原村本宿1番地"}}}"""
                        .formatted(c.f().child),
                        (c, a) -> assertThat(a.<String>read("$.records[0].changeReasonLabel")).isEqualTo("軽微な修正")),
                ok("個人番号_4_4_j900_entered ex officio with a valid check digit", c -> """
                        {"type":"INDIVIDUAL_NUMBER_EX_OFFICIO_ENTRY","atenaNo":"%s","value":"%s"}""".formatted(c.f().child, individualNumber(c)),
                        (c, a) -> assertThat(a.<String>read("$.records[0].individualNumber")).isEqualTo("************")),
                refused("個人番号_3_1_a bad check digit is refused (総務省令第85号 §5)", c -> """
                        {"type":"INDIVIDUAL_NUMBER_EX_OFFICIO_ENTRY","atenaNo":"%s","value":"123456789017"}""".formatted(c.f().child),
                        400, "invalid-individual-number"),
                refused("個人番号_4_4_j900_a change request needs a number to change", c -> """
                        {"type":"INDIVIDUAL_NUMBER_CHANGE_REQUEST","atenaNo":"%s","value":"%s"}""".formatted(c.f().child, individualNumber(c)),
                        409, "individual-number-absent"),
                refused("個人番号_過誤防止_one number for two persons is refused", c -> {
                    String number = individualNumber(c);
                    c.accepted("""
                            {"type":"INDIVIDUAL_NUMBER_EX_OFFICIO_ENTRY","atenaNo":"%s","value":"%s"}""".formatted(c.f().head, number));
                    return """
                            {"type":"INDIVIDUAL_NUMBER_EX_OFFICIO_ENTRY","atenaNo":"%s","value":"%s"}""".formatted(c.f().wife, number);
                }, 409, "duplicate-individual-number"),
                ok("住民票コード_4_3_j870_entered and then changed on request", c -> {
                    c.accepted("""
                            {"type":"JUMINHYO_CODE_EX_OFFICIO_ENTRY","atenaNo":"%s","value":"%s"}""".formatted(c.f().child, juminhyoCode(c, 1)));
                    return """
                            {"type":"JUMINHYO_CODE_CHANGE_REQUEST","atenaNo":"%s","value":"%s"}""".formatted(c.f().child, juminhyoCode(c, 2));
                }, (c, a) -> assertThat(a.<Integer>read("$.records[0].rirekiNo")).isEqualTo(3)),
                refused("住民票コード_3_2_a bad check digit is refused", c -> """
                        {"type":"JUMINHYO_CODE_EX_OFFICIO_ENTRY","atenaNo":"%s","value":"25208017644"}""".formatted(c.f().child),
                        400, "invalid-juminhyo-code"),
                ok("旧氏_1_1_7_j70_entered, changed and deleted on request", c -> {
                    c.accepted("""
                            {"type":"FORMER_SURNAME_ENTRY","atenaNo":"%s","value":"川上","kana":"カワカミ"}""".formatted(c.f().wife));
                    c.accepted("""
                            {"type":"FORMER_SURNAME_CHANGE","atenaNo":"%s","value":"川神","kana":"カワカミ"}""".formatted(c.f().wife));
                    return """
                            {"type":"FORMER_SURNAME_DELETION","atenaNo":"%s"}""".formatted(c.f().wife);
                }, (c, a) -> {
                    assertThat(a.<String>read("$.records[0].formerSurname")).isNull();
                    c.registry().get("/residents/" + c.f().wife + "/history")
                            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[*].formerSurname")
                                    .value(org.hamcrest.Matchers.contains(null, "川上", "川神", null)));
                }),
                refused("通称_1_1_7_a 通称 is for foreign residents only", c -> """
                        {"type":"ALIAS_ENTRY","atenaNo":"%s","value":"ケン"}""".formatted(c.f().head), 400, "item-not-for-kind"),
                ok("外国人住民_1_1_2_a 中長期在留者 moves in; 生年月日 in 西暦, 通称 entered later", c -> {
                    DocumentContext in = c.accepted("""
                            {"type":"MOVE_IN_FROM_ABROAD","effectiveDate":"2026-05-11","address":{"address":"東京都西多摩郡檜原村700番地"},
                             "previousAddress":{"address":"ベトナム社会主義共和国ハノイ市"},
                             "persons":[{"kind":"FOREIGN","name":"NGUYEN VAN AN","nameKana":"グエン ヴァン アン","nameAlphabet":"NGUYEN VAN AN",
                               "birthDate":"1998-07-14","sex":"MALE","relationship":"世帯主",
                               "foreign":{"nationality":"ベトナム","category":"MID_LONG_TERM","statusOfResidence":"技能実習",
                                 "periodOfStay":"1年","stayExpiresOn":"2027-05-10","residenceCardNo":"ab12345678cd"}}]}""");
                    return """
                            {"type":"ALIAS_ENTRY","atenaNo":"%s","value":"山田 安","kana":"ヤマダ アン"}"""
                            .formatted(in.<String>read("$.records[0].atenaNo"));
                }, (c, a) -> {
                    assertThat(a.<String>read("$.records[0].birthDate")).isEqualTo("1998年7月14日");
                    assertThat(a.<String>read("$.records[0].foreign.residenceCardNo")).isEqualTo("AB12345678CD");
                    assertThat(a.<String>read("$.records[0].alias")).isEqualTo("山田　安");
                }),
                refused("外国人住民_1_1_2_a 中長期在留者 needs the residence card number", c -> """
                        {"type":"MOVE_IN_FROM_ABROAD","effectiveDate":"2026-05-11","address":{"address":"東京都西多摩郡檜原村701番地"},
                         "previousAddress":{"address":"大韓民国"},
                         "persons":[{"kind":"FOREIGN","name":"KIM MINJUN","birthDate":"1990-01-01","sex":"MALE","relationship":"世帯主",
                           "foreign":{"nationality":"韓国","category":"MID_LONG_TERM","statusOfResidence":"留学","periodOfStay":"2年",
                             "stayExpiresOn":"2028-03-31"}}]}""", 400, "foreign-items-required"),
                ok("異動の取消し_4_6_j980_a 転居 undone: the earlier address again, reason 取消し（修正）", c -> {
                    DocumentContext moved = c.accepted("""
                            {"type":"MOVE_WITHIN","effectiveDate":"2026-05-12","atenaNos":["%s","%s","%s"],"address":{"address":"東京都西多摩郡檜原村800番地"}}"""
                            .formatted(c.f().head, c.f().wife, c.f().child));
                    return """
                            {"type":"CANCELLATION","notificationNo":%d}""".formatted(moved.<Number>read("$.notificationNo").longValue());
                }, (c, a) -> {
                    assertThat(a.<List<String>>read("$.records[*].changeReasonLabel")).containsOnly("異動の取消し（修正）");
                    assertThat(a.<List<String>>read("$.records[*].address.address")).containsOnly(c.f().address);
                    assertThat(a.<List<Integer>>read("$.records[*].rirekiNo")).containsOnly(3);
                }),
                ok("異動の取消し_4_6_j980_a 転入 undone: the persons become 除票 (取消し（減）)", c -> """
                        {"type":"CANCELLATION","notificationNo":%d}""".formatted(c.f().result.<Number>read("$.notificationNo").longValue()),
                        (c, a) -> {
                            assertThat(a.<List<String>>read("$.records[*].status")).containsOnly("REMOVED");
                            assertThat(a.<List<String>>read("$.records[*].changeReasonLabel")).containsOnly("異動の取消し（減）");
                        }),
                ok("異動の取消し_4_6_j980_a 死亡 undone: the person is a resident again (取消し（増）)", c -> {
                    DocumentContext died = c.accepted("""
                            {"type":"DEATH","effectiveDate":"2026-05-13","atenaNo":"%s"}""".formatted(c.f().child));
                    return """
                            {"type":"CANCELLATION","notificationNo":%d}""".formatted(died.<Number>read("$.notificationNo").longValue());
                }, (c, a) -> {
                    assertThat(a.<String>read("$.records[0].status")).isEqualTo("RESIDENT");
                    assertThat(a.<String>read("$.records[0].changeReasonLabel")).isEqualTo("異動の取消し（増）");
                    assertThat(a.<Object>read("$.records[0].removal")).isNull();
                }),
                refused("異動の取消し_4_6_j980_not while later 異動 stand on it", c -> {
                    c.accepted("""
                            {"type":"MOVE_WITHIN","effectiveDate":"2026-05-14","atenaNos":["%s","%s","%s"],"address":{"address":"東京都西多摩郡檜原村801番地"}}"""
                            .formatted(c.f().head, c.f().wife, c.f().child));
                    return """
                            {"type":"CANCELLATION","notificationNo":%d}""".formatted(c.f().result.<Number>read("$.notificationNo").longValue());
                }, 409, "later-changes-exist"),
                ok("再転入_4_1_j600_a former resident moves in again under the same 宛名番号", c -> {
                    c.accepted("""
                            {"type":"MOVE_OUT_DOMESTIC","effectiveDate":"2026-05-15","atenaNos":["%s"],"destination":{"address":"東京都あきる野市"}}"""
                            .formatted(c.f().child));
                    return """
                            {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-05-20","address":{"address":"東京都西多摩郡檜原村900番地"},
                             "previousAddress":{"address":"東京都あきる野市"},
                             "persons":[{"atenaNo":"%s","name":"%s 翔","nameKana":"%s ショウ","birthDate":"%s","sex":"MALE",
                               "relationship":"世帯主","permanentDomicile":"東京都西多摩郡檜原村1番地"}]}"""
                            .formatted(c.f().child, c.f().surname, c.f().kana, c.f().result.<String>read("$.records[2].birthDate"));
                }, (c, a) -> {
                    assertThat(a.<String>read("$.records[0].atenaNo")).isEqualTo(c.f().child);
                    assertThat(a.<Integer>read("$.records[0].rirekiNo")).isEqualTo(3);
                    assertThat(a.<String>read("$.records[0].status")).isEqualTo("RESIDENT");
                }),
                refused("過誤防止_the same name and 生年月日 already registered needs the clerk's confirmation", c -> """
                        {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-05-21","address":{"address":"東京都西多摩郡檜原村901番地"},
                         "previousAddress":{"address":"東京都"},"persons":[%s]}"""
                        .formatted("""
                                {"name":"%s","nameKana":"%s","birthDate":"%s","sex":"MALE","relationship":"世帯主","permanentDomicile":"東京都"}"""
                                .formatted(c.f().result.<String>read("$.records[0].name"), c.f().result.<String>read("$.records[0].nameKana"),
                                        c.f().result.<String>read("$.records[0].birthDate"))), 409, "confirmation-required"),
                refused("処理順_4_0_3_a 異動 cannot date before the person's latest one", c -> """
                        {"type":"MOVE_WITHIN","effectiveDate":"2026-03-01","atenaNos":["%s","%s","%s"],"address":{"address":"東京都西多摩郡檜原村902番地"}}"""
                        .formatted(c.f().head, c.f().wife, c.f().child), 400, "effective-date-before-last"),
                refused("異動日_4_0_3_a 転入 cannot be in the future", c -> """
                        {"type":"MOVE_IN_DOMESTIC","effectiveDate":"%s","address":{"address":"東京都西多摩郡檜原村903番地"},
                         "previousAddress":{"address":"東京都"},"persons":[%s]}"""
                        .formatted(java.time.LocalDate.now().plusDays(3), PERSON.formatted("根本 七", "ネモト ナナ", "1977-07-07", "MALE", "世帯主")),
                        400, "date-in-future"),
                new Rule("区間異動_1_2_1_j130_a 転居 to another ward of a designated city keeps the 宛名番号, gets a new 世帯番号", YOKOHAMA,
                        c -> """
                        {"type":"MOVE_WITHIN","effectiveDate":"2026-05-22","atenaNos":["%s","%s","%s"],
                         "address":{"address":"神奈川県横浜市西区みなとみらい二丁目1番1号","wardLgCode":"141038"}}"""
                        .formatted(c.f().head, c.f().wife, c.f().child), 201, null,
                        (c, a) -> {
                            assertThat(a.<List<String>>read("$.records[*].atenaNo")).containsExactlyInAnyOrder(c.f().head, c.f().wife, c.f().child);
                            assertThat(a.<List<String>>read("$.records[*].householdNo")).doesNotContain(c.f().household).hasSize(3);
                            assertThat(a.<List<String>>read("$.records[*].address.wardLgCode")).containsOnly("141038");
                            assertThat(a.<List<String>>read("$.records[*].remarks")).containsOnly("区間異動");
                        }),
                new Rule("指定都市_1_3_a designated city's address names its ward", YOKOHAMA, c -> """
                        {"type":"MOVE_WITHIN","effectiveDate":"2026-05-22","atenaNos":["%s","%s","%s"],"address":{"address":"神奈川県横浜市西区"}}"""
                        .formatted(c.f().head, c.f().wife, c.f().child), 400, "ward-required", (c, a) -> { })
        );
    }

    private static String individualNumber(Ctx c) {
        // Any 11 digits plus the check digit of 総務省令第85号 §5 (standards.md §3.1); unique per family.
        String base = String.format("%011d", 50_000_000_000L + Long.parseLong(c.f().child));
        return base + org.kiban.common.CheckDigits.individualNumber(base);
    }

    private static String juminhyoCode(Ctx c, int n) {
        String base = String.format("%010d", 3_000_000_000L + Long.parseLong(c.f().child) * 10 + n);
        return base + org.kiban.common.CheckDigits.juminhyoCode(base);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleHolds(Rule rule) throws Exception {
        RegistryClient registry = new RegistryClient(mvc, rule.tenant(),
                rule.tenant().equals(YOKOHAMA) ? "yokohama-clerk" : "hinohara-clerk");
        int seed = SEED.incrementAndGet();
        Family family = rule.tenant().equals(YOKOHAMA)
                ? Family.moveIn(registry, seed, false, "神奈川県横浜市中区港町1丁目" + seed + "番地", "141046")
                : Family.moveIn(registry, seed);
        Ctx ctx = new Ctx(registry, family);
        String json = rule.json().of(ctx);
        String before = registry.json("/residents/" + family.head + "/history").jsonString();
        var response = registry.notify(json).andReturn().getResponse();
        String body = response.getContentAsString();
        assertThat(response.getStatus()).as(body).isEqualTo(rule.status());
        DocumentContext answer = JsonPath.parse(body);
        if (rule.problem() != null) {
            assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(answer.<String>read("$.type")).isEqualTo("/problems/" + rule.problem());
            assertThat(answer.<String>read("$.detail")).isNotBlank();
            // Refused: the registry is as it was.
            assertThat(registry.json("/residents/" + family.head + "/history").jsonString()).isEqualTo(before);
        } else {
            assertThat(answer.<String>read("$.type")).isEqualTo(JsonPath.parse(json).<String>read("$.type"));
            assertThat(answer.<Number>read("$.notificationNo").longValue()).isPositive();
            rule.check().check(ctx, answer);
        }
    }
}

package org.kiban.resident;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kiban.KibanIntegrationTest;
import org.kiban.platform.db.DatabaseServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.kiban.TestAccounts.HINOHARA;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input to the registry, field by field and type by type: a 4xx problem document with a Japanese detail,
 * and not one row written (every table of the tenant's registry counted before and after).
 */
@KibanIntegrationTest
class ResidentBadInputTest {

    private static Family family;

    @Autowired
    MockMvc mvc;

    @Autowired
    DatabaseServer db;

    RegistryClient registry;

    @BeforeEach
    void family() throws Exception {
        registry = new RegistryClient(mvc, HINOHARA, "hinohara-clerk");
        if (family == null) {
            family = Family.moveIn(registry, 47);
        }
    }

    private static final String PERSON = """
            {"name":"野村 正","nameKana":"ノムラ タダシ","birthDate":"1975-05-05","sex":"MALE","relationship":"世帯主","permanentDomicile":"東京都"}""";

    private static String moveIn(String person) {
        return """
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-01","address":{"address":"東京都西多摩郡檜原村1番地"},
                 "previousAddress":{"address":"東京都"},"persons":[%s]}""".formatted(person);
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("no type", "{\"effectiveDate\":\"2026-04-01\"}", 400, "invalid-field-value"),
                Arguments.of("unknown type", "{\"type\":\"MOVE_TO_MARS\",\"effectiveDate\":\"2026-04-01\"}", 400, "invalid-field-value"),
                Arguments.of("not JSON", "{\"type\":\"BIRTH\",", 400, "malformed-json"),
                Arguments.of("unknown field", moveIn(PERSON).replace("\"persons\"", "\"pets\":[],\"persons\""), 400, "unknown-field"),
                Arguments.of("unknown person field", moveIn(PERSON.replace("\"sex\"", "\"bloodType\":\"A\",\"sex\"")), 400, "unknown-field"),
                Arguments.of("no persons", moveIn("").replace("[]", "[]"), 400, "persons-required"),
                Arguments.of("impossible 異動日", moveIn(PERSON).replace("2026-04-01", "2026-02-30"), 400, "date-must-be-exact"),
                Arguments.of("異動日 not a date", moveIn(PERSON).replace("2026-04-01", "そのうち"), 400, "invalid-resident-date"),
                Arguments.of("future 届出日", moveIn(PERSON).replace("\"effectiveDate\"", "\"notifiedOn\":\"2099-01-01\",\"effectiveDate\""), 400, "notified-in-future"),
                Arguments.of("届出日 not a date", moveIn(PERSON).replace("\"effectiveDate\"", "\"notifiedOn\":\"昨日\",\"effectiveDate\""), 400, "invalid-field-value"),
                Arguments.of("no name", moveIn(PERSON.replace("\"野村 正\"", "\"\"")), 400, "invalid-name"),
                Arguments.of("symbols in the name (2.1.2)", moveIn(PERSON.replace("野村 正", "（株）野村")), 400, "invalid-name"),
                Arguments.of("フリガナ not katakana", moveIn(PERSON.replace("ノムラ タダシ", "のむら ただし")), 400, "invalid-kana"),
                Arguments.of("生年月日 missing", moveIn(PERSON.replace("\"birthDate\":\"1975-05-05\",", "")), 400, "invalid-date"),
                Arguments.of("生年月日 nonsense", moveIn(PERSON.replace("1975-05-05", "昭和九十九年")), 400, "invalid-resident-date"),
                Arguments.of("生年月日 out of its era", moveIn(PERSON.replace("1975-05-05", "平成31年5月1日")), 400, "date-out-of-era"),
                Arguments.of("sex unknown", moveIn(PERSON.replace("MALE", "OTHER")), 400, "invalid-field-value"),
                Arguments.of("sex missing", moveIn(PERSON.replace("\"sex\":\"MALE\",", "")), 400, "sex-required"),
                Arguments.of("続柄 prohibited (1.1.11)", moveIn(PERSON.replace("世帯主", "準世帯主")), 400, "invalid-relationship"),
                Arguments.of("本籍 missing for a Japanese resident", moveIn(PERSON.replace(",\"permanentDomicile\":\"東京都\"", "")), 400, "permanent-domicile-required"),
                Arguments.of("postal code", moveIn(PERSON).replace("\"address\":\"東京都西多摩郡檜原村1番地\"", "\"address\":\"東京都西多摩郡檜原村1番地\",\"postalCode\":\"19001\""), 400, "invalid-postal-code"),
                Arguments.of("ward for a village", moveIn(PERSON).replace("\"address\":\"東京都西多摩郡檜原村1番地\"", "\"address\":\"x\",\"wardLgCode\":\"141046\""), 400, "ward-not-allowed"),
                Arguments.of("住民票コード check digit", moveIn(PERSON.replace("\"sex\"", "\"juminhyoCode\":\"24727059600\",\"sex\"")), 400, "invalid-juminhyo-code"),
                Arguments.of("個人番号 check digit", moveIn(PERSON.replace("\"sex\"", "\"individualNumber\":\"123456789010\",\"sex\"")), 400, "invalid-individual-number"),
                Arguments.of("外国人 category unknown", moveIn("""
                        {"kind":"FOREIGN","name":"LEE","birthDate":"1990-01-01","sex":"MALE","relationship":"世帯主",
                         "foreign":{"nationality":"韓国","category":"TOURIST"}}"""), 400, "invalid-field-value"),
                Arguments.of("外国人 生年月日 in 和暦 不詳", moveIn("""
                        {"kind":"FOREIGN","name":"LEE","birthDate":"平成2年頃","sex":"MALE","relationship":"世帯主",
                         "foreign":{"nationality":"韓国","category":"SPECIAL_PERMANENT","specialPermanentResidentCertNo":"123456"}}"""), 400, "date-must-be-exact"),
                Arguments.of("本籍 for a foreign resident", moveIn("""
                        {"kind":"FOREIGN","name":"LEE","birthDate":"1990-01-01","sex":"MALE","relationship":"世帯主","permanentDomicile":"東京都",
                         "foreign":{"nationality":"韓国","category":"SPECIAL_PERMANENT","specialPermanentResidentCertNo":"123456"}}"""), 400, "japanese-items-for-foreign"),
                Arguments.of("unknown household", "{\"type\":\"BIRTH\",\"effectiveDate\":\"2026-05-01\",\"householdNo\":\"9999999999\",\"person\":" + PERSON.replace("世帯主", "子") + "}", 404, "not-found"),
                Arguments.of("unknown person", "{\"type\":\"DEATH\",\"effectiveDate\":\"2026-05-01\",\"atenaNo\":\"9999999999\"}", 404, "not-found"),
                Arguments.of("転居 without address", "{\"type\":\"MOVE_WITHIN\",\"effectiveDate\":\"2026-05-01\",\"atenaNos\":[\"%HEAD%\"]}", 400, "address-required"),
                Arguments.of("転出 without destination", "{\"type\":\"MOVE_OUT_DOMESTIC\",\"effectiveDate\":\"2026-05-01\",\"atenaNos\":[\"%HEAD%\"]}", 400, "destination-required"),
                Arguments.of("same person twice", "{\"type\":\"MOVE_OUT_DOMESTIC\",\"effectiveDate\":\"2026-05-01\",\"atenaNos\":[\"%HEAD%\",\"%HEAD%\"],\"destination\":{\"address\":\"x\"}}", 400, "duplicate-person"),
                Arguments.of("correction without changes", "{\"type\":\"EX_OFFICIO_CORRECTION\",\"atenaNo\":\"%HEAD%\",\"changes\":{}}", 400, "changes-required"),
                Arguments.of("correction making a 世帯主", "{\"type\":\"EX_OFFICIO_CORRECTION\",\"atenaNo\":\"%CHILD%\",\"changes\":{\"relationship\":\"世帯主\"}}", 400, "head-by-correction"),
                Arguments.of("旧氏 deletion when none", "{\"type\":\"FORMER_SURNAME_DELETION\",\"atenaNo\":\"%HEAD%\"}", 409, "item-absent"),
                Arguments.of("cancel an unknown notification", "{\"type\":\"CANCELLATION\",\"notificationNo\":999999}", 404, "not-found"),
                Arguments.of("stale household version", "{\"type\":\"MOVE_WITHIN\",\"effectiveDate\":\"2026-05-01\",\"expectedVersions\":{\"%HOUSEHOLD%\":99},\"atenaNos\":[\"%HEAD%\"],\"address\":{\"address\":\"x\"}}", 409, "household-changed"));
    }

    private long rows(String sql) throws Exception {
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String registryCounts() throws Exception {
        String lg = "'" + HINOHARA + "'";
        return rows("select count(*) from resident_record where lg_code = " + lg) + "/"
                + rows("select count(*) from resident_notification where lg_code = " + lg) + "/"
                + rows("select count(*) from household where lg_code = " + lg) + "/"
                + rows("select coalesce(sum(version), 0) from household where lg_code = " + lg) + "/"
                + rows("select coalesce(max(last_base), 0) from resident_number_sequence where lg_code = " + lg);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void refusedWithAProblemAndNothingWritten(String what, String json, int status, String type) throws Exception {
        String body = json.replace("%HEAD%", family.head).replace("%CHILD%", family.child).replace("%HOUSEHOLD%", family.household);
        String before = registryCounts();
        registry.notify(body)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/" + type))
                .andExpect(jsonPath("$.detail").value(matchesPattern(".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*")));
        assertThat(registryCounts()).as("registry unchanged").isEqualTo(before);
    }
}

package org.kiban.certificate;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kiban.KibanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.SABAE;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The standard forms rendered for sample residents and read back as text (PDFBox): every required item, the
 * 発行番号 format of §1.12 (YYYYMMDD 市区町村名 端末 プリンタ 連番 頁/総頁), the 認証文 on the last page only, and no
 * missing glyph. Names with characters outside JIS level 1–2 (𠮷, 髙, 﨑) must come back as written.
 */
@KibanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateIssuanceTest {

    static final String BASE = "/api/v1/municipalities/" + SABAE;

    @Autowired
    MockMvc mvc;

    String household;
    List<String> members = new ArrayList<>();
    String foreigner;

    private DocumentContext notify(String json) throws Exception {
        MockHttpServletResponse r = mvc.perform(post(BASE + "/notifications").with(as("sabae-clerk"))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return JsonPath.parse(r.getContentAsString());
    }

    @BeforeAll
    void residents() throws Exception {
        // A household of nine: the 世帯連記式 copy needs three sheets (4 + 4 + 1, §1.12 / 20.1.2).
        String[][] people = {
                {"𠮷野 太郎", "ヨシノ タロウ", "昭和40年4月4日", "MALE", "世帯主"},
                {"𠮷野 花子", "ヨシノ ハナコ", "昭和42年2月2日", "FEMALE", "妻"},
                {"𠮷野 一郎", "ヨシノ イチロウ", "平成5年5月5日", "MALE", "子"},
                {"𠮷野 次郎", "ヨシノ ジロウ", "平成7年7月7日", "MALE", "子"},
                {"髙橋 美咲", "タカハシ ミサキ", "平成6年6月6日", "FEMALE", "子の妻"},
                {"𠮷野 三郎", "ヨシノ サブロウ", "平成9年9月9日", "MALE", "子"},
                {"𠮷野 結衣", "ヨシノ ユイ", "令和2年2月20日", "FEMALE", "子の子"},
                {"﨑山 源造", "サキヤマ ゲンゾウ", "昭和10年10月10日", "MALE", "妻の父"},
                {"渡邊 民子", "ワタナベ タミコ", "昭和30年3月3日", "FEMALE", "同居人"}};
        StringBuilder persons = new StringBuilder();
        for (String[] p : people) {
            if (!persons.isEmpty()) {
                persons.append(',');
            }
            String numbers = p[4].equals("世帯主")
                    ? ",\"juminhyoCode\":\"24727059608\",\"individualNumber\":\"379474484458\"" : "";
            persons.append("""
                    {"name":"%s","nameKana":"%s","birthDate":"%s","sex":"%s","relationship":"%s",
                     "permanentDomicile":"福井県鯖江市西山町1番地","familyRegisterHead":"𠮷野 太郎"%s}"""
                    .formatted(p[0], p[1], p[2], p[3], p[4], numbers));
        }
        DocumentContext in = notify("""
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-01","notifiedOn":"2026-04-02","acknowledgeWarnings":true,
                 "address":{"address":"福井県鯖江市西山町13番1号","supplement":"西山ハイツ101","postalCode":"9160057"},
                 "previousAddress":{"address":"福井県福井市大手三丁目10番1号"},"persons":[%s]}""".formatted(persons));
        household = in.read("$.records[0].householdNo");
        members.addAll(in.read("$.records[*].atenaNo"));
        DocumentContext f = notify("""
                {"type":"MOVE_IN_FROM_ABROAD","effectiveDate":"2026-04-03","acknowledgeWarnings":true,
                 "address":{"address":"福井県鯖江市本町三丁目3番3号"},"previousAddress":{"address":"ブラジル連邦共和国サンパウロ州"},
                 "persons":[{"kind":"FOREIGN","name":"RODRIGUES DA SILVA SANTOS OLIVEIRA FERNANDA CRISTINA MARIA APARECIDA",
                   "nameAlphabet":"RODRIGUES DA SILVA SANTOS OLIVEIRA FERNANDA CRISTINA MARIA APARECIDA",
                   "nameKana":"ロドリゲス ダ シルヴァ フェルナンダ","birthDate":"1990-12-24","sex":"FEMALE","relationship":"世帯主",
                   "foreign":{"nationality":"ブラジル","category":"MID_LONG_TERM","statusOfResidence":"定住者",
                     "periodOfStay":"5年","stayExpiresOn":"2031-04-02","residenceCardNo":"UV98765432XY"}}]}""");
        foreigner = f.read("$.records[0].atenaNo");
    }

    record Issued(MockHttpServletResponse response, List<String> pages) {
        String all() {
            return String.join("\n", pages);
        }

        String header(String name) {
            return URLDecoder.decode(response.getHeader(name), StandardCharsets.UTF_8);
        }
    }

    Issued issue(String user, String json) throws Exception {
        MockHttpServletResponse r = mvc.perform(post(BASE + "/certificates").with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
        List<String> pages = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(r.getContentAsByteArray())) {
            FormSamples.keep(JsonPath.parse(json).read("$.form"), r.getContentAsByteArray(), pdf);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(pdf));
            }
        }
        String text = String.join("\n", pages);
        // No glyph fell back to a replacement: no '#', no U+FFFD, and the renderer found a font for every character.
        assertThat(text).doesNotContain("\uFFFD").doesNotContain("#");
        assertThat(URLDecoder.decode(r.getHeader("X-Kiban-Warnings"), StandardCharsets.UTF_8)).doesNotContain("登録されていない文字");
        return new Issued(r, pages);
    }

    /** Text as PDFBox extracts it, without the spaces and line breaks layout puts in. */
    static String flat(String text) {
        return text.replaceAll("[\\s　]+", "");
    }

    @Test
    void householdCopyOfNinePersonsOnThreeSheets_spec1_12() throws Exception {
        Issued c = issue("sabae-clerk", """
                {"form":"RESIDENT_COPY_HOUSEHOLD","householdNo":"%s","requester":"SELF",
                 "include":["HOUSEHOLD_HEAD_AND_RELATIONSHIP","PERMANENT_DOMICILE"],"terminal":"本庁1","printer":"プリンタ001"}"""
                .formatted(household));
        assertThat(c.pages()).hasSize(3);
        String all = flat(c.all());
        for (String name : List.of("𠮷野太郎", "𠮷野花子", "髙橋美咲", "﨑山源造", "渡邊民子", "𠮷野結衣")) {
            assertThat(all).contains(name);
        }
        assertThat(all).contains("福井県鯖江市西山町13番1号", "西山ハイツ101", "世帯主", "子の妻", "妻の父", "同居人",
                "昭和40年4月4日", "福井県鯖江市西山町1番地", "福井県福井市大手三丁目10番1号", "令和8年4月1日転入");
        // 発行番号: YYYYMMDD 鯖江市 本庁1 プリンタ001 連番 頁/総頁 on every sheet.
        String issueNo = c.header("X-Kiban-Issue-No");
        assertThat(issueNo).matches("\\d{8} 鯖江市 本庁1 プリンタ001 \\d{3}");
        for (int i = 0; i < 3; i++) {
            assertThat(flat(c.pages().get(i))).contains(flat(issueNo) + (i + 1) + "/3");
        }
        // 認証文 on the last sheet only (§1.12).
        String attestation = "この写しは、世帯全員の住民票の原本と相違ないことを証明する。";
        assertThat(flat(c.pages().get(0))).doesNotContain(attestation);
        assertThat(flat(c.pages().get(1))).doesNotContain(attestation);
        assertThat(flat(c.pages().get(2))).contains(attestation, "福井県鯖江市長");
        // Not asked for: no 個人番号, no 住民票コード.
        assertThat(all).doesNotContain("379474484458").doesNotContain("24727059608");
        assertThat(c.response().getHeader("X-Kiban-Fee")).isEqualTo("300");
    }

    @Test
    void individualCopyWithHistoryAndTheNumbersTheSelfRequesterAskedFor_spec1_12() throws Exception {
        String head = members.get(0);
        mvc.perform(post(BASE + "/notifications").with(as("sabae-clerk")).contentType(MediaType.APPLICATION_JSON).content("""
                {"type":"CLERICAL_CORRECTION","atenaNo":"%s","changes":{"familyRegisterHead":"𠮷野 太郎"},"remarks":"届書照合"}"""
                .formatted(head))).andExpect(status().isCreated());
        Issued c = issue("sabae-clerk", """
                {"form":"RESIDENT_COPY_INDIVIDUAL","atenaNos":["%s"],"requester":"SELF","withHistory":true,
                 "include":["INDIVIDUAL_NUMBER","JUMINHYO_CODE","PERMANENT_DOMICILE","HOUSEHOLD_HEAD_AND_RELATIONSHIP"]}"""
                .formatted(head));
        String all = flat(c.all());
        assertThat(all).contains("住民票", "（個人票）", "𠮷野太郎", "379474484458", "24727059608", "誤記修正",
                "この写しは、住民票の原本と相違ないことを証明する。");
    }

    @Test
    void foreignResidentWithALongAlphabeticNameShrinksInsteadOfBeingCut_spec1_12() throws Exception {
        Issued c = issue("sabae-clerk", """
                {"form":"RESIDENT_COPY_INDIVIDUAL","atenaNos":["%s"],"requester":"SELF","include":["FOREIGN_ITEMS"]}"""
                .formatted(foreigner));
        String all = flat(c.all());
        assertThat(all).contains("RODRIGUESDASILVASANTOSOLIVEIRAFERNANDACRISTINAMARIAAPARECIDA", "1990年12月24日",
                "ブラジル", "中長期在留者", "定住者", "UV98765432XY", "2031年4月2日");
    }

    @Test
    void thirdPartyGetsNoNumbersAndMustStateAPurpose_spec12_3() throws Exception {
        mvc.perform(post(BASE + "/certificates").with(as("sabae-clerk")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"form":"RESIDENT_COPY_INDIVIDUAL","atenaNos":["%s"],"requester":"THIRD_PARTY","requesterName":"弁護士 甲野"}"""
                        .formatted(members.get(1))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.type").value("/problems/purpose-required"));
        mvc.perform(post(BASE + "/certificates").with(as("sabae-clerk")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"form":"RESIDENT_COPY_INDIVIDUAL","atenaNos":["%s"],"requester":"THIRD_PARTY","requesterName":"弁護士 甲野",
                         "purpose":"訴訟の提起","include":["INDIVIDUAL_NUMBER"]}""".formatted(members.get(1))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("/problems/item-not-for-requester"));
        Issued c = issue("sabae-clerk", """
                {"form":"RESIDENT_COPY_INDIVIDUAL","atenaNos":["%s"],"requester":"THIRD_PARTY","requesterName":"弁護士 甲野",
                 "purpose":"訴訟の提起"}""".formatted(members.get(1)));
        assertThat(flat(c.all())).contains("𠮷野花子").doesNotContain("異動前住所");
    }

    @Test
    void officialRequestIsMarkedAndFree() throws Exception {
        Issued c = issue("sabae-clerk", """
                {"form":"RESIDENT_COPY_INDIVIDUAL","atenaNos":["%s"],"requester":"OFFICIAL","requesterName":"福井地方法務局",
                 "purpose":"登記事務"}""".formatted(members.get(2)));
        assertThat(c.response().getHeader("X-Kiban-Fee")).isEqualTo("0");
        assertThat(flat(c.pages().get(0))).contains("公用");
    }

    @Test
    void protectedPersonRefusedToAThirdPartyAuditedAndNoPdf_spec1_1_16() throws Exception {
        String protectedPerson = members.get(8);
        mvc.perform(post(BASE + "/protection-measures").with(as("sabae-clerk")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"applicantAtenaNo\":\"%s\"}".formatted(protectedPerson))).andExpect(status().isCreated());
        MockHttpServletResponse r = mvc.perform(post(BASE + "/certificates").with(as("sabae-clerk"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"form":"RESIDENT_COPY_INDIVIDUAL","atenaNos":["%s"],"requester":"THIRD_PARTY","requesterName":"甲野 乙",
                         "purpose":"債権回収"}""".formatted(protectedPerson))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(JsonPath.parse(r.getContentAsString()).<String>read("$.type")).isEqualTo("/problems/protected-person");
        mvc.perform(get(BASE + "/audit").param("action", "certificate.refused").param("targetId", protectedPerson)
                        .with(as("sabae-auditor")))
                .andExpect(jsonPath("$.length()").value(1));
        // The person themself still gets a copy.
        issue("sabae-clerk", """
                {"form":"RESIDENT_COPY_INDIVIDUAL","atenaNos":["%s"],"requester":"SELF"}""".formatted(protectedPerson));
    }

    @Test
    void reissueIsMarkedAndPrintsTheOriginalState_j660() throws Exception {
        String son = notify("""
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-05","acknowledgeWarnings":true,
                 "address":{"address":"福井県鯖江市西山町13番1号"},"previousAddress":{"address":"福井県福井市"},
                 "persons":[{"name":"西尾 再","nameKana":"ニシオ サイ","birthDate":"平成2年2月2日","sex":"MALE",
                   "relationship":"世帯主","permanentDomicile":"福井県福井市"}]}""").read("$.records[0].atenaNo");
        Issued first = issue("sabae-clerk", """
                {"form":"RESIDENT_COPY_INDIVIDUAL","atenaNos":["%s"],"requester":"SELF"}""".formatted(son));
        mvc.perform(post(BASE + "/notifications").with(as("sabae-clerk")).contentType(MediaType.APPLICATION_JSON).content("""
                {"type":"MOVE_WITHIN","effectiveDate":"2026-06-01","atenaNos":["%s"],"address":{"address":"福井県鯖江市桜町一丁目1番1号"}}"""
                .formatted(son))).andExpect(status().isCreated());
        Issued again = issue("sabae-clerk", """
                {"form":"RESIDENT_COPY_INDIVIDUAL","atenaNos":["%s"],"requester":"SELF","reissueOf":"%s"}"""
                .formatted(son, first.header("X-Kiban-Issue-No")));
        String text = flat(again.all());
        assertThat(text).contains("再交付", "福井県鯖江市西山町13番1号").doesNotContain("桜町");
    }

    @Test
    void verificationPageShowsTheFactsAndNoPersonalData() throws Exception {
        Issued c = issue("sabae-clerk", """
                {"form":"RESIDENT_COPY_INDIVIDUAL","atenaNos":["%s"],"requester":"SELF"}""".formatted(members.get(3)));
        String code = c.response().getHeader("X-Kiban-Verification-Code");
        String sha = c.response().getHeader("X-Kiban-Sha256");
        assertThat(sha).isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(c.response().getContentAsByteArray())));
        mvc.perform(get("/verify/" + code).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sha256").value(sha))
                .andExpect(jsonPath("$.municipality").value("鯖江市"))
                .andExpect(jsonPath("$.form").value("住民票"));
        String page = mvc.perform(get("/verify/" + code)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(sha).doesNotContain("𠮷野").doesNotContain(members.get(3));
        mvc.perform(get("/verify/NOPE-NOPE-NOPE-NOPE").accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
    }

    @Test
    void removedRecordEntryAndMoveOutFormsCarryTheirItems_spec1_12() throws Exception {
        DocumentContext in = notify("""
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-06","acknowledgeWarnings":true,
                 "address":{"address":"福井県鯖江市水落町二丁目5番5号"},"previousAddress":{"address":"福井県越前市府中一丁目1番1号"},
                 "persons":[{"name":"舟津 転","nameKana":"フナツ テン","birthDate":"昭和58年8月8日","sex":"MALE",
                   "relationship":"世帯主","permanentDomicile":"福井県越前市府中一丁目1番地"},
                  {"name":"舟津 逝","nameKana":"フナツ ユキ","birthDate":"昭和20年1月1日","sex":"FEMALE",
                   "relationship":"母","permanentDomicile":"福井県越前市府中一丁目1番地"}]}""");
        String mover = in.read("$.records[0].atenaNo");
        String mother = in.read("$.records[1].atenaNo");

        Issued entry = issue("sabae-clerk", """
                {"form":"ENTRY_CERTIFICATE","atenaNos":["%s"],"requester":"SELF","items":["ADDRESS","BIRTH_DATE"]}"""
                .formatted(mover));
        assertThat(flat(entry.all())).contains("住民票記載事項証明書", "舟津転", "福井県鯖江市水落町二丁目5番5号", "昭和58年8月8日",
                "上記の事項は、住民票の原本と相違ないことを証明する。").doesNotContain("福井県越前市府中一丁目1番地");

        notify("""
                {"type":"DEATH","effectiveDate":"2026-05-05","atenaNo":"%s"}""".formatted(mother));
        Issued removed = issue("sabae-clerk", """
                {"form":"REMOVED_RECORD_COPY","atenaNos":["%s"],"requester":"SELF","withHistory":true}""".formatted(mother));
        assertThat(flat(removed.all())).contains("住民票の除票", "舟津逝", "令和8年5月5日死亡",
                "この写しは、住民票の除票の原本と相違ないことを証明する。");
        issue("sabae-clerk", """
                {"form":"REMOVED_ENTRY_CERTIFICATE","atenaNos":["%s"],"requester":"SELF","items":["BIRTH_DATE"]}""".formatted(mother));
        mvc.perform(post(BASE + "/certificates").with(as("sabae-clerk")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"form":"RESIDENT_COPY_INDIVIDUAL","atenaNos":["%s"],"requester":"SELF"}""".formatted(mother)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("/problems/record-removed"));

        notify("""
                {"type":"MOVE_OUT_DOMESTIC","effectiveDate":"%s","notifiedOn":"%s","atenaNos":["%s"],
                 "destination":{"address":"東京都千代田区霞が関二丁目1番2号"},"destinationLgCode":"131016"}"""
                .formatted(java.time.LocalDate.now().plusDays(7), java.time.LocalDate.now(), mover));
        Issued moveOut = issue("sabae-clerk", """
                {"form":"MOVE_OUT_CERTIFICATE","atenaNos":["%s"],"requester":"SELF"}""".formatted(mover));
        assertThat(flat(moveOut.all())).contains("転出証明書", "舟津転", "国内転出", "東京都千代田区霞が関二丁目1番2号",
                "上記の者は、転出の届出をしたことを証明する。");
        assertThat(moveOut.response().getHeader("X-Kiban-Fee")).isEqualTo("0");
        issue("sabae-clerk", """
                {"form":"MOVE_OUT_EQUIVALENT","atenaNos":["%s"],"requester":"SELF"}""".formatted(mover));
    }

    @Test
    void theCertificateIsSignedAndATamperedByteIsDetected() throws Exception {
        Issued c = issue("sabae-clerk", """
                {"form":"RESIDENT_COPY_INDIVIDUAL","atenaNos":["%s"],"requester":"SELF"}""".formatted(members.get(4)));
        byte[] pdf = c.response().getContentAsByteArray();
        var verifier = new org.kiban.certificate.internal.pdf.PdfSignatureVerifier();
        var result = verifier.verify(pdf);
        assertThat(result.intact()).isTrue();
        assertThat(result.signerSubject()).contains("福井県鯖江市長");
        byte[] tampered = pdf.clone();
        // One bit of the signed content (early in the file, far from the signature at its end).
        tampered[2000] ^= 0x01;
        assertThat(verifier.verify(tampered).intact()).isFalse();
    }
}

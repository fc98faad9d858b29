package org.kiban.disaster;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.certificate.internal.pdf.PdfSignatureVerifier;
import org.kiban.tenancy.internal.StaffService;
import org.kiban.tenancy.internal.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.as;
import static org.kiban.disaster.AidWorld.KUROSHIO;
import static org.kiban.disaster.AidWorld.SHIMANTO;
import static org.kiban.disaster.AidWorld.TOSA;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 被災者台帳 (災害対策基本法第90条の3) and the 罹災証明書 (第90条の2, 統一様式 内閣府 令和2年3月) issued from it, by the
 * affected town's staff and by another party's 応援職員 in the affected town's name.
 */
@KibanIntegrationTest
class VictimRegisterTest {

    static final String BASE = "/api/v1/municipalities/" + KUROSHIO;

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantService tenants;
    @Autowired
    StaffService staff;

    AidWorld w;

    @BeforeEach
    void world() throws Exception {
        w = AidWorld.get(mvc, tenants, staff);
    }

    private MockHttpServletResponse post(String user, String path, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void surveysAppendTheNewestCountsAndSupportIsRecordedPerHousehold() throws Exception {
        // 損害割合 45.5%: 大規模半壊 (40%以上50%未満, 運用指針).
        MockHttpServletResponse first = post("kuroshio-tax", BASE + "/disasters/" + w.during + "/households", """
                {"householdNo":"%s","damageRatio":45.5,"flooding":"ABOVE_FLOOR","survey":"第1次調査",
                 "needsCare":"要介護認定者あり","contact":"090-0000-0000"}""".formatted(w.household));
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
        DocumentContext e1 = JsonPath.parse(first.getContentAsString());
        assertThat(e1.<String>read("$.currentLevel")).isEqualTo("LARGE_SCALE_HALF_COLLAPSE");
        int surveys = e1.<List<String>>read("$.assessments[*].seq").size();
        assertThat(e1.<String>read("$.headAtenaNo")).isEqualTo(w.head);
        assertThat(e1.<String>read("$.damagedAddress")).isEqualTo("高知県幡多郡黒潮町入野5893番地");
        assertThat(e1.<List<String>>read("$.members[*].atenaNo")).containsExactly(w.head, w.child);
        // 30% is the lower bound of 中規模半壊, not 半壊: a level that contradicts the ratio is refused.
        MockHttpServletResponse mismatch = post("kuroshio-tax", BASE + "/disasters/" + w.during + "/households", """
                {"householdNo":"%s","damageRatio":30,"damageLevel":"HALF_COLLAPSE"}""".formatted(w.household));
        assertThat(mismatch.getStatus()).isEqualTo(400);
        assertThat(mismatch.getContentAsString()).contains("/problems/damage-level-mismatch");
        // 第2次調査 (内部立入調査) finds 52%: 全壊; appended, the first kept.
        MockHttpServletResponse second = post("kuroshio-tax", BASE + "/disasters/" + w.during + "/households", """
                {"householdNo":"%s","damageRatio":52,"flooding":"ABOVE_FLOOR","survey":"第2次調査"}""".formatted(w.household));
        DocumentContext e2 = JsonPath.parse(second.getContentAsString());
        List<String> levels = e2.read("$.assessments[*].damageLevel");
        assertThat(levels).hasSize(surveys + 1);
        assertThat(levels.subList(surveys - 1, surveys + 1)).containsExactly("LARGE_SCALE_HALF_COLLAPSE", "TOTAL_COLLAPSE");
        assertThat(e2.<String>read("$.currentLevel")).isEqualTo("TOTAL_COLLAPSE");
        // 被災者生活再建支援金: 全壊の複数世帯は基礎支援金100万円 (被災者生活再建支援法第3条第2項第1号).
        MockHttpServletResponse support = post("kuroshio-tax", BASE + "/disasters/" + w.during + "/households/"
                + w.household + "/supports", """
                {"kind":"被災者生活再建支援金（基礎支援金）","amountYen":1000000,"providedOn":"%s"}""".formatted(AidWorld.TODAY));
        assertThat(support.getStatus()).as(support.getContentAsString()).isEqualTo(201);
        mvc.perform(get(BASE + "/disasters/" + w.during + "/households").with(as("kuroshio-tax")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.householdNo == '" + w.household + "')].supportTotalYen").value(1000000))
                .andExpect(jsonPath("$[?(@.householdNo == '" + w.household + "')].needsCare").value("要介護認定者あり"));
    }

    @Test
    void theAffectedTownIssuesTheCertificateSignedInItsNameWithTheCurrentLevelMarked() throws Exception {
        post("kuroshio-tax", BASE + "/disasters/" + w.during + "/households", """
                {"householdNo":"%s","damageLevel":"TOTAL_COLLAPSE","flooding":"ABOVE_FLOOR"}""".formatted(w.household));
        MockHttpServletResponse r = post("kuroshio-tax", BASE + "/disasters/" + w.during + "/households/" + w.household
                + "/certificate", "{}");
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        String text = text(r.getContentAsByteArray());
        String flat = text.replaceAll("\\s", "");
        assertThat(flat).contains("罹災証明書", "世帯主住所", "高知県幡多郡黒潮町入野5893番地", "世帯主氏名", "浜田　潮",
                "罹災原因", "令和8年豪雨による", "被災住家の所在地", "住家の被害の程度",
                "■全壊", "□大規模半壊", "□中規模半壊", "□半壊", "□準半壊", "□準半壊に至らない（一部損壊）",
                "■床上浸水", "□床下浸水", "上記のとおり相違ないことを証明します。", "高知県黒潮町長", "検証コード");
        assertThat(r.getHeader("X-Kiban-Pages")).isEqualTo("1");
        var signature = new PdfSignatureVerifier().verify(r.getContentAsByteArray());
        assertThat(signature.intact()).isTrue();
        assertThat(signature.signerSubject()).contains("高知県黒潮町長");
        String code = r.getHeader("X-Kiban-Verification-Code");
        mvc.perform(get("/verify/" + code).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.form").value("罹災証明書"))
                .andExpect(jsonPath("$.municipality").value("黒潮町"));
        String issueNo = URLDecoder.decode(r.getHeader("X-Kiban-Issue-No"), StandardCharsets.UTF_8);
        mvc.perform(get(BASE + "/disasters/" + w.during + "/households/" + w.household).with(as("kuroshio-tax")))
                .andExpect(jsonPath("$.certificates[*].issueNo").value(org.hamcrest.Matchers.hasItem(issueNo)));
        // The 罹災証明書 is not a registry form: the general endpoint refuses it.
        MockHttpServletResponse viaRegistry = post("kuroshio-clerk", BASE + "/certificates", """
                {"form":"DISASTER_VICTIM_CERTIFICATE","atenaNos":["%s"],"requester":"SELF"}""".formatted(w.head));
        assertThat(viaRegistry.getStatus()).isEqualTo(400);
    }

    @Test
    void aidStaffRecordDamageAndIssueInTheAffectedTownsNameAuditedToBoth() throws Exception {
        String aid = "/api/v1/municipalities/" + SHIMANTO + "/mutual-aid/" + KUROSHIO + "/disasters/" + w.during;
        MockHttpServletResponse recorded = post("shimanto-tax", aid + "/households", """
                {"householdNo":"%s","damageRatio":22,"survey":"第1次調査（応援）"}""".formatted(w.household));
        assertThat(recorded.getStatus()).as(recorded.getContentAsString()).isEqualTo(201);
        // The helper gets back what it recorded, not the household's members.
        assertThat(recorded.getContentAsString()).contains("HALF_COLLAPSE").doesNotContain("浜田").doesNotContain("members");
        MockHttpServletResponse issued = post("shimanto-tax", aid + "/households/" + w.household + "/certificate",
                "{\"requesterName\":\"浜田　潮\"}");
        assertThat(issued.getStatus()).as(issued.getContentAsString()).isEqualTo(200);
        String flat = text(issued.getContentAsByteArray()).replaceAll("\\s", "");
        // In the affected town's name, numbered in its sequence, with the level the helper recorded.
        assertThat(flat).contains("罹災証明書", "高知県黒潮町長", "■半壊", "□全壊");
        assertThat(URLDecoder.decode(issued.getHeader("X-Kiban-Issue-No"), StandardCharsets.UTF_8)).contains(" 黒潮町 ");
        assertThat(new PdfSignatureVerifier().verify(issued.getContentAsByteArray()).signerSubject()).contains("高知県黒潮町長");

        List<String> affected = JsonPath.parse(mvc.perform(get(BASE + "/mutual-aid/accesses").with(as("kuroshio-auditor")))
                .andReturn().getResponse().getContentAsString()).read("$[*].action");
        List<String> helper = JsonPath.parse(mvc.perform(get("/api/v1/municipalities/" + SHIMANTO + "/mutual-aid/accesses")
                .with(as("shimanto-auditor"))).andReturn().getResponse().getContentAsString()).read("$[*].action");
        assertThat(affected).contains("mutual-aid.damage-recorded", "mutual-aid.certificate-issued");
        assertThat(helper).contains("mutual-aid.damage-recorded", "mutual-aid.certificate-issued");

        // A town without an agreement can do neither.
        String tosa = "/api/v1/municipalities/" + TOSA + "/mutual-aid/" + KUROSHIO + "/disasters/" + w.during;
        assertThat(post("tosa-clerk", tosa + "/households/" + w.household + "/certificate", "{}").getStatus()).isEqualTo(403);
        assertThat(post("tosa-clerk", tosa + "/households", "{\"householdNo\":\"%s\",\"damageRatio\":60}"
                .formatted(w.household)).getStatus()).isEqualTo(403);
    }
}

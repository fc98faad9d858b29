package org.kiban.seal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.HINOHARA;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 印鑑登録 per the 印鑑登録証明事務処理要領 (昭和49年自治振第10号). */
@KibanIntegrationTest
class SealRegistrationTest {

    static final String BASE = "/api/v1/municipalities/" + HINOHARA;

    @Autowired
    MockMvc mvc;

    static String sealPng() throws Exception {
        BufferedImage image = new BufferedImage(180, 180, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.drawOval(10, 10, 160, 160);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private DocumentContext moveIn(String name, String kana, String birth) throws Exception {
        MockHttpServletResponse r = mvc.perform(post(BASE + "/notifications").with(as("hinohara-clerk"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-01","acknowledgeWarnings":true,
                         "address":{"address":"東京都西多摩郡檜原村4000番地"},"previousAddress":{"address":"東京都八王子市"},
                         "persons":[{"name":"%s","nameKana":"%s","birthDate":"%s","sex":"FEMALE","relationship":"世帯主",
                           "permanentDomicile":"東京都八王子市"}]}""".formatted(name, kana, birth))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return JsonPath.parse(r.getContentAsString());
    }

    private MockHttpServletResponse register(String atenaNo, double size) throws Exception {
        return mvc.perform(post(BASE + "/seal-registrations").with(as("hinohara-clerk")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"atenaNo\":\"%s\",\"sealImage\":\"%s\",\"widthMm\":%s,\"heightMm\":%s}"
                        .formatted(atenaNo, sealPng(), size, size))).andReturn().getResponse();
    }

    @Test
    void registerThenCertifyWithTheCardAndLoseItOnDeath_yoryo2_3_11() throws Exception {
        String atenaNo = moveIn("印田 登子", "インダ トウコ", "昭和50年1月1日").read("$.records[0].atenaNo");
        // 第3: the seal is a square of 8 mm to 25 mm.
        assertThat(register(atenaNo, 7.5).getStatus()).isEqualTo(400);
        MockHttpServletResponse ok = register(atenaNo, 15);
        assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(201);
        String card = JsonPath.parse(ok.getContentAsString()).read("$.cardNo");
        assertThat(org.kiban.common.CheckDigits.isValidAtenaNo(card)).isTrue();
        // One registration per person.
        assertThat(register(atenaNo, 15).getStatus()).isEqualTo(409);
        // The 印鑑登録証: its number and the municipality, no name.
        long registrationNo = JsonPath.parse(ok.getContentAsString()).<Number>read("$.registrationNo").longValue();
        byte[] cardPdf = mvc.perform(post(BASE + "/seal-registrations/" + registrationNo + "/card").with(as("hinohara-clerk")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument cardDoc = Loader.loadPDF(cardPdf)) {
            org.kiban.certificate.FormSamples.keep("SEAL_CARD", cardPdf, cardDoc);
            String text = new PDFTextStripper().getText(cardDoc).replaceAll("[\\s　]+", "");
            assertThat(text).contains("印鑑登録証", card, "檜原村").doesNotContain("印田");
            // ID-1 card width, 85.6 mm = 242.6 pt
            assertThat(cardDoc.getPage(0).getMediaBox().getWidth()).isLessThan(260f);
        }

        // The certificate only on presentation of the card.
        mvc.perform(post(BASE + "/certificates").with(as("hinohara-clerk")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"form":"SEAL_CERTIFICATE","atenaNos":["%s"],"requester":"SELF","sealCardNo":"0000000"}""".formatted(atenaNo)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("/problems/seal-card-mismatch"));
        MockHttpServletResponse pdf = mvc.perform(post(BASE + "/certificates").with(as("hinohara-clerk"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"form":"SEAL_CERTIFICATE","atenaNos":["%s"],"requester":"SELF","sealCardNo":"%s"}""".formatted(atenaNo, card)))
                .andReturn().getResponse();
        assertThat(pdf.getStatus()).as(pdf.getContentAsString()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.getContentAsByteArray())) {
            org.kiban.certificate.FormSamples.keep("SEAL_CERTIFICATE", pdf.getContentAsByteArray(), doc);
            String text = new PDFTextStripper().getText(doc).replaceAll("[\\s　]+", "");
            assertThat(text).contains("印鑑登録証明書", "印田登子", "昭和50年1月1日", "東京都西多摩郡檜原村4000番地",
                    "この写しは、登録されている印影と相違ないことを証明する。");
            assertThat(doc.getPage(0).getResources().getXObjectNames()).isNotEmpty();
        }

        // 第11: death ends the registration, without a clerk.
        mvc.perform(post(BASE + "/notifications").with(as("hinohara-clerk")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"DEATH\",\"effectiveDate\":\"2026-05-01\",\"atenaNo\":\"%s\"}".formatted(atenaNo)))
                .andExpect(status().isCreated());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            body = mvc.perform(get(BASE + "/seal-registrations").param("atenaNo", atenaNo).with(as("hinohara-clerk")))
                    .andReturn().getResponse().getContentAsString();
            if (body.contains("\"active\":false")) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(JsonPath.parse(body).<Boolean>read("$[0].active")).isFalse();
        assertThat(JsonPath.parse(body).<String>read("$[0].abolitionReason")).isEqualTo("死亡");
    }

    @Test
    void under15CannotRegister_yoryo2() throws Exception {
        String child = moveIn("印田 幼子", "インダ オサナコ", "令和2年5月5日").read("$.records[0].atenaNo");
        MockHttpServletResponse r = register(child, 12);
        assertThat(r.getStatus()).isEqualTo(409);
        assertThat(JsonPath.parse(r.getContentAsString()).<String>read("$.type")).isEqualTo("/problems/seal-under-age");
    }

    @Test
    void abolitionOnRequest() throws Exception {
        String atenaNo = moveIn("印田 廃子", "インダ ハイコ", "昭和60年6月6日").read("$.records[0].atenaNo");
        long no = JsonPath.parse(register(atenaNo, 18).getContentAsString()).<Number>read("$.registrationNo").longValue();
        mvc.perform(post(BASE + "/seal-registrations/" + no + "/abolition").with(as("hinohara-clerk"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"廃止申請\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        mvc.perform(post(BASE + "/seal-registrations/" + no + "/abolition").with(as("hinohara-clerk")))
                .andExpect(status().isConflict());
    }
}

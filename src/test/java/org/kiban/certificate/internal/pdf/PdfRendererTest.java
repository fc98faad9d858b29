package org.kiban.certificate.internal.pdf;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PdfRendererTest {

    /** The issue's sample names: non-BMP 𠮷, 髙 (はしごだか), 﨑 (CJK compatibility), 民, 邊, and foreign names. */
    private static final List<String> NAMES = List.of(
            "𠮷野 太郎", "髙橋 花子", "﨑山 一郎", "民", "渡邊 德子", "濵田 邉",
            "WOLFESCHLEGELSTEINHAUSENBERGERDORFF, HUBERT BLAINE", "Nguyễn Thị Minh Khai", "Łukasz Żółkiewski",
            "Şükrü Çağlar");

    private static String namesPage() {
        StringBuilder body = new StringBuilder("<h1>住民票の写し</h1><table>");
        for (String name : NAMES) {
            body.append("<tr><th>氏名</th><td>").append(name).append("</td></tr>");
        }
        body.append("</table>");
        return PdfFixtures.page("th { font-family: sans-serif; font-weight: bold; }", body.toString());
    }

    @Test
    void namesComeBackExactlyWhenTheTextIsExtracted() {
        PdfRenderer.Result result = PdfFixtures.renderer().render(namesPage());

        String text = PdfFixtures.text(result.pdf());
        for (String name : NAMES) {
            assertThat(text).as("extracted text").contains(name);
        }
        // With PDFBox before 3.0.8 (or a bad ToUnicode map) 民 came back as the radical ⺠ (U+2EA0).
        assertThat(text).doesNotContain("\u2EA0").doesNotContain("#");
        assertThat(result.missingCodePoints()).isEmpty();
        assertThat(result.allGlyphsPresent()).isTrue();
        assertThat(result.pages()).isEqualTo(1);
    }

    @Test
    void kanjiThatShareAGlyphWithAKangxiRadicalComeBackAsKanji() {
        // The fonts map 民 and ⺠ (U+2EA0), 山 and ⼭ (U+2F2D) … to one glyph. PDFBox 3.0.7 wrote the lowest
        // code point of the glyph into the ToUnicode map, so copy and paste gave radicals (PDFBOX-6210,
        // fixed in 3.0.8, which the pom pins); checked here for each such kanji of common surnames.
        String kanji = "民山角言金長門飛香見赤高黄鼻齒龍龜";
        String text = PdfFixtures.text(PdfFixtures.renderer().render(PdfFixtures.page("<p>" + kanji + "</p>")).pdf());

        assertThat(text.strip()).isEqualTo(kanji);
        assertThat(text.codePoints().filter(cp -> cp >= 0x2E80 && cp <= 0x2FDF)).isEmpty();
    }

    @Test
    void everyGlyphIsFromAnEmbeddedFontAndJapaneseFromTheRequestedFamily() {
        List<PdfFixtures.Glyph> glyphs = PdfFixtures.glyphs(PdfFixtures.renderer().render(namesPage()).pdf());

        assertThat(glyphs).isNotEmpty().allSatisfy(g -> {
            assertThat(g.embedded()).as(g.toString()).isTrue();
            assertThat(g.glyphId()).as("%s is not .notdef", g).isPositive();
        });
        assertThat(glyphs).filteredOn(g -> g.unicode().equals("𠮷")).extracting(PdfFixtures.Glyph::font)
                .containsOnly("NotoSerifJP-Regular");
        assertThat(glyphs).filteredOn(g -> g.unicode().equals("氏")).extracting(PdfFixtures.Glyph::font)
                .containsOnly("NotoSansJP-Bold");
        // Ł and Ş are not in Noto Serif JP: drawn by the Latin fallback, in the same document.
        assertThat(glyphs).filteredOn(g -> g.unicode().equals("Ł") || g.unicode().equals("Ş"))
                .extracting(PdfFixtures.Glyph::font).containsOnly("NotoSerif-Regular");
        assertThat(glyphs).filteredOn(g -> g.unicode().equals("W")).extracting(PdfFixtures.Glyph::font)
                .containsOnly("NotoSerifJP-Regular");
    }

    @Test
    void reportsAnUnregisteredGaijiInsteadOfPrintingItSilently() {
        // U+20001 is in no registered font: openhtmltopdf prints '#', the result names it.
        PdfRenderer.Result result = PdfFixtures.renderer().render(PdfFixtures.page("<p>\uD840\uDC01田 一郎</p>"));

        assertThat(result.missingCodePoints()).containsExactly(0x20001);
        assertThat(result.allGlyphsPresent()).isFalse();
        assertThat(result.describeMissing()).isEqualTo("U+20001 \uD840\uDC01");
        assertThat(PdfFixtures.text(result.pdf())).contains("#田 一郎");
    }

    @Test
    void onlyTheBodyCountsForMissingGlyphs() {
        // A character in the title or a style sheet comment is not drawn.
        String page = PdfFixtures.page("/* \uD840\uDC01 */", "<p>山田</p>").replace("<title>試験", "<title>\uD840\uDC01");
        assertThat(PdfFixtures.renderer().render(page).missingCodePoints()).isEmpty();
    }

    @Test
    void rendersA4PortraitAndCountsPages() throws IOException {
        String rows = "<p>住民票の写し 世帯全員 𠮷野 髙橋 﨑山</p>".repeat(150);
        PdfRenderer.Result result = PdfFixtures.renderer().render(PdfFixtures.page(rows));

        try (PDDocument document = Loader.loadPDF(result.pdf())) {
            assertThat(result.pages()).isGreaterThan(1).isEqualTo(document.getNumberOfPages());
            PDRectangle box = document.getPage(0).getMediaBox();
            // 210 × 297 mm in points (1 pt = 25.4/72 mm).
            assertThat(box.getWidth()).isCloseTo(595.28f, within(0.1f));
            assertThat(box.getHeight()).isCloseTo(841.89f, within(0.1f));
        }
    }

    @Test
    void aPageWithoutPageRuleIsA4Too() throws IOException {
        String page = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>住民票</p></body></html>";
        try (PDDocument document = Loader.loadPDF(PdfFixtures.renderer().render(page).pdf())) {
            assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(841.89f, within(0.1f));
        }
    }

    @Test
    void setsTheDocumentInformation() throws IOException {
        Instant created = Instant.parse("2026-11-28T01:02:03Z");
        PdfRenderer.Result result = PdfFixtures.renderer().render(PdfFixtures.page("<p>住民票</p>"),
                new PdfRenderer.RenderOptions("住民票の写し", "横浜市", "証明書", created));
        try (PDDocument document = Loader.loadPDF(result.pdf())) {
            var info = document.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("住民票の写し");
            assertThat(info.getAuthor()).isEqualTo("横浜市");
            assertThat(info.getSubject()).isEqualTo("証明書");
            assertThat(info.getProducer()).isEqualTo("Kiban");
            assertThat(info.getCreationDate().toInstant()).isEqualTo(created);
        }
    }

    @Test
    void embedsDataUriImagesButFetchesNothing() throws IOException {
        String qr = QrCodes.pngDataUri("https://kiban.example/verify/ABCD-EFGH");
        String page = PdfFixtures.page("""
                <img src="%s" style="width: 20mm; height: 20mm"/>
                <img src="file:///etc/passwd" style="width: 20mm; height: 20mm"/>
                <img src="http://127.0.0.1:9/x.png" style="width: 20mm; height: 20mm"/>
                """.formatted(qr));
        try (PDDocument document = Loader.loadPDF(PdfFixtures.renderer().render(page).pdf())) {
            PDPage first = document.getPage(0);
            List<COSName> images = new ArrayList<>();
            for (COSName name : first.getResources().getXObjectNames()) {
                images.add(name);
            }
            assertThat(images).hasSize(1);
        }
    }

    @Test
    void aReusableImageIsCopiedIntoEachDocumentWithTheSamePixelsAndPlacement() throws IOException {
        // A grey seal-like image with a gradient and a frame: every pixel must come back as drawn.
        java.awt.image.BufferedImage drawn = new java.awt.image.BufferedImage(120, 90,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 120; x++) {
                int v = (x == 0 || y == 0 || x == 119 || y == 89) ? 0 : (x * 2 + y) % 256;
                drawn.getRaster().setSample(x, y, 0, v);
            }
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(drawn, "png", png);
        String uri = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png.toByteArray());
        String page = PdfFixtures.page("<p>公印</p><img src=\"" + uri + "\" style=\"width: 24mm; height: 18mm\"/>");

        PdfRenderer plain = new PdfRenderer(PdfFixtures.renderer().fonts());
        PdfRenderer reusing = new PdfRenderer(PdfFixtures.renderer().fonts());
        reusing.registerReusableImage(uri);
        assertThat(reusing.reusableImageCount()).as("kept ready").isEqualTo(1);
        // Made for the document on its own (document 0) and copied from the cache (documents 1 and 2): the same samples.
        List<byte[]> pdfs = List.of(plain.render(page).pdf(), reusing.render(page).pdf(), reusing.render(page).pdf());
        java.awt.image.Raster reference = null;
        for (int i = 0; i < pdfs.size(); i++) {
            try (PDDocument document = Loader.loadPDF(pdfs.get(i))) {
                PDPage first = document.getPage(0);
                List<org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject> images = new ArrayList<>();
                for (COSName name : first.getResources().getXObjectNames()) {
                    images.add((org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) first.getResources().getXObject(name));
                }
                assertThat(images).hasSize(1);
                java.awt.image.WritableRaster back = images.get(0).getRawRaster();
                assertThat(back.getWidth()).isEqualTo(120);
                assertThat(back.getHeight()).isEqualTo(90);
                assertThat(back.getSample(0, 0, 0)).as("the black frame").isZero();
                assertThat(back.getSample(60, 45, 0)).as("a grey inside").isPositive();
                if (reference == null) {
                    reference = back;
                    continue;
                }
                for (int y = 0; y < 90; y++) {
                    for (int x = 0; x < 120; x++) {
                        assertThat(back.getSample(x, y, 0)).as("document %d, pixel %d,%d", i, x, y)
                                .isEqualTo(reference.getSample(x, y, 0));
                    }
                }
            }
        }
        // Same size on the page either way: the two documents' text layouts are the same.
        assertThat(PdfFixtures.text(reusing.render(page).pdf())).isEqualTo(PdfFixtures.text(plain.render(page).pdf()));
    }

    @Test
    void anImageDrawnTwiceIsOneObjectOfTheDocument() throws IOException {
        String qr = QrCodes.compactPngDataUri("https://kiban.example/verify/ABCD-EFGH");
        byte[] pdf = PdfFixtures.renderer().render(PdfFixtures.page("<p>一</p><img src=\"" + qr
                + "\" style=\"width: 18mm; height: 18mm\"/><p>二</p><img src=\"" + qr
                + "\" style=\"width: 18mm; height: 18mm\"/>")).pdf();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocument().getObjectsByType(COSName.XOBJECT)).as("image objects").hasSize(1);
        }
    }

    @Test
    void rejectsAPageThatIsNotWellFormed() {
        assertThatThrownBy(() -> PdfFixtures.renderer().render("<html><body><p>閉じていない</body></html>"))
                .isInstanceOf(PdfException.class);
    }

    @Test
    void anExternalEntityIsNeverRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        // XXE (CWE-611): a page that declares an entity pointing at a file must not print the file.
        java.nio.file.Path secret = java.nio.file.Files.writeString(dir.resolve("secret.txt"), "SECRET-CONTENT");
        String page = "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>前&x;後</p></body></html>";
        String text;
        try {
            text = PdfFixtures.text(PdfFixtures.renderer().render(page).pdf());
        } catch (PdfException refused) {
            return; // refusing the page is as good
        }
        assertThat(text).contains("前").doesNotContain("SECRET-CONTENT");
    }

    @Test
    void shrunkTextStaysOnOneLineOfItsBox() {
        String text = "ウォルフェシュレーゲルシュタインハウゼンベルガードルフ";
        Fit fit = PdfFixtures.fonts().fit(text, 80, 12);
        String box = "<div style=\"width: 80mm; font-size: %spt\">%s</div>";

        String atFit = PdfFixtures.text(PdfFixtures.renderer().render(
                PdfFixtures.page(box.formatted(fit.fontSizePt(), text))).pdf());
        String atTwelve = PdfFixtures.text(PdfFixtures.renderer().render(
                PdfFixtures.page(box.formatted(12, text))).pdf());

        assertThat(atFit.strip()).isEqualTo(text);
        assertThat(atTwelve.strip()).contains("\n"); // without shrinking, it wraps
    }

    @Test
    void rendersConcurrentlyWithTheSharedFonts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> texts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                texts.add(pool.submit(() -> PdfFixtures.text(PdfFixtures.renderer()
                        .render(PdfFixtures.page("<p>第" + n + "号 𠮷野 髙橋 﨑山 民 Łukasz</p>")).pdf())));
            }
            for (int i = 0; i < texts.size(); i++) {
                assertThat(texts.get(i).get()).contains("第" + i + "号 𠮷野 髙橋 﨑山 民 Łukasz");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

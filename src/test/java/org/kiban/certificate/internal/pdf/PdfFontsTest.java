package org.kiban.certificate.internal.pdf;

import java.awt.Font;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PdfFontsTest {

    /** Name characters the issue names, and 異体字 that municipalities print often; 𠮷 is outside the BMP. */
    private static final String NAME_CHARACTERS = "𠮷髙﨑邊濵德民渡野橋山辺邉斎齋齊𩸽";

    @ParameterizedTest
    @ValueSource(strings = {"NotoSerifJP_400Regular.ttf", "NotoSerifJP_700Bold.ttf", "NotoSansJP_400Regular.ttf",
            "NotoSansJP_700Bold.ttf"})
    void eachJapaneseFontHasTheNameCharacters(String file) throws Exception {
        // Checked with the JDK's own TrueType reader, independently of FontBox.
        Font font;
        try (InputStream in = getClass().getResourceAsStream("/fonts/" + file)) {
            font = Font.createFont(Font.TRUETYPE_FONT, in);
        }
        NAME_CHARACTERS.codePoints().forEach(cp ->
                assertThat(font.canDisplay(cp)).as("%s has U+%04X %s", file, cp, Character.toString(cp)).isTrue());
    }

    @Test
    void theRegisteredFontsCoverNamesIncludingLatinExtended() {
        PdfFonts fonts = PdfFixtures.fonts();
        assertThat(fonts.missingCodePoints(NAME_CHARACTERS)).isEmpty();
        // Noto Serif JP lacks these (Turkish, Polish, Czech letters); the Latin fallback has them.
        assertThat(fonts.missingCodePoints("ŞşĞğŁłŘřŠšŽžŻż")).isEmpty();
        assertThat(fonts.missingCodePoints("Nguyễn Thị Minh Khai, WOLFESCHLEGELSTEINHAUSENBERGERDORFF")).isEmpty();
    }

    @Test
    void reportsCharactersNoFontHas() {
        // U+20001 (CJK Ext. B) is in none of the fonts (they have the JIS X 0213 ones); U+E0100 is an ideographic
        // variation selector, which FontBox does not map (cmap format 14 is ignored).
        assertThat(PdfFixtures.fonts().missingCodePoints("山田 \uD840\uDC01 葛\uDB40\uDD00飾"))
                .containsExactly(0x20001, 0xE0100);
        // Spaces, line breaks and soft hyphens are not drawn, so they are never missing.
        assertThat(PdfFixtures.fonts().missingCodePoints("a\u3000b\n\u00ADc\u200D")).isEmpty();
    }

    @Test
    void measuresWithTheFontsAdvanceWidths() {
        PdfFonts fonts = PdfFixtures.fonts();
        // Japanese fonts draw kanji and kana one em wide.
        assertThat(fonts.widthPt("住民票", PdfFonts.SERIF, 400, 10)).isEqualTo(30.0);
        assertThat(fonts.widthPt("𠮷", "serif", 700, 12)).isEqualTo(12.0);
        assertThat(fonts.widthPt("iiii", PdfFonts.SERIF, 400, 10)).isLessThan(fonts.widthPt("WWWW", PdfFonts.SERIF, 400, 10));
    }

    @Test
    void shrinkToFitKeepsTheSizeWhenTheTextFits() {
        assertThat(PdfFixtures.fonts().fit("山田太郎", 40, 12)).isEqualTo(new Fit(12, false));
    }

    @Test
    void shrinkToFitReturnsASmallerSizeForALongText() {
        // 27 full-width characters at 12 pt are 114.3 mm; the box is 80 mm.
        String text = "ウォルフェシュレーゲルシュタインハウゼンベルガードルフ";
        Fit fit = PdfFixtures.fonts().fit(text, 80, 12);
        assertThat(fit.overflow()).isFalse();
        assertThat(fit.fontSizePt()).isLessThan(12).isGreaterThan(7.5);
        assertThat(PdfFixtures.fonts().widthPt(text, PdfFonts.SERIF, 400, fit.fontSizePt())).isLessThanOrEqualTo(Fit.mmToPt(80));
    }

    @Test
    void shrinkToFitReportsOverflowWhenEvenTheMinimumIsTooLarge() {
        Fit fit = PdfFixtures.fonts().fit("東京都千代田区霞が関一丁目一番一号中央合同庁舎第二号館".repeat(5), 30, 10.5);
        assertThat(fit).isEqualTo(new Fit(Fit.DEFAULT_MIN_FONT_SIZE_PT, true));
    }

    @Test
    void shrinkToFitRejectsNonsense() {
        assertThatThrownBy(() -> PdfFixtures.fonts().fit("a", 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdfFixtures.fonts().fit("a", 10, 10, 12, PdfFonts.SERIF, 400))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

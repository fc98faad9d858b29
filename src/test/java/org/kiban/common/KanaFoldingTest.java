package org.kiban.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One case per mandatory kana fuzzy-match rule of standards.md §1.11 (住民記録標準仕様書 §2.1.2 / §2.1.3,
 * P: j330, j340). Expected keys are worked out by hand from the documented steps of {@link KanaFolding}.
 */
class KanaFoldingTest {

    private static void assertSameKey(String a, String b) {
        assertThat(KanaFolding.fold(a)).as("fold(%s) vs fold(%s)", a, b).isEqualTo(KanaFolding.fold(b));
    }

    // §1.11 「清音・濁音・半濁音の区別を無視: ヂ=ジ, ズ=ヅ, ワ=ハ, ヴァ=バ, ヴィ=ビ, ヴ=ブ, オ=ヲ, ヒ=ピ」
    @ParameterizedTest
    @CsvSource({
            "ヂ, ジ", "ズ, ヅ", "ワ, ハ", "ヴァ, バ", "ヴィ, ビ", "ヴ, ブ", "オ, ヲ", "ヒ, ピ",
            "ミカヅキ, ミカズキ", "チヂワ, チジハ", "ヴァイオリン, バイオリン", "カワイ, カハイ",
            "ガ, カ", "パ, ハ", "バ, パ", "ヴェ, ベ", "ヴォ, ボ",
    })
    void voicedAndSemiVoicedDifferencesAreIgnored(String a, String b) {
        assertSameKey(a, b);
    }

    @Test
    void voicedKeysByHand() {
        assertThat(KanaFolding.fold("ヂ")).isEqualTo("シ");
        assertThat(KanaFolding.fold("ヅ")).isEqualTo("ス");
        assertThat(KanaFolding.fold("ヴァ")).isEqualTo("ハ");
        assertThat(KanaFolding.fold("ヴ")).isEqualTo("フ");
        assertThat(KanaFolding.fold("ヲ")).isEqualTo("オ");
        assertThat(KanaFolding.fold("ワタナベ")).isEqualTo("ハタナヘ");
    }

    // §1.11 「大文字・小文字の区別を無視: ッ=ツ, ャ=ヤ, ュ=ユ, ョ=ヨ」
    @ParameterizedTest
    @CsvSource({
            "ッ, ツ", "ャ, ヤ", "ュ, ユ", "ョ, ヨ",
            "ハットリ, ハツトリ", "キャラ, キヤラ", "シュン, シユン", "チョウ, チヨウ",
            "ァ, ア", "ィ, イ", "ゥ, ウ", "ェ, エ", "ォ, オ", "ヮ, ワ", "ヵ, カ", "ヶ, ケ",
    })
    void smallAndLargeKanaAreEqual(String a, String b) {
        assertSameKey(a, b);
    }

    // §1.11 「氏と名の間の空白を無視」「全角・半角の空白を同一視」
    @ParameterizedTest
    @ValueSource(strings = {"ヤマダ タロウ", "ヤマダ　タロウ", "ヤマダ  タロウ", " ヤマダタロウ ", "ヤマダ\tタロウ"})
    void spacesAreIgnored(String spaced) {
        assertSameKey(spaced, "ヤマダタロウ");
    }

    // §1.11 「お段の後の『ウ』は 2文字目以降『オ』とも一致」
    @ParameterizedTest
    @CsvSource({"オウノ, オオノ", "ゴウ, ゴオ", "コウタ, コオタ", "ショウヘイ, ショオヘイ", "ヨウコ, ヨオコ", "ヲウ, オオ"})
    void uAfterAnORowSoundMatchesO(String a, String b) {
        assertSameKey(a, b);
    }

    @Test
    void oRowKeysByHand() {
        assertThat(KanaFolding.fold("オウノ")).isEqualTo("オオノ");
        assertThat(KanaFolding.fold("ゴウ")).isEqualTo("コオ");        // ゴ is お段 → ウ→オ, then ゴ→コ
        assertThat(KanaFolding.fold("キョウコ")).isEqualTo("キヨオコ");  // ョ→ヨ (お段) → ウ→オ
        assertThat(KanaFolding.fold("コウウ")).isEqualTo("コオオ");      // applied left to right on the result
        assertThat(KanaFolding.fold("サトウ")).isEqualTo("サトオ");
        assertThat(KanaFolding.fold("カウ")).isEqualTo("カウ");          // カ is not お段
    }

    @Test
    void firstCharacterUIsNotChanged() {
        // §1.11: only 「2文字目以降」
        assertThat(KanaFolding.fold("ウメ")).isEqualTo("ウメ");
        assertThat(KanaFolding.fold("ウメ")).isNotEqualTo(KanaFolding.fold("オメ"));
        assertThat(KanaFolding.fold("ウノ")).isNotEqualTo(KanaFolding.fold("オノ"));
    }

    // §1.11 「長音を無視」「ー ― － ‐ ｰ - を同一視」 (+ U+2212, U+2015, U+2010)
    @ParameterizedTest
    @ValueSource(strings = {"サート", "サ―ト", "サ－ト", "サ‐ト", "サｰト", "サ-ト", "サ\u2212ト", "サ\u2015ト", "サ\u2010ト", "サト"})
    void longVowelMarkAndDashesAreIgnored(String s) {
        assertThat(KanaFolding.fold(s)).isEqualTo("サト");
    }

    @Test
    void widthAndScriptAreFolded() {
        assertSameKey("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ タロウ");
        assertSameKey("やまだ　たろう", "ヤマダ タロウ");
        assertSameKey("ｶﾞｯｺｳ", "がっこう");
        assertThat(KanaFolding.fold("がっこう")).isEqualTo("カツコオ");
        assertSameKey("カ゛", "ガ");      // spacing voiced mark U+309B
        assertSameKey("ウ゛ァ", "ヴァ");  // old way of writing ヴ
        assertSameKey("ゔぁ", "バ");
        assertSameKey("ヷ", "バ");
    }

    @Test
    void nonKanaIsKept() {
        assertThat(KanaFolding.fold("ＡＢＣ１")).isEqualTo("ABC1");
        assertThat(KanaFolding.fold("山田")).isEqualTo("山田");
        assertThat(KanaFolding.fold("")).isEmpty();
    }
}

package org.kiban.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 異体字 folding (standards.md §1.11 「異体字 search」, §4.2 search-key technique). */
class VariantFoldingTest {

    // standards.md §1.11: 辺 ⇔ 邊 边 邉 𨘢; 浜 ⇔ 濱 濵 滨; 藤 ⇔ 䕨 籘 籐. The rest: common surname variants.
    @ParameterizedTest
    @CsvSource({
            "邊, 辺", "邉, 辺", "边, 辺", "𨘢, 辺",
            "濱, 浜", "濵, 浜", "滨, 浜",
            "䕨, 藤", "籘, 藤", "籐, 藤",
            "髙, 高", "\uFA11, 崎", "嵜, 崎", "齋, 斎", "齊, 斎", "斉, 斎", "德, 徳", "𠮷, 吉", "冨, 富", "澤, 沢",
            "廣, 広", "國, 国", "櫻, 桜", "龍, 竜", "眞, 真", "惠, 恵", "傳, 伝", "槇, 槙", "凜, 凛", "曾, 曽",
            "瀨, 瀬", "\uFA10, 塚", "\uFA12, 晴", "嶋, 島", "渕, 淵",
    })
    void foldsVariantToRepresentative(String variant, String representative) {
        assertThat(VariantFolding.fold(variant)).isEqualTo(representative);
        assertThat(VariantFolding.fold(representative)).isEqualTo(representative);
    }

    @Test
    void supplementaryPlaneCharactersAreHandledByCodePoint() {
        assertThat("𠮷".codePointAt(0)).isEqualTo(0x20BB7);
        assertThat(VariantFolding.fold("𠮷田")).isEqualTo("吉田");
        assertThat(VariantFolding.fold("渡𨘢さん")).isEqualTo("渡辺さん");
        assertThat(VariantFolding.representativeOf(0x28622)).isEqualTo('辺');
        assertThat(VariantFolding.representativeOf('山')).isEqualTo('山');
    }

    @Test
    void variationSelectorsAreStripped() {
        String katsuraWithIvs = "葛" + new String(Character.toChars(0xE0100)); // 葛 + VS17 (IVS)
        assertThat(katsuraWithIvs).hasSize(3);
        assertThat(VariantFolding.fold(katsuraWithIvs)).isEqualTo("葛");
        assertThat(VariantFolding.fold("葛" + new String(Character.toChars(0xE01EF)) + "城")).isEqualTo("葛城");
        assertThat(VariantFolding.fold("辻\uFE00")).isEqualTo("辻");                                  // SVS
        assertThat(VariantFolding.fold("邊" + new String(Character.toChars(0xE0101)))).isEqualTo("辺"); // IVS then table
    }

    @Test
    void compatibilityIdeographsAreFolded() {
        // U+FA10 has a canonical decomposition (NFC); U+FA11 has none and is folded by the table
        assertThat(VariantFolding.fold("\uFA10")).isEqualTo("\u585A");
        assertThat(Normalizer.normalize("\uFA11", Normalizer.Form.NFKC)).isEqualTo("\uFA11");
        assertThat(VariantFolding.fold("\uFA11")).isEqualTo("崎");
        assertThat(VariantFolding.fold(new String(Character.toChars(0x2F800)))).isEqualTo("\u4E3D"); // supplement block
    }

    @Test
    void tableIsWellFormed() {
        Map<Integer, Integer> table = VariantFolding.table();
        assertThat(table).hasSizeBetween(40, 120);
        table.forEach((variant, representative) -> {
            String v = new String(Character.toChars(variant));
            String r = new String(Character.toChars(representative));
            // a variant must survive NFC, otherwise the entry is dead
            assertThat(Normalizer.normalize(v, Normalizer.Form.NFC)).as("NFC of %s", v).isEqualTo(v);
            assertThat(Normalizer.normalize(r, Normalizer.Form.NFC)).as("NFC of %s", r).isEqualTo(r);
            assertThat(table).as("representative %s must not be a variant", r).doesNotContainKey(representative);
            assertThat(Character.isIdeographic(variant)).as("%s is a kanji", v).isTrue();
        });
    }

    @Test
    void otherTextIsUnchanged() {
        assertThat(VariantFolding.fold("山田 太郎 Smith")).isEqualTo("山田 太郎 Smith");
        assertThat(VariantFolding.fold("")).isEmpty();
    }
}

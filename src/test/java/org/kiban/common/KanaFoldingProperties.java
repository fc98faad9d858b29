package org.kiban.common;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Algebraic properties of {@link KanaFolding} (rules of standards.md §1.11). */
class KanaFoldingProperties {

    /** Kana of all kinds, dashes, spaces, voiced marks, some Latin letters, kanji and combining accents. */
    @Provide
    Arbitrary<String> kanaLike() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.chars().range('\u3041', '\u3096'),  // hiragana
                Arbitraries.chars().range('\u30A1', '\u30FA'),  // katakana
                Arbitraries.chars().range('\uFF66', '\uFF9F'),  // half-width katakana
                Arbitraries.of('ー', '―', '－', '‐', 'ｰ', '-', '\u2212', ' ', '\u3000', '゛', '゜', '\u3099', '\u309A',
                        'e', '\u0301', 'A', '山', '・', 'ウ', 'オ', 'ゥ', 'ヴ'));
        return chars.list().ofMaxSize(12).map(list -> {
            StringBuilder sb = new StringBuilder();
            list.forEach(sb::append);
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<String> katakana() {
        return Arbitraries.strings().withCharRange('\u30A1', '\u30F6').ofMaxLength(12);
    }

    @Property
    void foldIsIdempotent(@ForAll("kanaLike") String s) {
        String once = KanaFolding.fold(s);
        assertThat(KanaFolding.fold(once)).isEqualTo(once);
    }

    @Property
    void foldIgnoresSpaces(@ForAll("kanaLike") String a, @ForAll("kanaLike") String b) {
        String joined = KanaFolding.fold(a + b);
        assertThat(KanaFolding.fold(a + " " + b)).isEqualTo(joined);
        assertThat(KanaFolding.fold(a + "\u3000" + b)).isEqualTo(joined);
    }

    @Property
    void hiraganaAndKatakanaFoldTheSame(@ForAll("katakana") String katakana) {
        StringBuilder hiragana = new StringBuilder();
        katakana.chars().forEach(c -> hiragana.append((char) (c - 0x60)));
        assertThat(KanaFolding.fold(hiragana.toString())).isEqualTo(KanaFolding.fold(katakana));
    }

    @Property
    void keyContainsNoSmallVoicedOrDashCharacters(@ForAll("kanaLike") String s) {
        assertThat(KanaFolding.fold(s)).doesNotContain("ッ", "ャ", "ュ", "ョ", "ァ", "ガ", "パ", "ヴ", "ワ", "ヲ", "ー", "-", " ", "\u3000");
    }
}

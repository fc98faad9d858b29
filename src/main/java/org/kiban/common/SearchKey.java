package org.kiban.common;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Search keys for 氏名 and フリガナ (standards.md §1.11, §4.2). Store the keys next to the original values
 * (the original keeps its exact code points, UCS + IVS) and compare keys, never originals.
 */
public final class SearchKey {

    private SearchKey() {
    }

    /**
     * Key for a 氏名 (kanji or alphabet): {@link VariantFolding#fold}, then NFKC (full-width letters and
     * digits to ASCII), spaces removed (「氏と名の間の空白を無視」), Latin letters upper-cased. The last two
     * width/case steps go beyond the standard's list; they only make more spellings meet.
     */
    public static String name(String name) {
        Objects.requireNonNull(name, "name");
        String s = Normalizer.normalize(VariantFolding.fold(name), Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)).forEach(sb::appendCodePoint);
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    /** Key for a フリガナ: {@link KanaFolding#fold}. */
    public static String kana(String kana) {
        return KanaFolding.fold(kana);
    }

    /**
     * Keys to look for <em>inside</em> stored kana keys for a partial (infix) match. A stored key has its
     * ウ after an お段 sound folded to オ, but a query that starts with ウ has no left context; so when the
     * folded query starts with ウ, the variant with オ is returned too (コウタ ↔ query ウタ). For exact and
     * prefix matches use {@link #kana(String)} only.
     */
    public static List<String> kanaInfixKeys(String query) {
        String key = kana(query);
        if (key.startsWith("ウ")) {
            return List.of(key, "オ" + key.substring(1));
        }
        return List.of(key);
    }
}

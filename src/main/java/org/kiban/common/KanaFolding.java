package org.kiban.common;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Folds フリガナ into a search key that implements the mandatory kana fuzzy-match rules of the 住民記録
 * standard (住民記録標準仕様書 §2.1.2 / §2.1.3, standards.md §1.11). Two readings match when their folded keys
 * are equal (exact match) or one contains the other (partial match, see {@link SearchKey#kanaInfixKeys}).
 *
 * <h2>Steps, in this order</h2>
 * <ol>
 *   <li>Spacing voiced marks ゛゜ (U+309B/U+309C) become combining marks, spaces and dashes (step 3) are
 *       removed, then <b>NFKC</b>: half-width katakana become full-width (ｶﾞ → ガ), full-width ASCII becomes
 *       ASCII. Removing spaces first makes 「ｦ ゛」 and 「ｦ゛」 compose alike.</li>
 *   <li><b>Hiragana → katakana</b> (ぁ..ゖ → ァ..ヶ, ゝゞ → ヽヾ).</li>
 *   <li>(again after NFKC, which can produce them) <b>Spaces removed</b> (half- and full-width and every other Unicode space; 「氏と名の間の空白を無視」),
 *       <b>長音 and dashes removed</b>: ー ― － ‐ ｰ - and also − (U+2212), — (U+2014), – (U+2013),
 *       ‑ (U+2011), ﹣ (U+FE63), ─ (U+2500) (「ー ― － ‐ ｰ - を同一視」「長音を無視」). Stray combining
 *       voiced marks are dropped.</li>
 *   <li><b>ヴ</b>: ヴァ→バ, ヴィ→ビ, ヴェ→ベ, ヴォ→ボ, ヴュ→ビュ, other ヴ→ブ; ヷヸヹヺ → バビベボ
 *       (「ヴァ=バ, ヴィ=ビ, ヴ=ブ」). This runs before step 5 so that ヴァ is not read as ヴ + ア.</li>
 *   <li><b>Small → large</b>: ァィゥェォ ッ ャュョ ヮ ヵヶ and the small Ainu katakana ㇰ..ㇿ
 *       (「ッ=ツ, ャ=ヤ, ュ=ユ, ョ=ヨ」).</li>
 *   <li><b>お段 + ウ → お段 + オ</b> from the 2nd character on, left to right on the result so far
 *       (「お段の後のウ（2文字目以降）はオとも一致」): オウノ → オオノ, ゴウ → ゴオ, ショウ → シヨオ. The first
 *       character is never changed (ウメ ≠ オメ). It runs after step 5 so that a small ゥ cannot turn into a
 *       ウ after the rule has run, and before step 7 because voicing does not change the 段 anyway (ゴ and
 *       コ are both お段).</li>
 *   <li><b>濁音・半濁音 → 清音</b> (ガ→カ, パ→ハ, …), with ヂ→シ and ヅ→ス (「ヂ=ジ, ズ=ヅ」: ヂ and ジ must
 *       share a key, so ヂ folds like ジ rather than to チ), and ワ→ハ (「ワ=ハ」), ヲ→オ (「オ=ヲ」). ヰ→イ and
 *       ヱ→エ are folded too (historical kana, same reading; not in the standard's list).</li>
 *   <li>NFKC again, so that characters made adjacent by the removals are composed the same way on a
 *       second pass (this keeps {@code fold} idempotent).</li>
 * </ol>
 *
 * <p>Consequences to keep in mind:
 * <ul>
 *   <li>ヂ folds to シ, so ヂ does not match チ (keys are an equivalence; ヂ=ジ and ジ=シ are required).</li>
 *   <li>The お段 rule sees the whole string with spaces removed (so {@code fold} ignores spaces). To search
 *       by 名 only, fold the 名 separately; for a partial (infix) search use {@link SearchKey#kanaInfixKeys}
 *       because a query that starts with ウ may match an オ in the middle of a stored key.</li>
 *   <li>Other characters (kanji, Latin letters, ・) are kept after NFKC.</li>
 * </ul>
 */
public final class KanaFolding {

    private KanaFolding() {
    }

    /** 長音 and the dash variants treated as equal and then ignored (§1.11). */
    private static final Set<Integer> DASHES = Set.of(
            0x30FC, // ー KATAKANA-HIRAGANA PROLONGED SOUND MARK
            0x2015, // ― HORIZONTAL BAR
            0xFF0D, // － FULLWIDTH HYPHEN-MINUS (NFKC gives '-', kept for clarity)
            0x2010, // ‐ HYPHEN
            0xFF70, // ｰ HALFWIDTH PROLONGED SOUND MARK (NFKC gives ー)
            0x002D, // - HYPHEN-MINUS
            0x2212, // − MINUS SIGN
            0x2014, // — EM DASH
            0x2013, // – EN DASH
            0x2011, // ‑ NON-BREAKING HYPHEN
            0xFE63, // ﹣ SMALL HYPHEN-MINUS
            0x2500  // ─ BOX DRAWINGS LIGHT HORIZONTAL (common substitute in legacy data)
    );

    private static final Map<Integer, Integer> SMALL_TO_LARGE = new HashMap<>();
    private static final Map<Integer, Integer> TO_PLAIN = new HashMap<>();
    /** お段 katakana (after steps 4 and 5 there are no small kana left). */
    private static final Set<Integer> O_ROW = Set.of(
            (int) 'オ', (int) 'コ', (int) 'ソ', (int) 'ト', (int) 'ノ', (int) 'ホ', (int) 'モ', (int) 'ヨ', (int) 'ロ',
            (int) 'ヲ', (int) 'ゴ', (int) 'ゾ', (int) 'ド', (int) 'ボ', (int) 'ポ');

    static {
        String small = "ァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ";
        String large = "アイウエオツヤユヨワカケクシストヌハヒフヘホムラリルレロ";
        for (int i = 0; i < small.length(); i++) {
            SMALL_TO_LARGE.put((int) small.charAt(i), (int) large.charAt(i));
        }
        // 濁音・半濁音 → 清音 for every precomposed katakana (NFD gives base + U+3099 / U+309A)
        for (int cp = 0x30A1; cp <= 0x30FA; cp++) {
            String nfd = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
            if (nfd.length() == 2 && (nfd.charAt(1) == '\u3099' || nfd.charAt(1) == '\u309A')) {
                TO_PLAIN.put(cp, (int) nfd.charAt(0));
            }
        }
        TO_PLAIN.put((int) 'ヂ', (int) 'シ'); // ヂ=ジ (§1.11)
        TO_PLAIN.put((int) 'ヅ', (int) 'ス'); // ズ=ヅ (§1.11)
        TO_PLAIN.put((int) 'ワ', (int) 'ハ'); // ワ=ハ (§1.11)
        TO_PLAIN.put((int) 'ヲ', (int) 'オ'); // オ=ヲ (§1.11)
        TO_PLAIN.put((int) 'ヰ', (int) 'イ'); // historical kana (not in §1.11)
        TO_PLAIN.put((int) 'ヱ', (int) 'エ'); // historical kana (not in §1.11)
    }

    /**
     * The search key of a kana reading. {@code fold} is idempotent, ignores spaces, and gives the same key for
     * hiragana, katakana and half-width katakana.
     */
    public static String fold(String s) {
        Objects.requireNonNull(s, "s");
        // 1. spacing voiced marks → combining; spaces and dashes out (so that a voiced mark composes with the
        //    same base whether or not a space stood between them); then NFKC (half-width → full-width)
        StringBuilder pre = new StringBuilder(s.length());
        s.replace('\u309B', '\u3099').replace('\u309C', '\u309A').codePoints()
                .filter(cp -> !isSpace(cp) && !DASHES.contains(cp))
                .forEach(pre::appendCodePoint);
        String t = Normalizer.normalize(pre, Normalizer.Form.NFKC);

        // 2 + 3. hiragana → katakana; drop spaces and dashes that NFKC produced, and stray combining voiced marks
        int[] cps = t.codePoints()
                .filter(cp -> !isSpace(cp) && !DASHES.contains(cp) && cp != 0x3099 && cp != 0x309A)
                .map(KanaFolding::hiraganaToKatakana)
                .toArray();

        // 4. ヴ: ヴァ→バ etc., ヷヸヹヺ
        StringBuilder sb = new StringBuilder(cps.length);
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            int next = i + 1 < cps.length ? cps[i + 1] : -1;
            if (cp == 'ヴ') {
                switch (next) {
                    case 'ァ' -> { sb.append('バ'); i++; }
                    case 'ィ' -> { sb.append('ビ'); i++; }
                    case 'ェ' -> { sb.append('ベ'); i++; }
                    case 'ォ' -> { sb.append('ボ'); i++; }
                    case 'ュ' -> { sb.append("ビュ"); i++; }
                    default -> sb.append('ブ');
                }
            } else if (cp >= 0x30F7 && cp <= 0x30FA) { // ヷヸヹヺ
                sb.append("バビベボ".charAt(cp - 0x30F7));
            } else {
                sb.appendCodePoint(cp);
            }
        }

        // 5. small → large
        cps = sb.codePoints().map(cp -> SMALL_TO_LARGE.getOrDefault(cp, cp)).toArray();

        // 6. ウ after an お段 sound, from the 2nd character on → オ (left to right, on the updated sequence)
        for (int i = 1; i < cps.length; i++) {
            if (cps[i] == 'ウ' && O_ROW.contains(cps[i - 1])) {
                cps[i] = 'オ';
            }
        }

        // 7. 濁音・半濁音 → 清音, ヂ→シ, ヅ→ス, ワ→ハ, ヲ→オ, ヰ→イ, ヱ→エ
        StringBuilder out = new StringBuilder(cps.length);
        for (int cp : cps) {
            out.appendCodePoint(TO_PLAIN.getOrDefault(cp, cp));
        }
        // 8. recompose what the removals made adjacent
        return Normalizer.normalize(out, Normalizer.Form.NFKC);
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private static int hiraganaToKatakana(int cp) {
        if ((cp >= 0x3041 && cp <= 0x3096) || cp == 0x309D || cp == 0x309E) {
            return cp + 0x60;
        }
        return cp;
    }
}

package org.kiban.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Folds 異体字 (variant kanji) for name search keys (standards.md §1.11 「異体字 search」 and §4.2).
 *
 * <p>Steps, on code points (never on {@code char}, so supplementary-plane characters such as 𠮷 U+20BB7 and
 * 𨘢 U+28622 are handled):
 * <ol>
 *   <li>strip ideographic and standardized variation selectors: IVS U+E0100–U+E01EF, SVS U+FE00–U+FE0F
 *       (葛 + U+E0100 → 葛);</li>
 *   <li>NFC;</li>
 *   <li>fold CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) by NFKC of that code point. NFC
 *       already does this for the ones that have a canonical decomposition (U+FA10 塚 → 塚); the twelve
 *       "unified" ones in that block (U+FA0E, FA0F, FA11, FA13, FA14, FA1F, FA21, FA23, FA24, FA27–FA29)
 *       have none, so e.g. U+FA11 﨑 is folded by the table;</li>
 *   <li>map through the table {@code variant-folding.tsv} (a resource next to this class: variant, TAB,
 *       representative, TAB, note; hand-assembled, not the CC BY-SA MJ縮退マップ).</li>
 * </ol>
 * The stored name must keep the original code-point sequence (UCS + IVS); only the search key is folded.
 */
public final class VariantFolding {

    private VariantFolding() {
    }

    private static final String RESOURCE = "variant-folding.tsv";

    private static final class Table {
        static final Map<Integer, Integer> MAP = load();
    }

    /** The result of all four steps. */
    public static String fold(String s) {
        Objects.requireNonNull(s, "s");
        StringBuilder stripped = new StringBuilder(s.length());
        s.codePoints().filter(cp -> !isVariationSelector(cp)).forEach(stripped::appendCodePoint);
        String nfc = Normalizer.normalize(stripped, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(cp -> {
            if (isCompatibilityIdeograph(cp)) {
                String folded = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
                folded.codePoints().forEach(c -> out.appendCodePoint(Table.MAP.getOrDefault(c, c)));
            } else {
                out.appendCodePoint(Table.MAP.getOrDefault(cp, cp));
            }
        });
        return out.toString();
    }

    /** The representative of one code point (the code point itself when it is not in the table). */
    public static int representativeOf(int codePoint) {
        return Table.MAP.getOrDefault(codePoint, codePoint);
    }

    /** The loaded table, variant → representative (code points), in file order. */
    public static Map<Integer, Integer> table() {
        return Table.MAP;
    }

    static boolean isVariationSelector(int cp) {
        return (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0xFE00 && cp <= 0xFE0F);
    }

    static boolean isCompatibilityIdeograph(int cp) {
        return (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    private static Map<Integer, Integer> load() {
        InputStream in = VariantFolding.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("resource not found: org/kiban/common/" + RESOURCE);
        }
        Map<Integer, Integer> map = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length < 2 || cols[0].codePointCount(0, cols[0].length()) != 1
                        || cols[1].codePointCount(0, cols[1].length()) != 1) {
                    throw new IllegalStateException(RESOURCE + ":" + lineNo + ": expected variant<TAB>representative<TAB>note");
                }
                int variant = cols[0].codePointAt(0);
                int representative = cols[1].codePointAt(0);
                if (variant == representative || map.put(variant, representative) != null) {
                    throw new IllegalStateException(RESOURCE + ":" + lineNo + ": duplicate or self mapping");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<Integer, Integer> e : map.entrySet()) {
            if (map.containsKey(e.getValue())) {
                throw new IllegalStateException(RESOURCE + ": chained mapping for U+"
                        + Integer.toHexString(e.getKey()).toUpperCase(java.util.Locale.ROOT));
            }
        }
        return Collections.unmodifiableMap(map);
    }
}

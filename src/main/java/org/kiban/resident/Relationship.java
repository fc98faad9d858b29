package org.kiban.resident;

import java.util.Comparator;
import java.util.List;

import org.kiban.common.InvalidValueException;

/**
 * 続柄 (世帯主との続柄), as the 住民記録システム標準仕様書 §1.1.11 allows it (standards.md §1.7): 世帯主; one of
 * 夫, 妻, 夫（未届）, 妻（未届）, 子, 子（子の夫）, 子（子の妻）, 父, 母, 兄, 姉, 弟, 妹; those chained with 「の」
 * up to four links (子の子の子の子); 縁故者; 同居人. Anything else — 孫, 祖父, 甥, 家事使用人, 準世帯主 — is a
 * prohibited value (【実装しない機能】), and a chain of five links or more is written 縁故者.
 */
public record Relationship(String value) {

    public static final String HEAD = "世帯主";
    public static final String RELATIVE_BY_CIRCUMSTANCE = "縁故者";
    public static final String LODGER = "同居人";
    static final int MAX_LINKS = 4;

    /** The terms of §1.1.11 (2), longest first so that 子（子の夫） is read before 子. */
    static final List<String> TERMS = List.of("夫（未届）", "妻（未届）", "子（子の夫）", "子（子の妻）",
                    "夫", "妻", "子", "父", "母", "兄", "姉", "弟", "妹").stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();

    public Relationship {
        value = normalize(value);
        int links = links(value);
        if (links == 0) {
            throw new InvalidValueException("invalid-relationship", "続柄「" + value + "」は使えません。世帯主、"
                    + "夫・妻・夫（未届）・妻（未届）・子・子（子の夫）・子（子の妻）・父・母・兄・姉・弟・妹とそれを「の」で"
                    + "つないだもの（4つまで。例：子の子）、縁故者、同居人のいずれかで記載してください。");
        }
        if (links > MAX_LINKS) {
            throw new InvalidValueException("relationship-too-long", "続柄「" + value + "」は5つ以上つながるため、"
                    + "縁故者と記載してください（住民記録システム標準仕様書 1.1.11）。");
        }
    }

    public static Relationship of(String value) {
        return new Relationship(value);
    }

    public static Relationship head() {
        return new Relationship(HEAD);
    }

    public boolean isHead() {
        return HEAD.equals(value);
    }

    /** Number of links of a chain (1 for a single term or a fixed value), 0 if not a valid 続柄. */
    static int links(String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        if (value.equals(HEAD) || value.equals(RELATIVE_BY_CIRCUMSTANCE) || value.equals(LODGER)) {
            return 1;
        }
        int pos = 0;
        int links = 0;
        while (true) {
            String term = termAt(value, pos);
            if (term == null) {
                return 0;
            }
            links++;
            pos += term.length();
            if (pos == value.length()) {
                return links;
            }
            if (value.charAt(pos) != 'の') {
                return 0;
            }
            pos++;
        }
    }

    private static String termAt(String value, int pos) {
        for (String term : TERMS) {
            if (value.startsWith(term, pos)) {
                return term;
            }
        }
        return null;
    }

    private static String normalize(String value) {
        if (value == null) {
            throw new InvalidValueException("invalid-relationship", "続柄を指定してください。");
        }
        return value.strip().replace('(', '（').replace(')', '）').replace(" ", "").replace("　", "");
    }

    @Override
    public String toString() {
        return value;
    }
}

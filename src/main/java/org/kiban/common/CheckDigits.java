package org.kiban.common;

import java.util.OptionalInt;

/**
 * Check digit (検査数字) calculations for the numbers used in the core system.
 *
 * <p>All four schemes use a modulus-11 weighted sum whose weights run 2, 3, 4, 5, 6, 7, 2, 3, … starting
 * from the rightmost base digit. They differ in how the remainder {@code r} becomes the check digit:
 *
 * <table>
 *   <caption>remainder → check digit</caption>
 *   <tr><th>number</th><th>rule</th><th>r = 0</th><th>r = 1</th></tr>
 *   <tr><td>個人番号 (12 digits)</td><td>11 − r, r ≤ 1 → 0</td><td>0</td><td>0</td></tr>
 *   <tr><td>住民票コード (11 digits)</td><td>11 − r, r ≤ 1 → 0</td><td>0</td><td>0</td></tr>
 *   <tr><td>全国地方公共団体コード (6 digits)</td><td>(11 − r) mod 10</td><td>1</td><td>0</td></tr>
 *   <tr><td>宛名番号 / 世帯番号</td><td>11 − r, r = 0 → 0</td><td>0</td><td>undefined (base skipped)</td></tr>
 * </table>
 *
 * <p>Methods that compute a check digit throw {@link InvalidValueException} for malformed input (only the
 * ASCII digits {@code 0-9} are accepted; width and full-width conversion is the caller's job). The
 * {@code isValid…} methods never throw: they return {@code false} for {@code null} and malformed input.
 */
public final class CheckDigits {

    private CheckDigits() {
    }

    // ---------------------------------------------------------------- 個人番号

    /**
     * Check digit of a 個人番号 from its first 11 digits.
     *
     * <p>// 番号法施行令 §8 → 総務省令第85号 §5: d = 11 − (Σ P_n·Q_n mod 11), Q_n = n+1 (n ≤ 6),
     * n−5 (n ≥ 7), counted from the rightmost digit; if the remainder is ≤ 1 then d = 0.
     */
    public static int individualNumber(String first11) {
        requireDigits(first11, 11, InvalidValueException.INVALID_INDIVIDUAL_NUMBER, "個人番号",
                "個人番号の検査数字を除く部分");
        int r = weightedSumMod11(first11);
        // 総務省令第85号 §5: remainder 0 or 1 gives check digit 0
        return r <= 1 ? 0 : 11 - r;
    }

    /** Whether {@code number} is 12 ASCII digits whose last digit is the 個人番号 check digit. */
    public static boolean isValidIndividualNumber(String number) {
        if (!isDigits(number, 12)) {
            return false;
        }
        return individualNumber(number.substring(0, 11)) == number.charAt(11) - '0';
    }

    // ---------------------------------------------------------------- 住民票コード

    /**
     * Check digit of a 住民票コード from its first 10 digits.
     *
     * <p>// 住民基本台帳法施行規則 §1 (10 digits + 1 検査数字). The 告示 text with the formula was not
     * retrieved (standards.md §3.2 [UNVERIFIED]); we use the community formula: modulus 11, weights 2..7
     * cycled from the right, remainder ≤ 1 → 0 (same as 個人番号).
     */
    public static int juminhyoCode(String first10) {
        requireDigits(first10, 10, InvalidValueException.INVALID_JUMINHYO_CODE, "住民票コード",
                "住民票コードの検査数字を除く部分");
        int r = weightedSumMod11(first10);
        return r <= 1 ? 0 : 11 - r;
    }

    /** Whether {@code code} is 11 ASCII digits whose last digit is the 住民票コード check digit. */
    public static boolean isValidJuminhyoCode(String code) {
        if (!isDigits(code, 11)) {
            return false;
        }
        return juminhyoCode(code.substring(0, 10)) == code.charAt(10) - '0';
    }

    // ---------------------------------------------------------------- 全国地方公共団体コード

    /**
     * Check digit of a 全国地方公共団体コード from its first 5 digits.
     *
     * <p>// 総務省 全国地方公共団体コード仕様: weights 6,5,4,3,2; 「11と余り数字との差の下1桁」, i.e.
     * (11 − r) mod 10. Remainder 0 gives 1 and remainder 1 gives 0: this differs from 個人番号.
     */
    public static int lgCode(String first5) {
        requireDigits(first5, 5, InvalidValueException.INVALID_LG_CODE, "全国地方公共団体コード",
                "全国地方公共団体コードの検査数字を除く部分");
        int r = weightedSumMod11(first5);
        return (11 - r) % 10;
    }

    /** Whether {@code code} is 6 ASCII digits whose last digit is the 全国地方公共団体コード check digit. */
    public static boolean isValidLgCode(String code) {
        if (!isDigits(code, 6)) {
            return false;
        }
        return lgCode(code.substring(0, 5)) == code.charAt(5) - '0';
    }

    // ---------------------------------------------------------------- 宛名番号 / 世帯番号

    /**
     * Check digit of a 宛名番号 or 世帯番号 from its base (all digits except the last).
     *
     * <p>// 住民記録システム標準仕様書 (j130): 「最下位の１桁を除いて単純連番方式で付番し、最下位の１桁は
     * チェックデジット… モジュラス11（M11W２～７）… 余りが０の場合、検査付番は０とする」.
     * Weights 2,3,4,5,6,7,2,… from the rightmost base digit; check digit = 11 − r; r = 0 → 0.
     *
     * <p><b>Decision where the standard is silent (standards.md §3.4 [UNVERIFIED]):</b> for r = 1 the
     * formula gives 10, which is not a digit, and the standard defines no replacement. Mapping it to 0 (as
     * 個人番号 does) would make two remainders share one check digit and weaken error detection. We instead
     * treat such a base as <em>not issuable</em>: this method returns {@link OptionalInt#empty()}, and the
     * numbering sequence must skip the value (see {@link #isIssuableAtenaBase(String)}). About 1 in 11
     * sequence values is skipped. With this rule every single-digit error in a 宛名番号 is detected.
     * The standard does not fix the width of the number either; any length of at least one base digit is
     * accepted here.
     *
     * @param base the digits without the check digit (at least 1 ASCII digit)
     * @return the check digit, or empty when the base must be skipped (remainder 1)
     */
    public static OptionalInt atenaNo(String base) {
        requireDigits(base, -1, InvalidValueException.INVALID_ATENA_NO, "宛名番号", "宛名番号の検査数字を除く部分");
        int r = weightedSumMod11(base);
        if (r == 1) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(r == 0 ? 0 : 11 - r);
    }

    /**
     * Whether the numbering sequence may issue {@code base}: false when its remainder is 1 and therefore no
     * check digit exists (see {@link #atenaNo(String)}). The sequence must skip such values.
     */
    public static boolean isIssuableAtenaBase(String base) {
        return atenaNo(base).isPresent();
    }

    /**
     * The full 宛名番号 (base followed by its check digit).
     *
     * @throws InvalidValueException with code {@code atena-base-not-issuable} when the base must be skipped
     */
    public static String appendAtenaNoCheckDigit(String base) {
        OptionalInt cd = atenaNo(base);
        if (cd.isEmpty()) {
            throw new InvalidValueException(InvalidValueException.ATENA_BASE_NOT_ISSUABLE,
                    "宛名番号「" + base + "」は検査数字が定まらないため付番できません（次の番号を使用してください）。");
        }
        return base + cd.getAsInt();
    }

    /** Whether {@code number} (at least 2 ASCII digits) ends with the correct 宛名番号 check digit. */
    public static boolean isValidAtenaNo(String number) {
        if (number == null || number.length() < 2 || !isDigits(number, number.length())) {
            return false;
        }
        OptionalInt cd = atenaNo(number.substring(0, number.length() - 1));
        return cd.isPresent() && cd.getAsInt() == number.charAt(number.length() - 1) - '0';
    }

    // ---------------------------------------------------------------- shared

    /** Σ digit × weight mod 11 with weights 2..7 cycled from the rightmost digit. */
    private static int weightedSumMod11(String digits) {
        int sum = 0;
        int weight = 2;
        for (int i = digits.length() - 1; i >= 0; i--) {
            sum += (digits.charAt(i) - '0') * weight;
            weight = weight == 7 ? 2 : weight + 1;
        }
        return sum % 11;
    }

    static boolean isDigits(String s, int length) {
        if (s == null || s.length() != length || length == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** length -1 = any non-zero length. */
    private static void requireDigits(String s, int length, String code, String itemName, String what) {
        if (s == null || s.isEmpty()) {
            throw new InvalidValueException(InvalidValueException.REQUIRED, itemName + "が入力されていません。");
        }
        int expected = length < 0 ? s.length() : length;
        if (!isDigits(s, expected)) {
            String width = length < 0 ? "" : length + "桁の";
            throw new InvalidValueException(code, what + "は" + width + "半角数字で入力してください。");
        }
    }
}

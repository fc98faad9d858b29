package org.kiban.common;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the check digit schemes of standards.md §3. The remainder oracle below is written
 * independently from the reference's left-to-right weight list (6,5,4,3,2,7,6,5,4,3,2 for 個人番号,
 * 5,4,3,2,7,6,5,4,3,2 for 住民票コード), not copied from the production code.
 */
class CheckDigitsProperties {

    private static final int[] INDIVIDUAL_WEIGHTS = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2}; // standards.md §3.1
    private static final int[] JUMINHYO_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};      // standards.md §3.2

    @Provide
    Arbitrary<String> base11() {
        return Arbitraries.strings().numeric().ofLength(11);
    }

    @Provide
    Arbitrary<String> base10() {
        return Arbitraries.strings().numeric().ofLength(10);
    }

    @Provide
    Arbitrary<String> base5() {
        return Arbitraries.strings().numeric().ofLength(5);
    }

    @Provide
    Arbitrary<String> atenaBase() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(15);
    }

    @Property
    void individualNumberWithItsCheckDigitIsValid(@ForAll("base11") String base) {
        assertThat(CheckDigits.isValidIndividualNumber(base + CheckDigits.individualNumber(base))).isTrue();
    }

    @Property
    void individualNumberCheckDigitFollowsTheReferenceFormula(@ForAll("base11") String base) {
        int r = mod11(base, INDIVIDUAL_WEIGHTS);
        assertThat(CheckDigits.individualNumber(base)).isEqualTo(r <= 1 ? 0 : 11 - r); // 総務省令第85号 §5
    }

    /**
     * Changing any single digit of a valid 個人番号 makes it invalid, except when the change moves the base
     * remainder between 0 and 1, which 総務省令第85号 §5 maps to the same check digit 0.
     */
    @Property
    void singleDigitChangeOfIndividualNumberIsDetected(@ForAll("base11") String base,
                                                       @ForAll @IntRange(min = 0, max = 11) int position,
                                                       @ForAll @IntRange(min = 1, max = 9) int delta) {
        String valid = base + CheckDigits.individualNumber(base);
        String changed = changeDigit(valid, position, delta);
        boolean baseChangeBetweenZeroAndOne = position < 11
                && mod11(base, INDIVIDUAL_WEIGHTS) <= 1 && mod11(changed.substring(0, 11), INDIVIDUAL_WEIGHTS) <= 1;
        assertThat(CheckDigits.isValidIndividualNumber(changed)).isEqualTo(baseChangeBetweenZeroAndOne);
    }

    @Property
    void singleDigitChangeOfIndividualNumberIsDetectedWhenRemainderIsAtLeastTwo(
            @ForAll("base11") String base, @ForAll @IntRange(min = 0, max = 11) int position,
            @ForAll @IntRange(min = 1, max = 9) int delta) {
        Assume.that(mod11(base, INDIVIDUAL_WEIGHTS) >= 2);
        String valid = base + CheckDigits.individualNumber(base);
        assertThat(CheckDigits.isValidIndividualNumber(changeDigit(valid, position, delta))).isFalse();
    }

    @Property
    void juminhyoCodeWithItsCheckDigitIsValid(@ForAll("base10") String base) {
        int r = mod11(base, JUMINHYO_WEIGHTS);
        assertThat(CheckDigits.juminhyoCode(base)).isEqualTo(r <= 1 ? 0 : 11 - r);
        assertThat(CheckDigits.isValidJuminhyoCode(base + CheckDigits.juminhyoCode(base))).isTrue();
    }

    @Property
    void lgCodeWithItsCheckDigitIsValid(@ForAll("base5") String base) {
        int r = mod11(base, new int[] {6, 5, 4, 3, 2}); // standards.md §3.3
        assertThat(CheckDigits.lgCode(base)).isEqualTo((11 - r) % 10);
        assertThat(CheckDigits.isValidLgCode(base + CheckDigits.lgCode(base))).isTrue();
        assertThat(LgCode.fromFiveDigits(base).value()).isEqualTo(base + CheckDigits.lgCode(base));
    }

    @Property
    void issuableAtenaNoIsValid(@ForAll("atenaBase") String base) {
        if (CheckDigits.isIssuableAtenaBase(base)) {
            assertThat(CheckDigits.isValidAtenaNo(CheckDigits.appendAtenaNoCheckDigit(base))).isTrue();
        } else {
            for (int cd = 0; cd <= 9; cd++) {
                assertThat(CheckDigits.isValidAtenaNo(base + cd)).isFalse();
            }
        }
    }

    /** Because bases with remainder 1 are skipped, every single-digit error in a 宛名番号 is detected. */
    @Property
    void singleDigitChangeOfAtenaNoIsAlwaysDetected(@ForAll("atenaBase") String base,
                                                    @ForAll @IntRange(min = 0, max = 15) int position,
                                                    @ForAll @IntRange(min = 1, max = 9) int delta) {
        Assume.that(CheckDigits.isIssuableAtenaBase(base));
        String valid = CheckDigits.appendAtenaNoCheckDigit(base);
        String changed = changeDigit(valid, position % valid.length(), delta);
        assertThat(CheckDigits.isValidAtenaNo(changed)).isFalse();
    }

    @Property
    void validatorsNeverThrow(@ForAll String any) {
        CheckDigits.isValidIndividualNumber(any);
        CheckDigits.isValidJuminhyoCode(any);
        CheckDigits.isValidLgCode(any);
        CheckDigits.isValidAtenaNo(any);
    }

    private static String changeDigit(String s, int position, int delta) {
        char[] c = s.toCharArray();
        c[position] = (char) ('0' + (c[position] - '0' + delta) % 10);
        return new String(c);
    }

    private static int mod11(String digits, int[] leftToRightWeights) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * leftToRightWeights[i];
        }
        return sum % 11;
    }
}

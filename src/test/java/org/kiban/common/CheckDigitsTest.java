package org.kiban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Test vectors of standards.md §3. Every expected value comes from the reference tables (or, where marked
 * "hand", from working the reference formula on paper), never from running the code.
 */
class CheckDigitsTest {

    @Nested
    class IndividualNumber {

        // standards.md §3.1 table (sources: C common dummy; qiita.com/ekzemplaro; masanork/srn sample 住民票)
        @ParameterizedTest
        @CsvSource({
                "12345678901, 8",  // Σ 212, r 3 (C, common dummy)
                "98320567321, 4",  // Σ 238, r 7 (qiita.com/ekzemplaro)
                "37947448445, 8",  // Σ 245, r 3 (masanork/srn)
                "45497236486, 0",  // Σ 220, r 0 → 0 (masanork/srn; r ≤ 1 rule)
                "50795710072, 1",  // Σ 175, r 10 → 1 (masanork/srn)
                // hand, §3.1 formula: Σ 220 − (6−1)·2 = 210, r 1 → 0 (the r = 1 edge case)
                "45497236481, 0",
        })
        void checkDigit(String first11, int expected) {
            assertThat(CheckDigits.individualNumber(first11)).isEqualTo(expected);
            assertThat(CheckDigits.isValidIndividualNumber(first11 + expected)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"123456789018", "983205673214", "379474484458", "454972364860", "507957100721"})
        void validVectors(String number) {
            // standards.md §3.1: status "valid"
            assertThat(CheckDigits.isValidIndividualNumber(number)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "983205673210", // qiita.com/ekzemplaro: shown invalid
                "507957100722", // masanork/srn twin: CD should be 1
                "123456789010", "123456789019"})
        void invalidVectors(String number) {
            assertThat(CheckDigits.isValidIndividualNumber(number)).isFalse();
        }

        @Test
        void aSingleDigitChangeBetweenRemaindersZeroAndOneIsNotDetected() {
            // 総務省令第85号 §5 maps r = 0 and r = 1 both to 0, so this known weakness exists (hand-computed):
            // 454972364860 (Σ 220, r 0) and 454972364810 (Σ 210, r 1) are both valid.
            assertThat(CheckDigits.isValidIndividualNumber("454972364860")).isTrue();
            assertThat(CheckDigits.isValidIndividualNumber("454972364810")).isTrue();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"12345678901", "1234567890123", "12345678901a", "１２３４５６７８９０１８", " 123456789018"})
        void malformedIsNotValid(String number) {
            assertThat(CheckDigits.isValidIndividualNumber(number)).isFalse();
        }

        @Test
        void malformedBaseThrows() {
            assertThatThrownBy(() -> CheckDigits.individualNumber("1234567890"))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.code()).isEqualTo("invalid-individual-number"))
                    .hasMessageContaining("11桁の半角数字");
            assertThatThrownBy(() -> CheckDigits.individualNumber(null))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("required"));
        }
    }

    @Nested
    class JuminhyoCode {

        // standards.md §3.2 (masanork/srn sample codes; formula [UNVERIFIED] community M11 W2-7, r ≤ 1 → 0)
        @ParameterizedTest
        @CsvSource({
                "2472705960, 8", // Σ 179, r 3
                "2484601622, 4", // Σ 139, r 7
                "2520801764, 3", // Σ 151, r 8
                "0000000000, 0", // hand: Σ 0, r 0 → 0
                "0000000006, 0", // hand: Σ 6·2 = 12, r 1 → 0
        })
        void checkDigit(String first10, int expected) {
            assertThat(CheckDigits.juminhyoCode(first10)).isEqualTo(expected);
            assertThat(CheckDigits.isValidJuminhyoCode(first10 + expected)).isTrue();
        }

        @Test
        void negativeVector() {
            // standards.md §3.2: 25208017644 invalid
            assertThat(CheckDigits.isValidJuminhyoCode("25208017644")).isFalse();
            assertThat(CheckDigits.isValidJuminhyoCode("2520801764")).isFalse();
            assertThat(CheckDigits.isValidJuminhyoCode(null)).isFalse();
        }
    }

    @Nested
    class LgCode {

        // standards.md §3.3 table (総務省 code list; code4fukui/Modulus11 tests; C = recomputed in the reference)
        @ParameterizedTest
        @CsvSource({
                "13101, 6", // 千代田区 131016, Σ 27 r 5
                "14100, 3", // 横浜市 141003, Σ 30 r 8
                "18207, 9", // 鯖江市 182079 (code4fukui/Modulus11 test)
                "16201, 9", // 富山市 162019 (code4fukui/Modulus11 test)
                "01100, 2", // 札幌市 011002, Σ 9 r 9
                "27100, 4", // 大阪市 271004, Σ 51 r 7
                "13104, 1", // 新宿区 131041, Σ 33 r 0 → 1 (differs from 個人番号!)
                "13113, 0", // 渋谷区 131130, Σ 34 r 1 → 0
                "01101, 1", // 札幌市中央区 011011, Σ 11 r 0 → 1
        })
        void checkDigit(String first5, int expected) {
            assertThat(CheckDigits.lgCode(first5)).isEqualTo(expected);
            assertThat(CheckDigits.isValidLgCode(first5 + expected)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"131016", "141003", "182079", "162019", "011002", "271004", "131041", "131130", "011011"})
        void sixDigitVectorsFromTheTableAreValid(String code) {
            // standards.md §3.3, column "6-digit"
            assertThat(CheckDigits.isValidLgCode(code)).isTrue();
        }

        @Test
        void individualNumberRuleMustNotBeUsed() {
            // standards.md §3.3: 新宿区 13104 has r = 0 → 1. With the 個人番号 rule (r = 0 → 0) it would be 131040.
            assertThat(CheckDigits.isValidLgCode("131041")).isTrue();
            assertThat(CheckDigits.isValidLgCode("131040")).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"131015", "131131", "141004", "13101", "1310166", "13101a"})
        void invalid(String code) {
            assertThat(CheckDigits.isValidLgCode(code)).isFalse();
        }
    }

    @Nested
    class AtenaNo {

        @Test
        void workedExampleOfTheReference() {
            // standards.md §3.4 worked example: base 000000123 → Σ 16, r 5 → 6 → 0000001236
            assertThat(CheckDigits.atenaNo("000000123")).hasValue(6);
            assertThat(CheckDigits.appendAtenaNoCheckDigit("000000123")).isEqualTo("0000001236");
            assertThat(CheckDigits.isValidAtenaNo("0000001236")).isTrue();
            assertThat(CheckDigits.isValidAtenaNo("0000001235")).isFalse();
        }

        @Test
        void remainderZeroGivesZero() {
            // j130 「余りが０の場合、検査付番は０」; hand: 0000000014 → 1·3 + 4·2 = 11, r 0
            assertThat(CheckDigits.atenaNo("0000000014")).hasValue(0);
            assertThat(CheckDigits.isValidAtenaNo("00000000140")).isTrue();
        }

        @Test
        void otherRemainder() {
            // hand: 000000124 → 1·4 + 2·3 + 4·2 = 18, r 7 → 4
            assertThat(CheckDigits.atenaNo("000000124")).hasValue(4);
        }

        @Test
        void remainderOneIsNotIssuableAndIsSkipped() {
            // standards.md §3.4 [UNVERIFIED]: r = 1 would give 10; our decision: the base is skipped.
            // hand: 0000000006 → 6·2 = 12, r 1; 0000000007 → 14, r 3 → 8
            assertThat(CheckDigits.atenaNo("0000000006")).isEmpty();
            assertThat(CheckDigits.isIssuableAtenaBase("0000000006")).isFalse();
            assertThat(CheckDigits.isIssuableAtenaBase("0000000007")).isTrue();
            assertThat(CheckDigits.atenaNo("0000000007")).hasValue(8);
            assertThatThrownBy(() -> CheckDigits.appendAtenaNoCheckDigit("0000000006"))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.code()).isEqualTo("atena-base-not-issuable"));
            for (int cd = 0; cd <= 9; cd++) {
                assertThat(CheckDigits.isValidAtenaNo("0000000006" + cd)).isFalse();
            }
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"1", "12a4", "-123"})
        void malformedIsNotValid(String number) {
            assertThat(CheckDigits.isValidAtenaNo(number)).isFalse();
        }

        @Test
        void malformedBaseThrows() {
            assertThatThrownBy(() -> CheckDigits.atenaNo("12-3"))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.code()).isEqualTo("invalid-atena-no"));
        }
    }
}

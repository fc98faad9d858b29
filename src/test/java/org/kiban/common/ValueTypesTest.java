package org.kiban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void lgCode() {
        // standards.md §3.3: 千代田区 131016
        LgCode chiyoda = LgCode.of("131016");
        assertThat(chiyoda.value()).isEqualTo("131016");
        assertThat(chiyoda.prefectureCode()).isEqualTo("13");
        assertThat(chiyoda.withoutCheckDigit()).isEqualTo("13101");
        assertThat(chiyoda).hasToString("131016");
        assertThat(chiyoda).isEqualTo(new LgCode("131016"));
    }

    @Test
    void lgCodeFromFiveDigits() {
        // standards.md §3.3: 新宿区 13104 → 131041 (r 0), 渋谷区 13113 → 131130 (r 1), 札幌市 01100 → 011002
        assertThat(LgCode.fromFiveDigits("13104")).isEqualTo(LgCode.of("131041"));
        assertThat(LgCode.fromFiveDigits("13113")).isEqualTo(LgCode.of("131130"));
        assertThat(LgCode.fromFiveDigits("01100").prefectureCode()).isEqualTo("01");
    }

    @Test
    void lgCodeErrors() {
        assertThatThrownBy(() -> LgCode.of("131015"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid-check-digit"))
                .hasMessage("全国地方公共団体コード「131015」の検査数字が正しくありません。");
        assertThatThrownBy(() -> LgCode.of("13101"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid-lg-code"))
                .hasMessage("全国地方公共団体コードは6桁の半角数字で入力してください。");
        assertThatThrownBy(() -> LgCode.of("１３１０１６"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid-lg-code"));
        assertThatThrownBy(() -> LgCode.of(null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("required"));
        assertThatThrownBy(() -> LgCode.fromFiveDigits("1310"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid-lg-code"));
        assertThat(new InvalidValueException("x", "y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void individualNumberIsMasked() {
        // standards.md §3.1: 123456789018 is a valid common dummy
        IndividualNumber n = IndividualNumber.of("123456789018");
        assertThat(n.value()).isEqualTo("123456789018");
        assertThat(n).hasToString("************");
        assertThat(n.masked()).isEqualTo("************");
        assertThat(String.valueOf(n)).doesNotContain("1234");
        assertThat(n).isEqualTo(IndividualNumber.of("123456789018"));
    }

    @Test
    void individualNumberErrorsDoNotEchoTheNumber() {
        // standards.md §3.1: 507957100722 is the negative vector
        assertThatThrownBy(() -> IndividualNumber.of("507957100722"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid-check-digit"))
                .hasMessageNotContaining("507957100722");
        assertThatThrownBy(() -> IndividualNumber.of("50795710072"))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid-individual-number"))
                .hasMessageNotContaining("50795710072");
    }

    @Test
    void juminhyoCode() {
        // standards.md §3.2: 24727059608 consistent, 25208017644 invalid
        assertThat(JuminhyoCode.of("24727059608").value()).isEqualTo("24727059608");
        assertThat(JuminhyoCode.of("24727059608")).hasToString("24727059608");
        assertThatThrownBy(() -> JuminhyoCode.of("25208017644"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid-check-digit"));
        assertThatThrownBy(() -> JuminhyoCode.of("2520801764"))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid-juminhyo-code"));
    }
}

package org.kiban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class YenTest {

    @Test
    void formats() {
        assertThat(Yen.of(12345)).hasToString("12,345円");
        assertThat(Yen.of(0).format()).isEqualTo("0円");
        assertThat(Yen.of(1234567).format()).isEqualTo("1,234,567円");
        assertThat(Yen.of(999).format()).isEqualTo("999円");
    }

    @Test
    void arithmetic() {
        assertThat(Yen.of(1000).plus(Yen.of(234))).isEqualTo(Yen.of(1234));
        assertThat(Yen.of(1000).minus(Yen.of(1000))).isEqualTo(Yen.ZERO);
        assertThat(Yen.of(1000).minusOrZero(Yen.of(1500))).isEqualTo(Yen.ZERO);
        assertThat(Yen.of(1000).minusOrZero(Yen.of(1))).isEqualTo(Yen.of(999));
        assertThat(Yen.ZERO.isZero()).isTrue();
        assertThat(Yen.of(1)).isGreaterThan(Yen.ZERO);
    }

    @Test
    void times() {
        // 1,234,567 × 6% = 74,074.02
        assertThat(Yen.of(1234567).times(new BigDecimal("0.06"), RoundingMode.DOWN)).isEqualTo(Yen.of(74074));
        assertThat(Yen.of(1234567).times(new BigDecimal("0.06"), RoundingMode.UP)).isEqualTo(Yen.of(74075));
        // 15 × 0.5 = 7.5
        assertThat(Yen.of(15).times(new BigDecimal("0.5"), RoundingMode.HALF_UP)).isEqualTo(Yen.of(8));
        assertThat(Yen.of(15).times(new BigDecimal("0.5"), RoundingMode.HALF_EVEN)).isEqualTo(Yen.of(8));
        assertThat(Yen.of(25).times(new BigDecimal("0.5"), RoundingMode.HALF_EVEN)).isEqualTo(Yen.of(12));
    }

    @Test
    void roundDown() {
        assertThat(Yen.of(12345).roundDown(100)).isEqualTo(Yen.of(12300));   // 100円未満切捨て
        assertThat(Yen.of(12345).roundDown(1000)).isEqualTo(Yen.of(12000));  // 1,000円未満切捨て
        assertThat(Yen.of(99).roundDown(100)).isEqualTo(Yen.ZERO);
        assertThatThrownBy(() -> Yen.of(1).roundDown(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverNegative() {
        assertThatThrownBy(() -> Yen.of(-1))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid-amount"))
                .hasMessage("金額は0円以上で指定してください。");
        assertThatThrownBy(() -> Yen.of(1).minus(Yen.of(2)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid-amount"));
        assertThatThrownBy(() -> Yen.of(1).times(new BigDecimal("-1"), RoundingMode.DOWN))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Yen.of(Long.MAX_VALUE).plus(Yen.of(1))).isInstanceOf(ArithmeticException.class);
    }
}

package org.kiban.disaster;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.kiban.common.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 損害割合 bands of 内閣府「災害に係る住家の被害認定基準運用指針」(令和3年3月): 全壊 50%以上, 大規模半壊 40%以上50%未満,
 * 中規模半壊 30%以上40%未満, 半壊 20%以上30%未満, 準半壊 10%以上20%未満, 準半壊に至らない（一部損壊）10%未満.
 */
class DamageLevelTest {

    static DamageLevel of(String percent) {
        return DamageLevel.ofDamageRatio(new BigDecimal(percent));
    }

    @Test
    void eachBandStartsAtItsLowerBoundInclusive() {
        assertThat(of("100")).isEqualTo(DamageLevel.TOTAL_COLLAPSE);
        assertThat(of("50")).isEqualTo(DamageLevel.TOTAL_COLLAPSE);
        assertThat(of("49.99")).isEqualTo(DamageLevel.LARGE_SCALE_HALF_COLLAPSE);
        assertThat(of("40")).isEqualTo(DamageLevel.LARGE_SCALE_HALF_COLLAPSE);
        assertThat(of("39.9")).isEqualTo(DamageLevel.MEDIUM_SCALE_HALF_COLLAPSE);
        assertThat(of("30")).isEqualTo(DamageLevel.MEDIUM_SCALE_HALF_COLLAPSE);
        assertThat(of("29.9")).isEqualTo(DamageLevel.HALF_COLLAPSE);
        assertThat(of("20")).isEqualTo(DamageLevel.HALF_COLLAPSE);
        assertThat(of("19.9")).isEqualTo(DamageLevel.QUASI_HALF_COLLAPSE);
        assertThat(of("10")).isEqualTo(DamageLevel.QUASI_HALF_COLLAPSE);
        assertThat(of("9.99")).isEqualTo(DamageLevel.PARTIAL_DAMAGE);
        assertThat(of("0")).isEqualTo(DamageLevel.PARTIAL_DAMAGE);
    }

    @Test
    void theLabelsAreThoseTheCertificatePrints() {
        assertThat(DamageLevel.values()).extracting(DamageLevel::label).containsExactly("全壊", "大規模半壊", "中規模半壊",
                "半壊", "準半壊", "準半壊に至らない（一部損壊）");
    }

    @Test
    void aRatioOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> of("100.01")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> of("-1")).isInstanceOf(InvalidValueException.class);
    }
}

package org.kiban.insight.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate of docs/insight/customization-rate.md: (D + E) / (P + E). */
class CustomizationRateTest {

    @Test
    void extensionsCountAsDeviatingPoints() {
        // 20 parameters, 2 deviating, 1 extension: 3 / 21 = 0.142857… → 0.1429; fit 0.8571
        CustomizationRate r = new CustomizationRate(20, 2, 1);
        assertThat(r.customizationRate()).isEqualByComparingTo("0.1429");
        assertThat(r.fitRate()).isEqualByComparingTo("0.8571");
    }

    @Test
    void withoutExtensionsItIsTheParameterRate() {
        assertThat(new CustomizationRate(8, 2, 0).customizationRate()).isEqualByComparingTo("0.25");
        assertThat(new CustomizationRate(0, 0, 0).fitRate()).isEqualByComparingTo("1");
    }
}

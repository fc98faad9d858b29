package org.kiban.insight.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Customization rate and fit rate of a tenant on a date (docs/insight/customization-rate.md):
 * <pre>
 *   customization rate = (D + E) / (P + E)      fit rate = (P − D) / (P + E) = 1 − customization rate
 * </pre>
 * P parameters in the catalogue, D of them deviating from the standard default, E extensions active that day.
 * Every extension is a point where the tenant departs from the standard, like a deviating parameter; with no
 * extension it is the parameter module's rate (D / P).
 *
 * @param parameters catalogue size P
 * @param deviating  deviating parameters D
 * @param extensions active extensions E
 */
public record CustomizationRate(int parameters, int deviating, int extensions) {

    public CustomizationRate {
        if (parameters < 0 || deviating < 0 || extensions < 0 || deviating > parameters) {
            throw new IllegalArgumentException("counts out of range");
        }
    }

    /** (D + E) / (P + E), 4 decimals, half up; 0 when there is nothing to count. */
    public BigDecimal customizationRate() {
        int points = parameters + extensions;
        return points == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(deviating + extensions).divide(BigDecimal.valueOf(points), 4, RoundingMode.HALF_UP);
    }

    /** 1 − customization rate. */
    public BigDecimal fitRate() {
        return BigDecimal.ONE.subtract(customizationRate());
    }
}

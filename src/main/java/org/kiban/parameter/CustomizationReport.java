package org.kiban.parameter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How far a tenant departs from the standard on a date, computed from its parameter values (never typed in).
 *
 * @param lgCode            the tenant
 * @param at                the date
 * @param parameters        catalogue size
 * @param deviating         parameters whose value differs from the standard default
 * @param byClass           per class of the typology: parameters and deviating ones
 * @param customizationRate deviating / parameters, 0 to 1 (4 decimals)
 * @param fitRate           1 − customizationRate
 * @param deviations        the deviating parameters
 */
public record CustomizationReport(String lgCode, LocalDate at, int parameters, int deviating,
                                  Map<ParameterClass, ClassCount> byClass, BigDecimal customizationRate,
                                  BigDecimal fitRate, List<EffectiveParameter> deviations) {

    public record ClassCount(int parameters, int deviating) {
    }
}

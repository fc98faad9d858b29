package org.kiban.tax.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The rule set of each supported 年度. Adding a year = adding its class here. */
public final class RuleSets {

    private static final Map<Integer, ResidentTaxRules> BY_YEAR = new TreeMap<>();

    static {
        for (ResidentTaxRules r : List.of(new Fy2025Rules(), new Fy2026Rules())) {
            BY_YEAR.put(r.taxYear(), r);
        }
    }

    private RuleSets() {
    }

    public static Optional<ResidentTaxRules> forYear(int taxYear) {
        return Optional.ofNullable(BY_YEAR.get(taxYear));
    }

    public static List<Integer> supportedYears() {
        return List.copyOf(BY_YEAR.keySet());
    }
}

package org.kiban.parameter;

import java.math.BigDecimal;

/** Comparison of canonical parameter values. */
final class ParameterValues {

    private ParameterValues() {
    }

    static boolean sameValue(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a == null ? b == null : a.equals(b);
    }
}

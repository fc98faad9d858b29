package org.kiban.parameter;

import java.time.LocalDate;

/**
 * A tenant's change of a parameter, effective from a date.
 *
 * @param value     the new value as JSON gives it (null: return to the standard default)
 * @param validFrom from when it applies
 * @param reason    why (e.g. the ordinance and its article), required
 */
public record ParameterChange(Object value, LocalDate validFrom, String reason) {
}

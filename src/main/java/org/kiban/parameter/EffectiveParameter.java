package org.kiban.parameter;

import java.time.LocalDate;

/**
 * A parameter's value for one tenant on one date.
 *
 * @param definition      the catalogue entry
 * @param value           the value in effect (canonical form, see {@link ParameterDefinition#validate})
 * @param standardDefault the standard's value for this municipality
 * @param fromStandard    whether no tenant value is in effect (the standard default applies)
 * @param validFrom       since when the tenant's value applies, or null
 * @param revision        the tenant's revision in effect, or 0
 */
public record EffectiveParameter(ParameterDefinition definition, Object value, Object standardDefault,
                                 boolean fromStandard, LocalDate validFrom, int revision) {

    /** Whether the value differs from the standard: a customization in the policy's sense. */
    public boolean deviates() {
        return !ParameterValues.sameValue(value, standardDefault);
    }
}

package org.kiban.parameter;

import java.time.LocalDate;
import java.util.List;

/** Parameter values of the current tenant ({@code TenantContext}). */
public interface Parameters {

    /** Every catalogue entry, by key. */
    List<ParameterDefinition> catalogue();

    EffectiveParameter get(String key, LocalDate at);

    default long longValue(String key, LocalDate at) {
        return ((Number) get(key, at).value()).longValue();
    }

    default String textValue(String key, LocalDate at) {
        return (String) get(key, at).value();
    }

    default boolean booleanValue(String key, LocalDate at) {
        return (Boolean) get(key, at).value();
    }

    List<EffectiveParameter> all(LocalDate at);

    List<ParameterRevision> history(String key);

    /** Validates and appends a revision, audited. */
    EffectiveParameter change(String key, ParameterChange change);

    CustomizationReport customizationReport(LocalDate at);
}

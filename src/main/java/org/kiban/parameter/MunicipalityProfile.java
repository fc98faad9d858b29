package org.kiban.parameter;

/**
 * What a standard default may depend on: the municipality's kind (e.g. a designated city has ward offices by
 * law, so that is its standard, not a customization).
 *
 * @param lgCode the tenant
 * @param kind   its kind, as {@code org.kiban.tenancy.LocalGovernmentKind} names it (DESIGNATED_CITY, CITY …)
 */
public record MunicipalityProfile(String lgCode, String kind) {

    /** Supplies the profile of a tenant; implemented by the module that knows the municipalities. */
    public interface Source {
        MunicipalityProfile profileOf(String lgCode);
    }
}

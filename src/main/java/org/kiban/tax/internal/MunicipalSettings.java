package org.kiban.tax.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.kiban.parameter.MunicipalityProfile;
import org.kiban.parameter.ParameterDefinition;
import org.kiban.parameter.Parameters;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.tax.TaxCalculationResult.AppliedMunicipality;
import org.kiban.tax.TaxParameters;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.Tenants;
import org.springframework.stereotype.Component;

/**
 * A municipality's resident-tax parameters for a 年度: a tenant's values in effect on 1 January of the 年度 (賦課期日),
 * or, for a municipality that is not a tenant, the standard for its kind and prefecture.
 */
@Component
class MunicipalSettings {

    private static final Actor ACTOR = Actor.system("tax-calculation");

    private final Parameters parameters;
    private final Tenants tenants;

    MunicipalSettings(Parameters parameters, Tenants tenants) {
        this.parameters = parameters;
        this.tenants = tenants;
    }

    AppliedMunicipality of(LocalGovernment lg, int taxYear) {
        LocalDate assessmentDate = LocalDate.of(taxYear, 1, 1);
        if (tenants.find(lg.lgCode()).isPresent()) {
            return TenantContext.callAs(lg.lgCode(), ACTOR, () -> new AppliedMunicipality(lg.lgCode(), lg.name(),
                    decimal(parameters.get(TaxParameters.CITY_RATE, assessmentDate).value()),
                    decimal(parameters.get(TaxParameters.PREF_RATE, assessmentDate).value()),
                    parameters.longValue(TaxParameters.CITY_PER_CAPITA, assessmentDate),
                    parameters.longValue(TaxParameters.PREF_PER_CAPITA, assessmentDate), 1_000,
                    parameters.textValue(TaxParameters.LIVING_COST_GRADE, assessmentDate),
                    parameters.booleanValue(TaxParameters.DESIGNATED_CITY_SPLIT, assessmentDate), "TENANT"));
        }
        MunicipalityProfile profile = new MunicipalityProfile(lg.lgCode(), lg.kind().name());
        return new AppliedMunicipality(lg.lgCode(), lg.name(),
                decimal(standard(TaxParameters.CITY_RATE, profile)), decimal(standard(TaxParameters.PREF_RATE, profile)),
                ((Number) standard(TaxParameters.CITY_PER_CAPITA, profile)).longValue(),
                ((Number) standard(TaxParameters.PREF_PER_CAPITA, profile)).longValue(), 1_000,
                (String) standard(TaxParameters.LIVING_COST_GRADE, profile),
                (Boolean) standard(TaxParameters.DESIGNATED_CITY_SPLIT, profile), "STANDARD");
    }

    private Object standard(String key, MunicipalityProfile profile) {
        ParameterDefinition d = parameters.catalogue().stream().filter(x -> x.key().equals(key)).findFirst()
                .orElseThrow();
        return d.defaultFor(profile);
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }
}

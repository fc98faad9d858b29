package org.kiban.tenancy.internal;

import org.kiban.parameter.MunicipalityProfile;
import org.kiban.platform.ProblemException;
import org.kiban.tenancy.Municipalities;
import org.springframework.stereotype.Component;

/** Tells the parameter module what kind of municipality a tenant is. */
@Component
class MunicipalityProfiles implements MunicipalityProfile.Source {

    private final Municipalities municipalities;

    MunicipalityProfiles(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @Override
    public MunicipalityProfile profileOf(String lgCode) {
        return municipalities.find(lgCode)
                .map(lg -> new MunicipalityProfile(lgCode, lg.kind().name()))
                .orElseThrow(() -> ProblemException.notFound("団体", lgCode));
    }
}

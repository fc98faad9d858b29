package org.kiban.tenancy;

import java.util.List;
import java.util.Optional;

/** The tenants of this deployment. */
public interface Tenants {

    Optional<Tenant> find(String lgCode);

    List<Tenant> all();
}

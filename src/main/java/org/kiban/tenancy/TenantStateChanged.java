package org.kiban.tenancy;

import java.time.LocalDate;

/** A tenant moved in its lifecycle (published through the outbox). */
public record TenantStateChanged(String lgCode, TenantState from, TenantState to, LocalDate effectiveOn) {
}

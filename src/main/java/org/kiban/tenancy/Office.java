package org.kiban.tenancy;

import java.time.LocalDate;

/** An office of a tenant. {@code wardLgCode} is the ward a 区役所 serves. */
public record Office(String lgCode, String officeCode, OfficeKind kind, String name, String wardLgCode,
                     String address, LocalDate openedOn, LocalDate closedOn) {
}

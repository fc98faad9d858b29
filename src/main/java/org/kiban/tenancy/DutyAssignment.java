package org.kiban.tenancy;

import java.time.LocalDate;

/** One duty (事務分掌) of a staff member: a role, at an office or all offices (null), for a period. */
public record DutyAssignment(StaffRole role, String roleLabel, String officeCode, LocalDate validFrom, LocalDate validTo) {
}

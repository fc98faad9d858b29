package org.kiban.tenancy;

import java.util.List;

/** A staff member of a tenant, with their current duties. */
public record StaffMember(String lgCode, String staffId, String displayName, String officeCode, boolean enabled,
                          boolean locked, List<DutyAssignment> duties) {
}

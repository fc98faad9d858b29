package org.kiban.tenancy;

import java.util.Set;

import org.kiban.platform.Permissions;

/**
 * Roles of the 事務分掌 (division of duties): what a staff member's duties let them do. A staff member may hold
 * several, each assigned per tenant and optionally per office.
 */
public enum StaffRole {
    RESIDENT_CLERK("住民記録担当", Set.of(Permissions.RESIDENT_READ, Permissions.RESIDENT_WRITE, Permissions.CERTIFICATE_ISSUE,
            Permissions.DISASTER_WRITE, Permissions.DISASTER_AID)),
    // 税務: 住家の被害認定調査 and 罹災証明書 are often the tax office's work (家屋評価の知見).
    TAX_OFFICER("税務担当", Set.of(Permissions.TAX_READ, Permissions.TAX_WRITE, Permissions.RESIDENT_READ,
            Permissions.DISASTER_WRITE, Permissions.DISASTER_AID)),
    CARE_OFFICER("介護保険担当", Set.of(Permissions.CARE_READ, Permissions.CARE_WRITE, Permissions.RESIDENT_READ)),
    /** 責任者: may release a 支援措置 block for one operation; checks the migration's imports with the vendor. */
    SUPERVISOR("責任者", Set.of(Permissions.PROTECTION_RELEASE, Permissions.RESIDENT_READ, Permissions.STAFF_READ,
            Permissions.DISASTER_MANAGE, Permissions.DISASTER_WRITE, Permissions.DISASTER_AID, Permissions.EXCHANGE_IMPORT)),
    AUDITOR("監査担当", Set.of(Permissions.AUDIT_READ, Permissions.STAFF_READ)),
    TENANT_ADMIN("システム管理者", Set.of(Permissions.PARAMETER_WRITE, Permissions.STAFF_READ, Permissions.STAFF_WRITE,
            Permissions.TOKEN_WRITE, Permissions.OFFICE_WRITE, Permissions.EXCHANGE_EXPORT, Permissions.EXCHANGE_IMPORT,
            Permissions.DISASTER_MANAGE));

    /** Every staff member of a tenant may do this, whatever their duties. */
    public static final Set<String> BASE_PERMISSIONS = Set.of(Permissions.MUNICIPALITY_READ, Permissions.TENANT_READ,
            Permissions.PARAMETER_READ);

    private final String label;
    private final Set<String> permissions;

    StaffRole(String label, Set<String> permissions) {
        this.label = label;
        this.permissions = permissions;
    }

    public String label() {
        return label;
    }

    public Set<String> permissions() {
        return permissions;
    }
}

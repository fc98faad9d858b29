package org.kiban.platform;

import java.util.List;

/**
 * The permissions Kiban checks (Spring Security authorities). Staff get them from their roles (事務分掌);
 * API tokens carry an explicit subset. Names are {@code area:action}.
 */
public final class Permissions {

    public static final String MUNICIPALITY_READ = "municipality:read";
    public static final String TENANT_READ = "tenant:read";
    public static final String TENANT_MANAGE = "tenant:manage";
    public static final String OFFICE_WRITE = "office:write";
    public static final String STAFF_READ = "staff:read";
    public static final String STAFF_WRITE = "staff:write";
    public static final String TOKEN_WRITE = "token:write";
    public static final String PARAMETER_READ = "parameter:read";
    public static final String PARAMETER_WRITE = "parameter:write";
    public static final String AUDIT_READ = "audit:read";
    public static final String RESIDENT_READ = "resident:read";
    public static final String RESIDENT_WRITE = "resident:write";
    public static final String CERTIFICATE_ISSUE = "certificate:issue";
    public static final String PROTECTION_RELEASE = "protection:release";
    public static final String TAX_READ = "tax:read";
    public static final String TAX_WRITE = "tax:write";
    public static final String CARE_READ = "care:read";
    public static final String CARE_WRITE = "care:write";
    /** The joint use's dashboards across tenants (onboarding, customization, grouping, cost): operators only. */
    public static final String INSIGHT_READ = "insight:read";
    public static final String INSIGHT_WRITE = "insight:write";
    /** Other systems' reads of persons and households, item by item (the inquiry API; tokens only). */
    public static final String INQUIRY_READ = "inquiry:read";
    /** The tenant's whole data set in the standard layout (every person, 個人番号 and 支援措置 included). */
    public static final String EXCHANGE_EXPORT = "exchange:export";
    /** The results of the tenant's standard-layout imports and dry runs, errors included (they may quote values). */
    public static final String EXCHANGE_IMPORT = "exchange:import";
    /** 相互応援協定 and disaster declarations of the own municipality. */
    public static final String DISASTER_MANAGE = "disaster:manage";
    /** 被災者台帳 and 罹災証明書 of the own municipality. */
    public static final String DISASTER_WRITE = "disaster:write";
    /** Acting for another municipality under a mutual-aid agreement (応援職員). */
    public static final String DISASTER_AID = "disaster:aid";

    /** Every permission an API token may be given. */
    public static final List<String> ALL = List.of(MUNICIPALITY_READ, TENANT_READ, TENANT_MANAGE, OFFICE_WRITE,
            STAFF_READ, STAFF_WRITE, TOKEN_WRITE, PARAMETER_READ, PARAMETER_WRITE, AUDIT_READ, RESIDENT_READ,
            RESIDENT_WRITE, CERTIFICATE_ISSUE, PROTECTION_RELEASE, TAX_READ, TAX_WRITE, CARE_READ, CARE_WRITE, INQUIRY_READ,
            EXCHANGE_EXPORT, EXCHANGE_IMPORT, DISASTER_MANAGE, DISASTER_WRITE, DISASTER_AID);

    private Permissions() {
    }
}

/**
 * 共同化 (joint use): the list of Japanese local governments, the municipalities that use this deployment
 * (tenants) and their lifecycle, offices, staff, 事務分掌 (duty assignments), API tokens and sign-in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenancy")
package org.kiban.tenancy;

/**
 * Infrastructure every module stands on: the tenant context of the current unit of work (which
 * municipality's rows a transaction may see, who acts), the PostgreSQL wiring (embedded or external,
 * row-level security per transaction, Flyway), and RFC 9457 problem documents for every error.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.kiban.platform;

/**
 * ログ管理: the append-only, hash-chained operation log of each tenant — who read or changed which person,
 * printed what, changed which setting — and its verification.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.kiban.audit;

/**
 * データ連携: the change feed and inquiry API other systems read (PULL first, as the national standard wants),
 * and — with its issue — the standard-layout import and export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange")
package org.kiban.exchange;

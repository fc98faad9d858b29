/**
 * 住民記録: the resident registry of the 住民記録システム標準仕様書 — persons and households, every 異動 with
 * its full history (one snapshot row per 宛名番号 and 履歴番号), 除票, search, and the events other modules
 * react to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Resident")
package org.kiban.resident;

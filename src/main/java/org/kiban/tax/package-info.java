/**
 * 個人住民税: the individual resident tax — the assessment engine (one rule set per 年度), the annual assessment of
 * everyone registered on 1 January (賦課期日), notices, and a public simulator.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Resident tax")
package org.kiban.tax;

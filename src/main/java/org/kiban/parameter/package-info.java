/**
 * パラメータ対応: the catalogue of every local difference the standard allows (type, unit, validation,
 * standard default, class of the policy's typology, legal basis), each tenant's effective-dated values, and the
 * customization report computed from them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Parameter")
package org.kiban.parameter;

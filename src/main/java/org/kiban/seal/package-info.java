/**
 * 印鑑登録: registration of a resident's seal, the 印鑑登録証, abolition (on request, or when the person leaves
 * the registry), and the facts an 印鑑登録証明書 prints.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Seal")
package org.kiban.seal;

/**
 * 証明: issuance of the standard forms — 住民票の写し, 除票の写し, 記載事項証明書, 転出証明書, 印鑑登録証明書 —
 * as verifiable PDFs: rendered from the standard's layouts with embedded fonts that cover every name
 * character, digitally signed (PAdES) with the municipality's key, and carrying a verification code and QR
 * code that anyone can check against the issuing municipality.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Certificate")
package org.kiban.certificate;

package org.kiban.certificate;

import java.util.Optional;

/** Issues the standard certificates of the current tenant, and verifies issued ones. */
public interface CertificateIssuance {

    /**
     * Checks the request against the rules (requester, purpose, 支援措置, 個人番号 entitlement), renders, signs,
     * logs and audits one certificate, or refuses with a problem (nothing issued, the refusal audited).
     */
    IssuedCertificate issue(CertificateRequest request);

    /**
     * The same certificate as {@link #issue} would print, marked 見本, unsigned, without 発行番号, seal or verification
     * code, and not logged: what the counter shows the resident before issuing. Every rule that can refuse applies
     * (a 支援措置 refuses a third party's preview and the refusal is audited); the preview itself is one audit entry.
     */
    IssuedCertificate preview(CertificateRequest request);

    /**
     * A 罹災証明書 in the current municipality's name, numbered, signed and logged like every certificate (the
     * 世帯主 as the registry holds them today; the damage as the caller decided it).
     */
    IssuedCertificate issueDisasterCertificate(DisasterCertificateRequest request);

    /** The 印鑑登録証 (card) of an active seal registration, as a card-size PDF. */
    byte[] sealCard(long registrationNo);

    /** The public facts of an issued certificate, by its verification code; never personal data. */
    Optional<Verification> verify(String verificationCode);

    /** What {@code /verify/{code}} shows. */
    record Verification(String form, String municipality, String issuedOn, String issueNo, int pages, String sha256,
                        boolean reissue) {
    }
}

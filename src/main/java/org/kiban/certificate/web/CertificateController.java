package org.kiban.certificate.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kiban.certificate.CertificateIssuance;
import org.kiban.certificate.CertificateRequest;
import org.kiban.certificate.IssuedCertificate;
import org.kiban.platform.Permissions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Issues a certificate as a signed PDF; the headers carry its 発行番号, verification code and fee. */
@RestController
@Tag(name = "certificates", description = "証明書の交付")
public class CertificateController {

    private final CertificateIssuance issuance;

    CertificateController(CertificateIssuance issuance) {
        this.issuance = issuance;
    }

    @PostMapping(value = "/api/v1/municipalities/{lgCode}/certificates", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAuthority('" + Permissions.CERTIFICATE_ISSUE + "')")
    @Operation(summary = "Issue a standard certificate (PDF). Headers: X-Kiban-Issue-No (UTF-8, percent-encoded), "
            + "X-Kiban-Verification-Code, X-Kiban-Fee, X-Kiban-Pages, X-Kiban-Warnings")
    public ResponseEntity<byte[]> issue(@PathVariable String lgCode, @RequestBody CertificateRequest request) {
        IssuedCertificate c = issuance.issue(request);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(c.verificationCode() + ".pdf").build().toString())
                .header("X-Kiban-Issue-No", URLEncoder.encode(c.issueNo(), StandardCharsets.UTF_8))
                .header("X-Kiban-Verification-Code", c.verificationCode())
                .header("X-Kiban-Fee", Long.toString(c.fee()))
                .header("X-Kiban-Pages", Integer.toString(c.pages()))
                .header("X-Kiban-Sha256", c.sha256())
                .header("X-Kiban-Warnings", URLEncoder.encode(String.join("\n", c.warnings()), StandardCharsets.UTF_8))
                .body(c.pdf());
    }

    @PostMapping(value = "/api/v1/municipalities/{lgCode}/seal-registrations/{registrationNo}/card",
            produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    @Operation(summary = "Print the 印鑑登録証 (card) of a seal registration")
    public ResponseEntity<byte[]> sealCard(@PathVariable String lgCode, @PathVariable long registrationNo) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(issuance.sealCard(registrationNo));
    }
}

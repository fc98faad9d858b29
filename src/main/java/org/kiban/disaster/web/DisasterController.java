package org.kiban.disaster.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kiban.certificate.IssuedCertificate;
import org.kiban.disaster.internal.DisasterCertificates;
import org.kiban.disaster.internal.VictimRegister;
import org.kiban.platform.Permissions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 被災者台帳 and 罹災証明書: of the own municipality, and for another under a mutual-aid agreement. */
@RestController
@RequestMapping("/api/v1/municipalities/{lgCode}")
@Tag(name = "disaster", description = "災害時の相互応援・被災者台帳・罹災証明書")
public class DisasterController {

    private final VictimRegister register;
    private final DisasterCertificates certificates;

    DisasterController(VictimRegister register, DisasterCertificates certificates) {
        this.register = register;
        this.certificates = certificates;
    }

    @GetMapping("/disasters/{disasterNo}/households")
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_WRITE + "')")
    @Operation(summary = "被災者台帳: every household of a disaster with its damage, support and certificates")
    public List<VictimRegister.Entry> entries(@PathVariable String lgCode, @PathVariable int disasterNo) {
        return register.entries(disasterNo);
    }

    @PostMapping("/disasters/{disasterNo}/households")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_WRITE + "')")
    @Operation(summary = "Record a survey's result (住家の被害認定) for a household; a later survey appends")
    public VictimRegister.Entry recordDamage(@PathVariable String lgCode, @PathVariable int disasterNo,
                                             @RequestBody VictimRegister.DamageInput in) {
        return register.recordDamage(disasterNo, in);
    }

    @GetMapping("/disasters/{disasterNo}/households/{householdNo}")
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_WRITE + "')")
    public VictimRegister.Entry entry(@PathVariable String lgCode, @PathVariable int disasterNo,
                                      @PathVariable String householdNo) {
        return register.entry(disasterNo, householdNo);
    }

    @PostMapping("/disasters/{disasterNo}/households/{householdNo}/supports")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_WRITE + "')")
    @Operation(summary = "Record support given to a household (援護の実施の状況)")
    public VictimRegister.Entry addSupport(@PathVariable String lgCode, @PathVariable int disasterNo,
                                           @PathVariable String householdNo, @RequestBody VictimRegister.SupportInput in) {
        return register.addSupport(disasterNo, householdNo, in);
    }

    @PostMapping(value = "/disasters/{disasterNo}/households/{householdNo}/certificate",
            produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_WRITE + "')")
    @Operation(summary = "Issue the household's 罹災証明書 (PDF, signed), from its current assessment")
    public ResponseEntity<byte[]> issue(@PathVariable String lgCode, @PathVariable int disasterNo,
                                        @PathVariable String householdNo,
                                        @RequestBody(required = false) DisasterCertificates.IssueInput in) {
        return pdf(certificates.issue(disasterNo, householdNo, in));
    }

    @PostMapping("/mutual-aid/{affected}/disasters/{disasterNo}/households")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_AID + "')")
    @Operation(summary = "応援職員: record a survey's result in the affected municipality's 被災者台帳")
    public Map<String, Object> recordDamageAsAid(@PathVariable String lgCode, @PathVariable String affected,
                                                 @PathVariable int disasterNo, @RequestBody VictimRegister.DamageInput in) {
        return certificates.recordDamageAsAid(affected, disasterNo, in);
    }

    @PostMapping(value = "/mutual-aid/{affected}/disasters/{disasterNo}/households/{householdNo}/certificate",
            produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_AID + "')")
    @Operation(summary = "応援職員: issue a 罹災証明書 in the affected municipality's name")
    public ResponseEntity<byte[]> issueAsAid(@PathVariable String lgCode, @PathVariable String affected,
                                             @PathVariable int disasterNo, @PathVariable String householdNo,
                                             @RequestBody(required = false) DisasterCertificates.IssueInput in) {
        return pdf(certificates.issueAsAid(affected, disasterNo, householdNo, in));
    }

    static ResponseEntity<byte[]> pdf(IssuedCertificate c) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(c.verificationCode() + ".pdf").build().toString())
                .header("X-Kiban-Issue-No", URLEncoder.encode(c.issueNo(), StandardCharsets.UTF_8))
                .header("X-Kiban-Verification-Code", c.verificationCode())
                .header("X-Kiban-Pages", Integer.toString(c.pages()))
                .header("X-Kiban-Sha256", c.sha256())
                .header("X-Kiban-Warnings", URLEncoder.encode(String.join("\n", c.warnings()), StandardCharsets.UTF_8))
                .body(c.pdf());
    }
}

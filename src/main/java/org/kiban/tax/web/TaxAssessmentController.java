package org.kiban.tax.web;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kiban.platform.Permissions;
import org.kiban.tax.TaxCalculationRequest;
import org.kiban.tax.internal.AssessmentService;
import org.kiban.tax.internal.IncomeReportImport;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 賦課 of a tenant: payment reports, 申告, the annual run, 更正 and the stored versions (税務担当). */
@RestController
@RequestMapping("/api/v1/municipalities/{lgCode}/tax/resident-tax")
@Tag(name = "resident-tax", description = "個人住民税")
public class TaxAssessmentController {

    private final AssessmentService assessments;
    private final IncomeReportImport reports;
    private final org.kiban.tax.internal.NoticeService notices;

    TaxAssessmentController(AssessmentService assessments, IncomeReportImport reports,
                         org.kiban.tax.internal.NoticeService notices) {
        this.assessments = assessments;
        this.reports = reports;
        this.notices = notices;
    }

    @GetMapping(value = "/notices/{taxYear}/{atenaNo}", produces = "application/pdf")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_READ + "')")
    @Operation(summary = "納税通知書 (普通徴収) or 特別徴収税額決定通知書（納税義務者用）as PDF, from the latest version (audited)")
    public org.springframework.http.ResponseEntity<byte[]> taxpayerNotice(@PathVariable String lgCode,
                                                                         @PathVariable int taxYear,
                                                                         @PathVariable String atenaNo) {
        return pdf(notices.taxpayerNotice(taxYear, atenaNo), "notice-" + taxYear + "-" + atenaNo + ".pdf");
    }

    @GetMapping(value = "/employer-notices/{taxYear}/{payerNo}", produces = "application/pdf")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_READ + "')")
    @Operation(summary = "特別徴収税額決定通知書（特別徴収義務者用）: every employee with monthly amounts and totals (audited)")
    public org.springframework.http.ResponseEntity<byte[]> employerNotice(@PathVariable String lgCode,
                                                                         @PathVariable int taxYear,
                                                                         @PathVariable String payerNo) {
        return pdf(notices.employerNotice(taxYear, payerNo), "employer-" + taxYear + "-" + payerNo + ".pdf");
    }

    private static org.springframework.http.ResponseEntity<byte[]> pdf(byte[] body, String name) {
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "inline; filename=\"" + name + "\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF).body(body);
    }

    public record Correction(String reason) {
    }

    @PostMapping(value = "/income-reports", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.TAX_WRITE + "')")
    @Operation(summary = "Import a 給与支払報告書 (kind=SALARY) or 公的年金等支払報告書 (kind=PENSION) CSV: all lines or none")
    public Map<String, Object> importReports(@PathVariable String lgCode, @RequestParam int taxYear,
                                             @RequestParam IncomeReportImport.Kind kind,
                                             @RequestParam(defaultValue = "upload.csv") String fileName,
                                             @RequestBody String csv) throws IOException {
        return Map.of("imported", reports.importFile(taxYear, kind, fileName, new StringReader(csv)));
    }

    @PostMapping("/returns/{taxYear}/{atenaNo}")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.TAX_WRITE + "')")
    @Operation(summary = "Enter a 申告 (the calculation request's income, deductions, family and credits); appends a revision")
    public Map<String, Object> fileReturn(@PathVariable String lgCode, @PathVariable int taxYear,
                                          @PathVariable String atenaNo, @RequestBody TaxCalculationRequest content) {
        return Map.of("revision", assessments.fileReturn(taxYear, atenaNo, content));
    }

    @PostMapping("/assessment-runs")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_WRITE + "')")
    @Operation(summary = "Assess everyone registered on 1 January not yet assessed (kiban tax assess does the same)")
    public AssessmentService.Run run(@PathVariable String lgCode, @RequestParam int taxYear) {
        return assessments.assessAll(taxYear, done -> { });
    }

    @PostMapping("/assessments/{taxYear}/{atenaNo}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.TAX_WRITE + "')")
    @Operation(summary = "更正: recompute from the inputs on file and append a version with the reason")
    public AssessmentService.Stored correct(@PathVariable String lgCode, @PathVariable int taxYear,
                                            @PathVariable String atenaNo, @RequestBody Correction correction) {
        return assessments.correct(taxYear, atenaNo, correction.reason());
    }

    @GetMapping("/assessments/{taxYear}/{atenaNo}")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_READ + "')")
    @Operation(summary = "Every version of one person's assessment, oldest first (audited)")
    public List<AssessmentService.Stored> history(@PathVariable String lgCode, @PathVariable int taxYear,
                                                  @PathVariable String atenaNo) {
        return assessments.history(taxYear, atenaNo);
    }
}

package org.kiban.care.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kiban.care.internal.CareDocuments;
import org.kiban.care.internal.CertificationRules;
import org.kiban.care.internal.CertificationRules.CareLevel;
import org.kiban.care.internal.Certifications;
import org.kiban.care.internal.JsonInput;
import org.kiban.platform.Permissions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 要介護認定: applications, their steps, work lists, 区分支給限度基準額 and the 受給資格証明書. */
@RestController
@RequestMapping("/api/v1/municipalities/{lgCode}/care")
@Tag(name = "care", description = "介護保険")
class CertificationController {

    private final Certifications certifications;
    private final CareDocuments documents;

    CertificationController(Certifications certifications, CareDocuments documents) {
        this.certifications = certifications;
        this.documents = documents;
    }

    /** Body: {@code {"atenaNo": "…", "kind": "NEW", "appliedOn": "2026-05-01"}}. */
    @PostMapping("/certifications")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.CARE_WRITE + "')")
    @Operation(summary = "要介護認定の申請（新規・更新・区分変更）。決定の期限（30日）が付く")
    Certifications.CaseView apply(@PathVariable String lgCode, @RequestBody(required = false) String body) {
        JsonInput in = JsonInput.parse(body).only("atenaNo", "kind", "appliedOn");
        return certifications.apply(in.text("atenaNo"), in.choice("kind", CertificationRules.Kind.class),
                InsuredController.date(in, "appliedOn"));
    }

    @GetMapping("/certifications/{caseNo}")
    @PreAuthorize("hasAuthority('" + Permissions.CARE_READ + "')")
    Certifications.CaseView get(@PathVariable String lgCode, @PathVariable long caseNo) {
        return certifications.read(caseNo);
    }

    /** Body: {@code {"step": "BOARD_REVIEWED", "on": "…", "level": "CARE_2"}}; DECIDED may give {@code validityMonths}; POSTPONED {@code expectedBy}, {@code reason}. */
    @PostMapping("/certifications/{caseNo}/steps")
    @PreAuthorize("hasAuthority('" + Permissions.CARE_WRITE + "')")
    @Operation(summary = "認定の手続を記録（調査、意見書、一次判定、審査会、決定、通知、延期通知）")
    Certifications.CaseView step(@PathVariable String lgCode, @PathVariable long caseNo,
                                 @RequestBody(required = false) String body) {
        JsonInput in = JsonInput.parse(body).only("step", "on", "level", "validityMonths", "expectedBy", "reason");
        return certifications.record(caseNo, in.text("step"), InsuredController.date(in, "on"),
                in.has("level") ? in.choice("level", CareLevel.class) : null,
                in.has("validityMonths") ? in.integer("validityMonths", 1, 48) : null,
                in.has("expectedBy") ? InsuredController.date(in, "expectedBy") : null,
                in.has("reason") ? in.text("reason") : null);
    }

    @GetMapping("/work-list")
    @PreAuthorize("hasAuthority('" + Permissions.CARE_READ + "')")
    @Operation(summary = "作業一覧：今日が期限のものと期限を過ぎたもの（role=SURVEY、OPINION、BOARD、CERTIFICATION で絞込み）")
    Map<String, List<Certifications.WorkItem>> workList(@PathVariable String lgCode, @RequestParam(required = false) LocalDate date,
                                                        @RequestParam(required = false) String role) {
        Map<String, List<Certifications.WorkItem>> all = certifications.workList(date == null ? LocalDate.now() : date);
        if (role == null) {
            return all;
        }
        Map<String, List<Certifications.WorkItem>> out = new LinkedHashMap<>();
        all.forEach((k, v) -> out.put(k, v.stream().filter(i -> i.workflowRole().equals(role)).toList()));
        return out;
    }

    @GetMapping("/benefit-limits")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "区分支給限度基準額（単位／月、2019年10月から）")
    Map<String, Integer> benefitLimits(@PathVariable String lgCode) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (CareLevel l : CareLevel.values()) {
            if (l != CareLevel.NOT_APPLICABLE) {
                out.put(l.name(), l.benefitLimitUnits());
            }
        }
        return out;
    }

    @GetMapping(path = "/insured/{atenaNo}/eligibility-certificate", produces = "application/pdf")
    @PreAuthorize("hasAuthority('" + Permissions.CARE_WRITE + "')")
    @Operation(summary = "受給資格証明書（転出する認定者に交付、PDF）")
    ResponseEntity<byte[]> eligibilityCertificate(@PathVariable String lgCode, @PathVariable String atenaNo) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .body(documents.eligibilityCertificate(atenaNo, certifications));
    }
}

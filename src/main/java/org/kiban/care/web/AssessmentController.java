package org.kiban.care.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.care.internal.JsonInput;
import org.kiban.care.internal.PremiumAssessments;
import org.kiban.platform.Permissions;
import org.kiban.platform.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The yearly premium assessment, each person's assessed premium with its versions, and manual recalculation. */
@RestController
@RequestMapping("/api/v1/municipalities/{lgCode}/care/premium-assessments")
@Tag(name = "care", description = "介護保険")
class AssessmentController {

    private final PremiumAssessments assessments;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    AssessmentController(PremiumAssessments assessments, AuditTrail audit, TransactionTemplate tx) {
        this.assessments = assessments;
        this.audit = audit;
        this.tx = tx;
    }

    /** Body: {@code {"fiscalYear": 2026, "reason": "当初賦課"}}. */
    @PostMapping
    @PreAuthorize("hasAuthority('" + Permissions.CARE_WRITE + "')")
    @Operation(summary = "年度の保険料賦課（その年度に資格のある第1号被保険者全員）")
    PremiumAssessments.YearResult assessYear(@PathVariable String lgCode, @RequestBody(required = false) String body) {
        JsonInput in = JsonInput.parse(body).only("fiscalYear", "reason");
        int fy = in.integer("fiscalYear", 2015, 2026);
        String reason = in.has("reason") ? in.text("reason") : "当初賦課";
        return tx.execute(s -> assessments.assessYear(fy, reason));
    }

    @GetMapping("/{fiscalYear}/{atenaNo}")
    @PreAuthorize("hasAuthority('" + Permissions.CARE_READ + "')")
    @Operation(summary = "ある人の年度の保険料（賦課と再計算の全版、閲覧は監査ログに記録）")
    List<PremiumAssessments.Assessment> ofPerson(@PathVariable String lgCode, @PathVariable int fiscalYear,
                                                 @PathVariable String atenaNo) {
        return tx.execute(s -> {
            List<PremiumAssessments.Assessment> versions = assessments.history(atenaNo, fiscalYear);
            if (versions.isEmpty()) {
                throw ProblemException.notFound("保険料の賦課", fiscalYear + "/" + atenaNo);
            }
            audit.record(AuditEvent.of("care.premium-read", "resident", atenaNo, java.util.Map.of("fiscalYear", fiscalYear)));
            return versions;
        });
    }

    /** Body: {@code {"reason": "世帯の誤り訂正", "changedOn": "2026-09-01"}}: recomputes from the stored facts, appended. */
    @PostMapping("/{fiscalYear}/{atenaNo}/recalculations")
    @PreAuthorize("hasAuthority('" + Permissions.CARE_WRITE + "')")
    @Operation(summary = "保険料の再計算（理由を付けて新しい版を追加）")
    PremiumAssessments.Assessment recalculate(@PathVariable String lgCode, @PathVariable int fiscalYear,
                                              @PathVariable String atenaNo, @RequestBody(required = false) String body) {
        JsonInput in = JsonInput.parse(body).only("reason", "changedOn");
        String reason = in.text("reason");
        LocalDate changedOn = in.has("changedOn") ? InsuredController.date(in, "changedOn") : LocalDate.now();
        return tx.execute(s -> assessments.reassess(atenaNo, fiscalYear, reason, changedOn)
                .orElseThrow(() -> ProblemException.notFound("保険料の賦課", fiscalYear + "/" + atenaNo)));
    }
}

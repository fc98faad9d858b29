package org.kiban.care.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.care.internal.CareDocuments;
import org.kiban.care.internal.CertificationRules;
import org.kiban.care.internal.CertificationRules.CareLevel;
import org.kiban.care.internal.Certifications;
import org.kiban.care.internal.InsuredRegister;
import org.kiban.care.internal.PremiumAssessments;
import org.kiban.platform.Permissions;
import org.kiban.platform.ProblemException;
import org.kiban.platform.Problems;
import org.kiban.resident.Residents;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 介護保険担当's screens: a person's insured status with its history, the premium of a 年度 (stage, amount,
 * installments, every recalculation), the 要介護認定 cases; one case with its steps and the 30-day deadline (法第27条
 * 第11項) where the next step is recorded; the work list, due and overdue, per role.
 */
@Controller
@RequestMapping("/municipalities/{lgCode}/care")
class CareScreen {

    private final InsuredRegister register;
    private final PremiumAssessments premiums;
    private final Certifications certifications;
    private final CareDocuments documents;
    private final Residents residents;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Problems problems;

    CareScreen(InsuredRegister register, PremiumAssessments premiums, Certifications certifications,
               CareDocuments documents, Residents residents, AuditTrail audit, TransactionTemplate tx, Problems problems) {
        this.register = register;
        this.premiums = premiums;
        this.certifications = certifications;
        this.documents = documents;
        this.residents = residents;
        this.audit = audit;
        this.tx = tx;
        this.problems = problems;
    }

    /** The 年度 (April to March) of a day. */
    static int fiscalYear(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    @GetMapping("/residents/{atenaNo}")
    @PreAuthorize("hasAuthority('" + Permissions.CARE_READ + "')")
    public String person(@PathVariable String lgCode, @PathVariable String atenaNo,
                         @RequestParam(required = false) Integer year, Model model) {
        int fy = year != null ? year : fiscalYear(LocalDate.now());
        model.addAttribute("person", residents.current(atenaNo, false).record());
        tx.executeWithoutResult(s -> {
            model.addAttribute("insured", register.find(atenaNo).orElse(null));
            List<PremiumAssessments.Assessment> versions = premiums.history(atenaNo, fy);
            model.addAttribute("premiums", versions);
            model.addAttribute("premium", versions.isEmpty() ? null : versions.get(versions.size() - 1));
            model.addAttribute("cases", certifications.cases(atenaNo));
            audit.record(AuditEvent.of("care.person-read", "resident", atenaNo, Map.of("fiscalYear", fy)));
        });
        model.addAttribute("lgCode", lgCode);
        model.addAttribute("fiscalYear", fy);
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("labels", labels());
        return "care/person";
    }

    @GetMapping(path = "/residents/{atenaNo}/card.pdf", produces = "application/pdf")
    @PreAuthorize("hasAuthority('" + Permissions.CARE_READ + "')")
    public ResponseEntity<byte[]> card(@PathVariable String lgCode, @PathVariable String atenaNo) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"insured-card-" + atenaNo + ".pdf\"")
                .body(documents.insuredCard(atenaNo));
    }

    /** 要介護認定の申請 (新規・更新・区分変更): the case gets its 30-day deadline. */
    @PostMapping("/residents/{atenaNo}/certifications")
    @PreAuthorize("hasAuthority('" + Permissions.CARE_WRITE + "')")
    public String apply(@PathVariable String lgCode, @PathVariable String atenaNo, @RequestParam String kind,
                        @RequestParam String appliedOn, RedirectAttributes redirect) {
        try {
            Certifications.CaseView c = certifications.apply(atenaNo, CertificationRules.Kind.valueOf(kind),
                    date("appliedOn", appliedOn));
            redirect.addFlashAttribute("message", "申請を受け付けました。決定の期限は " + c.deadlineOn() + " です。");
            return "redirect:/municipalities/" + lgCode + "/care/certifications/" + c.caseNo();
        } catch (ProblemException | IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", message(e));
            return "redirect:/municipalities/" + lgCode + "/care/residents/" + atenaNo;
        }
    }

    /** 保険料の再計算 from the stored facts, appended as a version with the reason. */
    @PostMapping("/residents/{atenaNo}/premium-recalculations")
    @PreAuthorize("hasAuthority('" + Permissions.CARE_WRITE + "')")
    public String recalculate(@PathVariable String lgCode, @PathVariable String atenaNo, @RequestParam int year,
                              @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            if (reason == null || reason.isBlank()) {
                throw new org.kiban.care.internal.CareInputException("reason", "再計算の理由を入力してください。");
            }
            PremiumAssessments.Assessment a = tx.execute(s -> premiums.reassess(atenaNo, year, reason.strip(), LocalDate.now())
                    .orElseThrow(() -> ProblemException.notFound("保険料の賦課", year + "/" + atenaNo)));
            redirect.addFlashAttribute("message", "第" + a.version() + "版を記録しました（年額 "
                    + String.format("%,d", a.annualPremium()) + "円）。");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", message(e));
        }
        return "redirect:/municipalities/" + lgCode + "/care/residents/" + atenaNo + "?year=" + year;
    }

    @GetMapping("/certifications/{caseNo}")
    @PreAuthorize("hasAuthority('" + Permissions.CARE_READ + "')")
    public String caseView(@PathVariable String lgCode, @PathVariable long caseNo, Model model) {
        Certifications.CaseView c = certifications.get(caseNo);
        audit(c);
        LocalDate today = LocalDate.now();
        LocalDate due = c.postponedUntil() != null ? c.postponedUntil() : c.deadlineOn();
        model.addAttribute("lgCode", lgCode);
        model.addAttribute("c", c);
        model.addAttribute("person", residents.current(c.atenaNo(), false).record());
        model.addAttribute("due", due);
        model.addAttribute("daysLeft", ChronoUnit.DAYS.between(today, due));
        model.addAttribute("open", !c.status().equals("NOTIFIED") && !c.status().equals("WITHDRAWN"));
        model.addAttribute("nextStep", nextStep(c));
        model.addAttribute("today", today);
        model.addAttribute("levels", CareLevel.values());
        model.addAttribute("labels", labels());
        model.addAttribute("decisionDays", CertificationRules.DECISION_DAYS);
        return "care/case";
    }

    private void audit(Certifications.CaseView c) {
        tx.executeWithoutResult(s -> audit.record(AuditEvent.of("care.certification-read", "resident", c.atenaNo(),
                Map.of("caseNo", c.caseNo()))));
    }

    /** The step that usually comes next. */
    static String nextStep(Certifications.CaseView c) {
        if (c.surveyedOn() == null) {
            return "SURVEYED";
        }
        if (c.opinionOn() == null) {
            return "OPINION_RECEIVED";
        }
        if (c.primaryLevel() == null) {
            return "PRIMARY_JUDGED";
        }
        if (c.boardLevel() == null) {
            return "BOARD_REVIEWED";
        }
        return c.decidedLevel() == null ? "DECIDED" : "NOTIFIED";
    }

    @PostMapping("/certifications/{caseNo}/steps")
    @PreAuthorize("hasAuthority('" + Permissions.CARE_WRITE + "')")
    public String step(@PathVariable String lgCode, @PathVariable long caseNo, @RequestParam String step,
                       @RequestParam String on, @RequestParam(required = false) String level,
                       @RequestParam(required = false) Integer validityMonths,
                       @RequestParam(required = false) String expectedBy, @RequestParam(required = false) String reason,
                       RedirectAttributes redirect) {
        try {
            certifications.record(caseNo, step, date("on", on),
                    level == null || level.isBlank() ? null : CareLevel.valueOf(level), validityMonths,
                    expectedBy == null || expectedBy.isBlank() ? null : date("expectedBy", expectedBy),
                    reason == null || reason.isBlank() ? null : reason.strip());
            redirect.addFlashAttribute("message", CareLabels.of(CareLabels.STEPS, step) + "を記録しました。");
        } catch (ProblemException | IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", message(e));
        }
        return "redirect:/municipalities/" + lgCode + "/care/certifications/" + caseNo;
    }

    @GetMapping("/work-list")
    @PreAuthorize("hasAuthority('" + Permissions.CARE_READ + "')")
    public String workList(@PathVariable String lgCode, @RequestParam(required = false) LocalDate date,
                           @RequestParam(required = false) String role, Model model) {
        LocalDate day = date == null ? LocalDate.now() : date;
        Map<String, List<Certifications.WorkItem>> all = certifications.workList(day);
        Map<String, List<Certifications.WorkItem>> shown = new LinkedHashMap<>();
        all.forEach((k, v) -> shown.put(k, role == null || role.isBlank() ? v
                : v.stream().filter(i -> i.workflowRole().equals(role)).toList()));
        model.addAttribute("lgCode", lgCode);
        model.addAttribute("date", day);
        model.addAttribute("role", role == null ? "" : role);
        model.addAttribute("overdue", shown.get("overdue"));
        model.addAttribute("dueToday", shown.get("dueToday"));
        model.addAttribute("labels", labels());
        return "care/work-list";
    }

    static Map<String, Map<String, String>> labels() {
        return Map.of("steps", CareLabels.STEPS, "roles", CareLabels.ROLES, "status", CareLabels.STATUS,
                "kinds", CareLabels.KINDS, "events", CareLabels.EVENTS, "collection", CareLabels.COLLECTION);
    }

    private String message(Exception e) {
        if (e instanceof org.kiban.care.internal.CareInputException ci) {
            return ci.reason();
        }
        if (e instanceof ProblemException p) {
            return problems.detail(p);
        }
        return "入力が正しくありません。";
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.kiban.care.internal.CareInputException(field, "日付（YYYY-MM-DD）で指定してください。");
        }
    }
}

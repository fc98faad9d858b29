package org.kiban.tax.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kiban.common.ResidentDate;
import org.kiban.platform.Permissions;
import org.kiban.platform.ProblemException;
import org.kiban.platform.Problems;
import org.kiban.resident.ResidentView;
import org.kiban.resident.Residents;
import org.kiban.tax.ResidentTaxCalculation;
import org.kiban.tax.TaxCalculationRequest;
import org.kiban.tax.TaxCalculationResult;
import org.kiban.tax.internal.AssessmentService;
import org.kiban.tax.internal.NoticeService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 税務担当's screens: one person's assessment (income, deductions, the breakdown with its articles, the collection
 * schedule, every version and 更正, the notice), the annual assessment run, and the simulator prefilled with what is
 * on file. Same engine and services as the API.
 */
@Controller
@RequestMapping("/municipalities/{lgCode}/tax")
class TaxScreen {

    /** The months of the 普通徴収 納期 (地方税法第320条) and of 特別徴収 (第321条の5第1項: 6月から翌年5月). */
    static final List<String> ORDINARY_MONTHS = List.of("6月（第1期）", "8月（第2期）", "10月（第3期）", "翌年1月（第4期）");
    static final List<String> SPECIAL_MONTHS = List.of("6月", "7月", "8月", "9月", "10月", "11月", "12月", "1月", "2月",
            "3月", "4月", "5月");

    private final AssessmentService assessments;
    private final NoticeService notices;
    private final ResidentTaxCalculation calculation;
    private final Residents residents;
    private final Problems problems;

    TaxScreen(AssessmentService assessments, NoticeService notices, ResidentTaxCalculation calculation,
              Residents residents, Problems problems) {
        this.assessments = assessments;
        this.notices = notices;
        this.calculation = calculation;
        this.residents = residents;
        this.problems = problems;
    }

    /** The 年度 shown when none is asked for: the latest assessed, or this 年度 (from April). */
    static int defaultYear(Optional<AssessmentService.Summary> latest) {
        LocalDate today = LocalDate.now();
        return latest.map(AssessmentService.Summary::taxYear)
                .orElse(today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1);
    }

    @GetMapping("/residents/{atenaNo}")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_READ + "')")
    public String assessment(@PathVariable String lgCode, @PathVariable String atenaNo,
                             @RequestParam(required = false) Integer year, Model model) {
        ResidentView person = residents.current(atenaNo, false);
        int taxYear = year != null ? year : defaultYear(assessments.latest(atenaNo));
        List<AssessmentService.Stored> versions = new ArrayList<>(assessments.history(taxYear, atenaNo));
        model.addAttribute("lgCode", lgCode);
        model.addAttribute("person", person.record());
        model.addAttribute("taxYear", taxYear);
        model.addAttribute("versions", versions);
        if (!versions.isEmpty()) {
            AssessmentService.Stored current = versions.get(versions.size() - 1);
            model.addAttribute("current", current);
            model.addAttribute("months", current.collection().equals("SPECIAL") ? SPECIAL_MONTHS : ORDINARY_MONTHS);
            model.addAttribute("pensionMonths", List.of("4月", "6月", "8月", "10月", "12月", "翌年2月"));
            assessments.input(taxYear, atenaNo, current.version()).ifPresent(input -> {
                model.addAttribute("input", input);
                // The explanation is not stored: recomputed from the stored input with this year's rules.
                TaxCalculationResult explained = calculation.calculate(input);
                model.addAttribute("explanation", explained.explanation());
                model.addAttribute("explanationDiffers", explained.annualTotal() != current.result().annualTotal());
            });
        }
        return "tax/assessment";
    }

    /** 更正: recomputes from the inputs now on file and appends a version with the reason. */
    @PostMapping("/residents/{atenaNo}/corrections")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_WRITE + "')")
    public String correct(@PathVariable String lgCode, @PathVariable String atenaNo, @RequestParam int year,
                          @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            AssessmentService.Stored stored = assessments.correct(year, atenaNo, reason);
            redirect.addFlashAttribute("message", "第" + stored.version() + "版を記録しました（" + stored.reason() + "）。");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", problems.detail(e));
        }
        return "redirect:/municipalities/" + lgCode + "/tax/residents/" + atenaNo + "?year=" + year;
    }

    @GetMapping(value = "/residents/{atenaNo}/notice.pdf", produces = "application/pdf")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_READ + "')")
    public ResponseEntity<byte[]> notice(@PathVariable String lgCode, @PathVariable String atenaNo,
                                         @RequestParam int year) {
        return ResponseEntity.ok().header("Content-Disposition", "inline; filename=\"notice-" + year + "-" + atenaNo + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF).body(notices.taxpayerNotice(year, atenaNo));
    }

    /** The simulator with the person's data on file (the latest version's input) prefilled; nothing is stored. */
    @GetMapping("/residents/{atenaNo}/simulator")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_READ + "')")
    public String simulator(@PathVariable String lgCode, @PathVariable String atenaNo,
                            @RequestParam(required = false) Integer year,
                            @RequestParam(required = false) Long salary, @ModelAttribute("form") SimulatorController.Form form,
                            Model model) {
        if (year != null) {
            SimulatorController.Form.supportedYear(year);
        }
        ResidentView person = residents.current(atenaNo, false);
        form.lgCode = lgCode;
        boolean prefill = salary == null;
        if (prefill) {
            int taxYear = year != null ? year : defaultYear(assessments.latest(atenaNo));
            form.taxYear = taxYear;
            List<AssessmentService.Stored> versions = assessments.history(taxYear, atenaNo);
            Optional<TaxCalculationRequest> input = versions.isEmpty() ? Optional.empty()
                    : assessments.input(taxYear, atenaNo, versions.get(versions.size() - 1).version());
            LocalDate born = ResidentDate.parse(person.record().birthDate()).toLocalDate().orElse(null);
            SimulatorPrefill.fill(form, input.orElse(null), born);
            model.addAttribute("prefilledFrom", input.isPresent() ? "令和" + (taxYear - 2018) + "年度の賦課（第"
                    + versions.get(versions.size() - 1).version() + "版）の内容" : "住民記録の生年月日のみ（賦課の記録はありません）");
        }
        try {
            model.addAttribute("result", calculation.calculate(form.request()));
        } catch (ProblemException e) {
            model.addAttribute("error", problems.detail(e));
        }
        model.addAttribute("lgCode", lgCode);
        model.addAttribute("person", person.record());
        return "tax/staff-simulator";
    }

    @GetMapping("/assessment-runs")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_READ + "')")
    public String runs(@PathVariable String lgCode, Model model) {
        model.addAttribute("lgCode", lgCode);
        model.addAttribute("taxYear", defaultYear(Optional.empty()));
        return "tax/assessment-run";
    }

    /** Assesses everyone registered on 1 January not yet assessed; shows what the run did. */
    @PostMapping("/assessment-runs")
    @PreAuthorize("hasAuthority('" + Permissions.TAX_WRITE + "')")
    public String run(@PathVariable String lgCode, @RequestParam int taxYear, Model model) {
        model.addAttribute("lgCode", lgCode);
        model.addAttribute("taxYear", taxYear);
        try {
            model.addAttribute("run", assessments.assessAll(taxYear, done -> { }));
        } catch (ProblemException e) {
            model.addAttribute("problem", problems.detail(e));
        }
        return "tax/assessment-run";
    }
}

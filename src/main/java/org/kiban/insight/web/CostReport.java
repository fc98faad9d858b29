package org.kiban.insight.web;

import java.time.LocalDate;
import java.util.List;

import org.kiban.certificate.DocumentRendering;
import org.kiban.insight.internal.CostAssumptions;
import org.kiban.insight.internal.CostModel;
import org.kiban.insight.internal.CostScenarios;
import org.kiban.insight.internal.OnboardingPlans;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The printable cost report (A4, for a council) and example assumptions for a group. */
@Component
class CostReport {

    private final ITemplateEngine templates;
    private final DocumentRendering pdf;
    private final OnboardingPlans plans;

    CostReport(ITemplateEngine templates, DocumentRendering pdf, OnboardingPlans plans) {
        this.templates = templates;
        this.pdf = pdf;
        this.plans = plans;
    }

    /** Example assumptions with the group's members (all of them, with their population), or none. */
    CostAssumptions exampleFor(String groupId) {
        List<CostAssumptions.Member> members = groupId == null || groupId.isBlank() ? List.of()
                : plans.group(groupId).members().stream().map(plans::member).toList();
        return CostAssumptions.example(members);
    }

    String xhtml(CostScenarios.Scenario scenario) {
        CostModel.Result result = scenario.result();
        Context context = new Context();
        context.setVariable("scenario", scenario);
        context.setVariable("r", result);
        context.setVariable("a", scenario.assumptions());
        context.setVariable("today", LocalDate.now());
        long max = result.years().stream().mapToLong(y -> Math.max(y.solo(), y.joint())).max().orElse(1);
        context.setVariable("max", Math.max(1, max));
        return templates.process("insight/cost-report", context);
    }

    byte[] pdf(CostScenarios.Scenario scenario) {
        return pdf.renderPdf(xhtml(scenario), "費用効果の試算：" + scenario.name(), "Kiban");
    }

    static ResponseEntity<byte[]> pdfResponse(byte[] body, long id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("cost-scenario-" + id + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(body);
    }
}

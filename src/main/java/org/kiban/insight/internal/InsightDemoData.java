package org.kiban.insight.internal;

import java.time.LocalDate;
import java.util.List;

import org.kiban.parameter.ParameterClass;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.DeploymentMode;
import org.kiban.tenancy.MigrationRehearsals;
import org.kiban.tenancy.Tenants;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo content of the dashboards (demo mode only, once): 福井県 as a prefecture group with contract ends spread over
 * 2026–2028 (fictional dates), the demo tenants side by side, an extension and change requests, a cost scenario.
 */
@Component
@Order(20)
class InsightDemoData implements ApplicationRunner {

    private static final Actor LOADER = Actor.system("demo-data");

    private final DeploymentMode mode;
    private final OnboardingPlans plans;
    private final CustomizationOverview customization;
    private final CostScenarios scenarios;
    private final MigrationRehearsals rehearsals;
    private final Tenants tenants;

    InsightDemoData(DeploymentMode mode, OnboardingPlans plans, CustomizationOverview customization,
                    CostScenarios scenarios, MigrationRehearsals rehearsals, Tenants tenants) {
        this.mode = mode;
        this.plans = plans;
        this.customization = customization;
        this.scenarios = scenarios;
        this.rehearsals = rehearsals;
        this.tenants = tenants;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!mode.demo() || !plans.groups().isEmpty() || tenants.find("184233").isEmpty()) {
            return;
        }
        TenantContext.runAs(null, LOADER, this::load);
    }

    private void load() {
        plans.create("fukui", "福井県", OnboardingGroup.Kind.PREFECTURE, "18", null, 2);
        plans.create("demo-tenants", "デモ3団体", OnboardingGroup.Kind.CUSTOM, null, List.of("141003", "182079", "133078"), 2);
        // Contract ends (fictional) and a few planned go-lives: three in October 2027 (over the capacity of 2),
        // one in April 2027 (tax and moving season).
        Object[][] facts = {
                {"182010", "2028-03-31", null}, {"182028", "2027-09-30", "2027-10-01"}, {"182044", "2027-03-31", null},
                {"182052", "2027-12-31", null}, {"182061", "2028-09-30", null}, {"182087", "2027-09-30", null},
                {"182095", "2028-09-30", null}, {"182109", "2027-09-30", null}, {"183229", "2027-03-31", "2027-04-01"},
                {"183822", "2026-12-31", null}, {"184047", "2027-09-30", "2027-10-01"}, {"184233", null, "2027-10-01"},
                {"184420", "2028-03-31", null}, {"184811", "2027-12-31", null}, {"185019", "2028-03-31", null}};
        for (Object[] f : facts) {
            plans.setFacts((String) f[0], f[1] == null ? null : LocalDate.parse((String) f[1]),
                    f[2] == null ? null : LocalDate.parse((String) f[2]), null);
        }
        rehearsals.plan("184233", LocalDate.of(2027, 6, 15), "第1回 移行リハーサル（住民記録）");
        customization.registerExtension("182079", new Extension("182079", "sabae.glasses-industry-link", "眼鏡産業統計との連携",
                "exchange.ExportTarget", ParameterClass.C, 850, LocalDate.of(2025, 10, 1), null, "デモ：市独自の統計連携"));
        LocalDate requested = LocalDate.of(2026, 5, 20);
        customization.recordChangeRequest("182079", new ChangeRequest("182079", 0, "住民票の写しの手数料",
                "certificate.fee.resident-copy", ParameterClass.A1, requested, "コンビニ交付と同じ250円にしたい", null, null));
        customization.recordChangeRequest("184233", new ChangeRequest("184233", 0, "住民票の写しの手数料",
                "certificate.fee.resident-copy", ParameterClass.A1, requested, "現行どおり200円にしたい", null, null));
        customization.recordChangeRequest("184233", new ChangeRequest("184233", 0, "旧システムと同じ帳票レイアウト", null,
                ParameterClass.A2, requested, "窓口で慣れた様式を使いたい", ChangeRequest.Status.REJECTED, "標準様式で運用（14団体で合意）"));
        List<CostAssumptions.Member> members = plans.group("fukui").members().stream()
                .filter(code -> !code.equals("182010")).map(plans::member).toList();
        scenarios.save(null, "福井県 16市町（福井市を除く）の試算", "fukui", CostAssumptions.example(members));
    }
}

package org.kiban.insight.cli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.kiban.insight.internal.CostAssumptions;
import org.kiban.insight.internal.CostModel;
import org.kiban.insight.internal.CustomizationOverview;
import org.kiban.insight.internal.GroupingAdvisor;
import org.kiban.insight.internal.Groupings;
import org.kiban.insight.internal.OnboardingMember;
import org.kiban.insight.internal.RollingOnboardingSchedule;
import org.kiban.platform.Actor;
import org.kiban.platform.BenchSubcommand;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.Municipalities;
import org.kiban.tenancy.Tenant;
import org.kiban.tenancy.Tenants;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiban bench insight}: the dashboards at national scale, read only. The rolling-onboarding proposal and
 * warnings for all 1,741 municipalities (contract ends drawn from a seed over five years), the grouping advisor
 * over the whole country, the cost model with 1,741 members, and the customization side by side with a 12-month
 * trend over every tenant of the deployment. Each figure is the median and the slowest of the runs after warm-up.
 */
@Component
@Command(name = "insight", mixinStandardHelpOptions = true, description = "見える化（導入計画・グループ分け・費用・カスタマイズ）の性能測定")
class InsightBench implements Callable<Integer>, BenchSubcommand {

    @Option(names = "--runs", defaultValue = "30", description = "測定回数（既定 30、ウォームアップ 5 回は別）")
    int runs;

    @Option(names = "--capacity", defaultValue = "40", description = "全国の導入計画での月あたりの上限（既定 40）")
    int capacity;

    @Option(names = "--seed", defaultValue = "42", description = "契約満了日を引く乱数の種")
    long seed;

    private final Municipalities municipalities;
    private final Groupings groupings;
    private final CustomizationOverview customization;
    private final Tenants tenants;

    InsightBench(Municipalities municipalities, Groupings groupings, CustomizationOverview customization, Tenants tenants) {
        this.municipalities = municipalities;
        this.groupings = groupings;
        this.customization = customization;
        this.tenants = tenants;
    }

    @Override
    public Integer call() {
        List<LocalGovernment> all = municipalities.search(new Municipalities.Query(null, List.of(), null, null)).stream()
                .filter(lg -> lg.kind().isMunicipality()).toList();
        Random random = new Random(seed);
        LocalDate base = LocalDate.of(2027, 3, 31);
        List<OnboardingMember> members = all.stream().map(lg -> new OnboardingMember(lg.lgCode(), lg.name(),
                lg.population(), null, base.plusMonths(random.nextInt(60)).withDayOfMonth(1).minusDays(1), null, List.of()))
                .toList();
        System.out.printf("municipalities: %,d%n", all.size());

        RollingOnboardingSchedule.Proposal[] last = new RollingOnboardingSchedule.Proposal[1];
        report("onboarding proposal, %,d members, capacity %d/month".formatted(members.size(), capacity),
                () -> last[0] = RollingOnboardingSchedule.propose(members, capacity, YearMonth.of(2026, 10)));
        long late = last[0].goLives().stream().filter(p -> p.fit() == RollingOnboardingSchedule.Fit.LATE).count();
        long busy = last[0].goLives().stream().filter(p -> p.fit() == RollingOnboardingSchedule.Fit.BUSY_SEASON).count();
        System.out.printf("  placed %,d (in a busy month %,d, late %,d)%n", last[0].goLives().size(), busy, late);
        List<OnboardingMember> planned = last[0].goLives().stream().map(p -> new OnboardingMember(p.lgCode(), p.name(), 0,
                org.kiban.tenancy.TenantState.PLANNED, null, p.goLive(), List.of())).toList();
        report("onboarding warnings, %,d planned go-lives".formatted(planned.size()),
                () -> RollingOnboardingSchedule.warnings(planned, capacity));
        report("grouping by population, whole country", () -> groupings.suggest(GroupingAdvisor.Method.POPULATION, null, null, null));
        report("grouping by area, whole country, at most 20 a group",
                () -> groupings.suggest(GroupingAdvisor.Method.AREA, null, null, 20));
        CostAssumptions cost = CostAssumptions.example(all.stream().map(lg -> new CostAssumptions.Member(lg.lgCode(), lg.name(),
                lg.population() == null ? 0 : lg.population())).toList());
        report("cost model, %,d members, 6 years".formatted(all.size()), () -> CostModel.simulate(cost));
        List<String> codes = tenants.all().stream().map(Tenant::lgCode).toList();
        LocalDate today = LocalDate.now();
        TenantContext.runAs(null, Actor.system("bench"), () -> {
            report("customization side by side, %d tenants".formatted(codes.size()),
                    () -> customization.sideBySide(codes, today));
            report("customization trend, %d tenants × 12 months".formatted(codes.size()),
                    () -> customization.trend(codes, YearMonth.from(today), 12));
        });
        return 0;
    }

    private void report(String what, Supplier<?> work) {
        for (int i = 0; i < 5; i++) {
            work.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-60s p50 %8.2f ms   max %8.2f ms%n", what, ms[ms.length / 2], ms[ms.length - 1]);
    }
}

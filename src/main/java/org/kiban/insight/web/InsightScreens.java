package org.kiban.insight.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kiban.common.InvalidValueException;
import org.kiban.insight.internal.BusySeason;
import org.kiban.insight.internal.CostAssumptions;
import org.kiban.insight.internal.CostModel;
import org.kiban.insight.internal.CostScenarios;
import org.kiban.insight.internal.CustomizationOverview;
import org.kiban.insight.internal.GroupingAdvisor;
import org.kiban.insight.internal.Groupings;
import org.kiban.insight.internal.OnboardingGroup;
import org.kiban.insight.internal.OnboardingPlans;
import org.kiban.insight.internal.Region;
import org.kiban.insight.internal.RollingOnboardingSchedule;
import org.kiban.parameter.ParameterClass;
import org.kiban.platform.Permissions;
import org.kiban.tenancy.LocalGovernmentKind;
import org.kiban.tenancy.MigrationRehearsal;
import org.kiban.tenancy.Municipalities;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The four dashboards of the joint use (operators): onboarding, customization, grouping, cost. */
@Controller
@PreAuthorize("hasAuthority('" + Permissions.INSIGHT_READ + "')")
class InsightScreens {

    private final OnboardingPlans plans;
    private final CustomizationOverview customization;
    private final Groupings groupings;
    private final CostScenarios scenarios;
    private final CostReport costReport;
    private final Municipalities municipalities;
    private final JsonMapper json;

    InsightScreens(OnboardingPlans plans, CustomizationOverview customization, Groupings groupings, CostScenarios scenarios,
                   CostReport costReport, Municipalities municipalities, JsonMapper json) {
        this.plans = plans;
        this.customization = customization;
        this.groupings = groupings;
        this.scenarios = scenarios;
        this.costReport = costReport;
        this.municipalities = municipalities;
        this.json = json;
    }

    /** Chart data for insight-charts.js, safe inside a {@code <script type="application/json">}. */
    private String chartJson(Object data) {
        return json.writeValueAsString(data).replace("</", "<\\/");
    }

    private OnboardingGroup selected(String group, Model model) {
        List<OnboardingGroup> groups = plans.groups();
        model.addAttribute("groups", groups);
        if (groups.isEmpty()) {
            return null;
        }
        OnboardingGroup g = group == null || group.isBlank() ? groups.get(0) : plans.group(group);
        model.addAttribute("group", g);
        return g;
    }

    @GetMapping("/insight")
    String index() {
        return "redirect:/insight/onboarding";
    }

    // ---- 1. onboarding ----

    @GetMapping("/insight/onboarding")
    String onboarding(@RequestParam(required = false) String group,
                      @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from, Model model) {
        model.addAttribute("prefectures", municipalities.search(new Municipalities.Query(null,
                List.of(LocalGovernmentKind.PREFECTURE), null, null)));
        OnboardingGroup g = selected(group, model);
        if (g == null) {
            return "insight/onboarding";
        }
        OnboardingPlans.Plan plan = plans.plan(g.groupId(), from);
        model.addAttribute("plan", plan);
        model.addAttribute("seasons", BusySeason.values());
        // Timeline: one row per member, markers for contract end, rehearsals, planned/actual and proposed go-live.
        List<String> names = new ArrayList<>();
        List<List<Object>> contractEnds = new ArrayList<>();
        List<List<Object>> goLives = new ArrayList<>();
        List<List<Object>> proposed = new ArrayList<>();
        List<List<Object>> rehearsals = new ArrayList<>();
        Map<String, RollingOnboardingSchedule.ProposedGoLive> byCode = new LinkedHashMap<>();
        plan.proposal().goLives().forEach(p -> byCode.put(p.lgCode(), p));
        for (OnboardingPlans.MemberRow row : plan.members()) {
            int i = names.size();
            names.add(row.member().name());
            if (row.member().renewalDate() != null) {
                contractEnds.add(List.of(row.member().renewalDate().toString(), i));
            }
            if (row.member().goLive() != null) {
                goLives.add(List.of(row.member().goLive().toString(), i));
            }
            if (byCode.containsKey(row.member().lgCode())) {
                proposed.add(List.of(byCode.get(row.member().lgCode()).goLive().toString(), i));
            }
            for (MigrationRehearsal r : row.member().rehearsals()) {
                rehearsals.add(List.of((r.performedOn() != null ? r.performedOn() : r.plannedOn()).toString(), i));
            }
        }
        Set<YearMonth> months = new java.util.TreeSet<>(plan.proposal().load().keySet());
        Map<YearMonth, Integer> current = new LinkedHashMap<>();
        RollingOnboardingSchedule.goLivesByMonth(plan.members().stream().map(OnboardingPlans.MemberRow::member).toList())
                .forEach((m, list) -> current.put(m, list.size()));
        months.addAll(current.keySet());
        if (!months.isEmpty()) {
            // Every month between the first and the last, so that gaps and busy seasons show as they fall.
            YearMonth first = ((java.util.TreeSet<YearMonth>) months).first();
            YearMonth last = ((java.util.TreeSet<YearMonth>) months).last();
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                months.add(m);
            }
        }
        List<String> monthLabels = months.stream().map(YearMonth::toString).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("names", names);
        data.put("contractEnds", contractEnds);
        data.put("goLives", goLives);
        data.put("proposed", proposed);
        data.put("rehearsals", rehearsals);
        data.put("months", monthLabels);
        data.put("currentLoad", months.stream().map(m -> current.getOrDefault(m, 0)).toList());
        data.put("proposedLoad", months.stream().map(m -> plan.proposal().load().getOrDefault(m, 0)).toList());
        data.put("busy", months.stream().map(BusySeason::isBusy).toList());
        data.put("capacity", g.monthlyCapacity());
        model.addAttribute("chartJson", chartJson(data));
        return "insight/onboarding";
    }

    @PostMapping("/insight/onboarding/groups")
    @PreAuthorize("hasAuthority('" + Permissions.INSIGHT_WRITE + "')")
    String createGroup(@RequestParam String groupId, @RequestParam(required = false) String name,
                       @RequestParam OnboardingGroup.Kind kind, @RequestParam(required = false) String prefectureCode,
                       @RequestParam(required = false) String members, @RequestParam(required = false) Integer monthlyCapacity) {
        List<String> codes = members == null || members.isBlank() ? null : List.of(members.trim().split("[\\s,、]+"));
        OnboardingGroup g = plans.create(groupId, name, kind, prefectureCode, codes, monthlyCapacity);
        return "redirect:/insight/onboarding?group=" + g.groupId();
    }

    @PostMapping("/insight/onboarding/facts")
    @PreAuthorize("hasAuthority('" + Permissions.INSIGHT_WRITE + "')")
    String setFacts(@RequestParam String group, @RequestParam String lgCode,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate systemRenewalDate,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedGoLive) {
        plans.setFacts(lgCode, systemRenewalDate, plannedGoLive, null);
        return "redirect:/insight/onboarding?group=" + plans.group(group).groupId();
    }

    @PostMapping("/insight/onboarding/capacity")
    @PreAuthorize("hasAuthority('" + Permissions.INSIGHT_WRITE + "')")
    String setCapacity(@RequestParam String group, @RequestParam int monthlyCapacity) {
        plans.update(group, null, monthlyCapacity, null);
        return "redirect:/insight/onboarding?group=" + plans.group(group).groupId();
    }

    // ---- 2. customization ----

    @GetMapping("/insight/customization")
    String customization(@RequestParam(required = false) String group,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
                         @RequestParam(defaultValue = "12") int months, Model model) {
        LocalDate day = at == null ? LocalDate.now() : at;
        model.addAttribute("at", day);
        model.addAttribute("months", months);
        model.addAttribute("classes", ParameterClass.values());
        OnboardingGroup g = selected(group, model);
        if (g == null) {
            return "insight/customization";
        }
        CustomizationOverview.SideBySide table = customization.sideBySide(g.members(), day);
        List<CustomizationOverview.Trend> trend = customization.trend(g.members(), YearMonth.from(day), months);
        model.addAttribute("table", table);
        model.addAttribute("extensionCount", table.members().stream().mapToInt(m -> m.extensions().size()).sum());
        model.addAttribute("notTenants", g.members().size() - table.members().size());
        // Parameters on which at least one member deviates: the ones to talk about.
        model.addAttribute("deviating", table.catalogue().stream().filter(d -> table.members().stream()
                .anyMatch(m -> table.value(m.lgCode(), d.key()).map(p -> p.deviates()).orElse(false))).toList());
        model.addAttribute("requests", customization.compareChangeRequests(g.members()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("names", table.members().stream().map(CustomizationOverview.TenantCustomization::name).toList());
        data.put("customizationRate", table.members().stream().map(m -> percent(m.rate().customizationRate())).toList());
        data.put("fitRate", table.members().stream().map(m -> percent(m.rate().fitRate())).toList());
        data.put("months", trend.isEmpty() ? List.of() : trend.get(0).rates().keySet().stream().map(YearMonth::toString).toList());
        data.put("trend", trend.stream().map(t -> Map.of("name", t.name(),
                "data", t.rates().values().stream().map(r -> percent(r.customizationRate())).toList())).toList());
        model.addAttribute("chartJson", chartJson(data));
        return "insight/customization";
    }

    private static BigDecimal percent(BigDecimal rate) {
        return rate.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    // ---- 3. grouping ----

    @GetMapping("/insight/grouping")
    String grouping(@RequestParam(defaultValue = "POPULATION") GroupingAdvisor.Method method,
                    @RequestParam(required = false) String scope, @RequestParam(required = false) String bounds,
                    @RequestParam(required = false) Integer maxMembers, Model model) {
        List<Integer> b = parseBounds(bounds);
        List<GroupingAdvisor.Group> groups = groupings.suggest(method, scope, b, maxMembers);
        model.addAttribute("method", method);
        model.addAttribute("methods", GroupingAdvisor.Method.values());
        model.addAttribute("scope", scope == null ? "" : scope);
        model.addAttribute("scopeLabel", groupings.scopeLabel(scope));
        model.addAttribute("bounds", b.stream().map(String::valueOf).reduce((x, y) -> x + "," + y).orElse(""));
        model.addAttribute("maxMembers", maxMembers);
        model.addAttribute("regions", Region.values());
        model.addAttribute("prefectures", municipalities.search(new Municipalities.Query(null,
                List.of(LocalGovernmentKind.PREFECTURE), null, null)));
        model.addAttribute("result", groups);
        model.addAttribute("municipalityCount", groups.stream().mapToInt(x -> x.members().size()).sum());
        model.addAttribute("populationTotal", groups.stream().mapToLong(GroupingAdvisor.Group::population).sum());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("names", groups.stream().map(GroupingAdvisor.Group::name).toList());
        data.put("population", groups.stream().map(GroupingAdvisor.Group::population).toList());
        data.put("members", groups.stream().map(x -> x.members().size()).toList());
        model.addAttribute("chartJson", chartJson(data));
        return "insight/grouping";
    }

    private static List<Integer> parseBounds(String bounds) {
        if (bounds == null || bounds.isBlank()) {
            return GroupingAdvisor.DEFAULT_BOUNDS;
        }
        try {
            List<Integer> out = new ArrayList<>();
            for (String s : bounds.trim().split("[\\s,、]+")) {
                out.add(Integer.parseInt(s.replace("_", "")));
            }
            return out;
        } catch (NumberFormatException e) {
            throw new InvalidValueException("invalid-grouping", "人口の区切りは数字をカンマで区切って指定してください（例：10000,50000,200000）。");
        }
    }

    // ---- 4. cost ----

    /** The cost form: every assumption, and the members as lines of 団体コード (population from the facts). */
    record CostForm(Long scenarioId, String name, String groupId, Integer years, String members,
                    Long soloInitialPerMember, Long soloMigrationPerMember, Long soloYearlyPerMember,
                    Long soloLawChangePerMemberPerYear, BigDecimal soloStaffFtePerMember, Long jointInitialTotal,
                    Long jointMigrationPerMember, Long jointYearlyTotal, Long jointLawChangeTotalPerYear,
                    BigDecimal jointStaffFtePerMember, Long staffCostPerFte, BigDecimal soloGrantRate,
                    BigDecimal jointGrantRate, BigDecimal equalShareRatio) {

        static CostForm of(Long id, String name, String groupId, CostAssumptions a) {
            return new CostForm(id, name, groupId, a.years(), String.join("\n", a.members().stream()
                    .map(CostAssumptions.Member::lgCode).toList()), a.soloInitialPerMember(), a.soloMigrationPerMember(),
                    a.soloYearlyPerMember(), a.soloLawChangePerMemberPerYear(), a.soloStaffFtePerMember(), a.jointInitialTotal(),
                    a.jointMigrationPerMember(), a.jointYearlyTotal(), a.jointLawChangeTotalPerYear(),
                    a.jointStaffFtePerMember(), a.staffCostPerFte(), a.soloGrantRate(), a.jointGrantRate(), a.equalShareRatio());
        }
    }

    private CostAssumptions assumptions(CostForm f) {
        List<CostAssumptions.Member> members = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String s : (f.members() == null ? "" : f.members()).trim().split("[\\s,、]+")) {
            if (s.isBlank() || !seen.add(s)) {
                continue;
            }
            members.add(plans.member(s));
        }
        return new CostAssumptions(n(f.years()), members, n(f.soloInitialPerMember()), n(f.soloMigrationPerMember()),
                n(f.soloYearlyPerMember()), n(f.soloLawChangePerMemberPerYear()), d(f.soloStaffFtePerMember()),
                n(f.jointInitialTotal()), n(f.jointMigrationPerMember()), n(f.jointYearlyTotal()),
                n(f.jointLawChangeTotalPerYear()), d(f.jointStaffFtePerMember()), n(f.staffCostPerFte()),
                d(f.soloGrantRate()), d(f.jointGrantRate()), d(f.equalShareRatio()));
    }

    private static long n(Long v) {
        return v == null ? 0 : v;
    }

    private static int n(Integer v) {
        return v == null ? 0 : v;
    }

    private static BigDecimal d(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    @GetMapping("/insight/cost")
    String cost(@RequestParam(required = false) Long scenario, @RequestParam(required = false) String group, Model model) {
        CostForm form;
        if (scenario != null) {
            CostScenarios.Scenario s = scenarios.get(scenario);
            form = CostForm.of(s.id(), s.name(), s.groupId(), s.assumptions());
        } else {
            List<OnboardingGroup> groups = plans.groups();
            String g = group != null ? group : groups.isEmpty() ? null : groups.get(0).groupId();
            form = CostForm.of(null, g == null ? "試算" : plans.group(g).name() + "の試算", g, costReport.exampleFor(g));
        }
        return showCost(form, model, null);
    }

    private String showCost(CostForm form, Model model, String error) {
        model.addAttribute("form", form);
        model.addAttribute("groups", plans.groups());
        model.addAttribute("saved", scenarios.all());
        model.addAttribute("error", error);
        if (error == null) {
            CostModel.Result r = CostModel.simulate(assumptions(form));
            model.addAttribute("r", r);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("years", r.years().stream().map(y -> y.year() + "年目").toList());
            data.put("solo", r.years().stream().map(CostModel.Year::solo).toList());
            data.put("joint", r.years().stream().map(CostModel.Year::joint).toList());
            data.put("cumulative", r.years().stream().map(CostModel.Year::cumulativeSaving).toList());
            model.addAttribute("chartJson", chartJson(data));
        }
        return "insight/cost";
    }

    @PostMapping("/insight/cost")
    String simulate(@ModelAttribute CostForm form, @RequestParam(defaultValue = "simulate") String action, Model model) {
        try {
            CostAssumptions a = assumptions(form);
            CostModel.validate(a);
            if ("save".equals(action)) {
                if (!hasWrite()) {
                    throw new org.springframework.security.access.AccessDeniedException("insight:write");
                }
                CostScenarios.Scenario s = scenarios.save(form.scenarioId(), form.name(), form.groupId(), a);
                return "redirect:/insight/cost?scenario=" + s.id();
            }
            return showCost(form, model, null);
        } catch (InvalidValueException e) {
            return showCost(form, model, e.getMessage());
        }
    }

    private static boolean hasWrite() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> Permissions.INSIGHT_WRITE.equals(a.getAuthority()));
    }

    @GetMapping("/insight/cost/{id}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        return CostReport.pdfResponse(costReport.pdf(scenarios.get(id)), id);
    }
}

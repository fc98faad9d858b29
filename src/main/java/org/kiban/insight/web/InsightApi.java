package org.kiban.insight.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.kiban.insight.internal.ChangeRequest;
import org.kiban.insight.internal.CostAssumptions;
import org.kiban.insight.internal.CostModel;
import org.kiban.insight.internal.CostScenarios;
import org.kiban.insight.internal.CustomizationCsv;
import org.kiban.insight.internal.CustomizationOverview;
import org.kiban.insight.internal.Extension;
import org.kiban.insight.internal.GroupingAdvisor;
import org.kiban.insight.internal.Groupings;
import org.kiban.insight.internal.OnboardingGroup;
import org.kiban.insight.internal.OnboardingPlans;
import org.kiban.parameter.ParameterClass;
import org.kiban.platform.Permissions;
import org.kiban.tenancy.Municipalities;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The joint use's dashboards as an API, for its operators: onboarding groups and plans, customization side by
 * side, grouping advice, cost scenarios.
 */
@RestController
@RequestMapping("/api/v1/insight")
@Tag(name = "insight", description = "共同利用の見える化（運用担当）")
public class InsightApi {

    private static final String READ = "hasAuthority('" + Permissions.INSIGHT_READ + "')";
    private static final String WRITE = "hasAuthority('" + Permissions.INSIGHT_WRITE + "')";

    private final OnboardingPlans plans;
    private final CustomizationOverview customization;
    private final Groupings groupings;
    private final CostScenarios scenarios;
    private final CostReport costReport;
    private final Municipalities municipalities;

    InsightApi(OnboardingPlans plans, CustomizationOverview customization, Groupings groupings, CostScenarios scenarios,
               CostReport costReport, Municipalities municipalities) {
        this.plans = plans;
        this.customization = customization;
        this.groupings = groupings;
        this.scenarios = scenarios;
        this.costReport = costReport;
        this.municipalities = municipalities;
    }

    // ---- onboarding ----

    public record GroupRequest(String groupId, String name, OnboardingGroup.Kind kind, String prefectureCode,
                               List<String> members, Integer monthlyCapacity) {
    }

    public record OnboardingFactsRequest(LocalDate systemRenewalDate, LocalDate plannedGoLive, @Size(max = 500) String note) {
    }

    @GetMapping("/groups")
    @PreAuthorize(READ)
    public List<OnboardingGroup> groups() {
        return plans.groups();
    }

    @PostMapping("/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITE)
    @Operation(summary = "Create a group: a prefecture (all its municipalities) or custom members")
    public OnboardingGroup createGroup(@RequestBody GroupRequest r) {
        return plans.create(r.groupId(), r.name(), r.kind(), r.prefectureCode(), r.members(), r.monthlyCapacity());
    }

    @PutMapping("/groups/{groupId}")
    @PreAuthorize(WRITE)
    @Operation(summary = "Change a group's name, monthly capacity or (custom groups) members")
    public OnboardingGroup updateGroup(@PathVariable String groupId, @RequestBody GroupRequest r) {
        return plans.update(groupId, r.name(), r.monthlyCapacity(), r.members());
    }

    @PutMapping("/municipalities/{lgCode}/onboarding")
    @PreAuthorize(WRITE)
    @Operation(summary = "Record a municipality's contract end (システム更改時期) and planned go-live")
    public OnboardingPlans.OnboardingFacts setFacts(@PathVariable String lgCode, @Valid @RequestBody OnboardingFactsRequest r) {
        return plans.setFacts(lgCode, r.systemRenewalDate(), r.plannedGoLive(), r.note());
    }

    @GetMapping("/groups/{groupId}/onboarding")
    @PreAuthorize(READ)
    @Operation(summary = "The onboarding plan: members, rehearsals, go-lives, warnings, proposed schedule from a month")
    public OnboardingPlans.Plan onboarding(@PathVariable String groupId,
                                           @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from) {
        return plans.plan(groupId, from);
    }

    // ---- customization ----

    public record ExtensionRequest(String extensionId, String name, String extensionPoint, ParameterClass parameterClass,
                                   Integer linesOfCode, LocalDate activeFrom, LocalDate activeTo, String reason) {
    }

    public record RetireRequest(@NotNull(message = "activeTo（使用終了日）を指定してください。") LocalDate activeTo) {
    }

    public record ChangeRequestBody(String topic, String parameterKey, ParameterClass parameterClass, LocalDate requestedOn,
                                    String description, ChangeRequest.Status status, @Size(max = 500) String decisionNote) {
    }

    public record Decision(@NotNull(message = "status を指定してください。") ChangeRequest.Status status,
                           @Size(max = 500) String decisionNote) {
    }

    @PostMapping("/tenants/{lgCode}/extensions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITE)
    @Operation(summary = "Register an extension (code customization) of a tenant, with its size in lines of code")
    public Extension registerExtension(@PathVariable String lgCode, @RequestBody ExtensionRequest r) {
        return customization.registerExtension(lgCode, new Extension(lgCode, r.extensionId(), r.name(), r.extensionPoint(),
                r.parameterClass(), r.linesOfCode() == null ? 0 : r.linesOfCode(), r.activeFrom(), r.activeTo(), r.reason()));
    }

    @PutMapping("/tenants/{lgCode}/extensions/{extensionId}/retirement")
    @PreAuthorize(WRITE)
    public Extension retireExtension(@PathVariable String lgCode, @PathVariable String extensionId,
                                     @Valid @RequestBody RetireRequest r) {
        return customization.retireExtension(lgCode, extensionId, r.activeTo());
    }

    @GetMapping("/tenants/{lgCode}/extensions")
    @PreAuthorize(READ)
    public List<Extension> extensions(@PathVariable String lgCode) {
        return customization.extensionsOf(lgCode);
    }

    @PostMapping("/tenants/{lgCode}/change-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITE)
    @Operation(summary = "Record a member's change request (カスタマイズ要望)")
    public ChangeRequest recordChangeRequest(@PathVariable String lgCode, @Valid @RequestBody ChangeRequestBody r) {
        return customization.recordChangeRequest(lgCode, new ChangeRequest(lgCode, 0, r.topic(), r.parameterKey(),
                r.parameterClass(), r.requestedOn(), r.description(), r.status(), r.decisionNote()));
    }

    @PutMapping("/tenants/{lgCode}/change-requests/{requestNo}/decision")
    @PreAuthorize(WRITE)
    public ChangeRequest decide(@PathVariable String lgCode, @PathVariable int requestNo, @Valid @RequestBody Decision d) {
        return customization.decide(lgCode, requestNo, d.status(), d.decisionNote());
    }

    /** A tenant's figures as the API shows them. */
    public record TenantFigures(String lgCode, String name, LocalDate at, int parameters, int deviating, int extensions,
                                int linesOfCode, BigDecimal customizationRate, BigDecimal fitRate,
                                Map<ParameterClass, CustomizationOverview.ClassFigures> byClass,
                                List<Map<String, Object>> deviations, List<Extension> activeExtensions) {

        static TenantFigures of(CustomizationOverview.TenantCustomization t) {
            return new TenantFigures(t.lgCode(), t.name(), t.at(), t.rate().parameters(), t.rate().deviating(),
                    t.rate().extensions(), t.linesOfCode(), t.rate().customizationRate(), t.rate().fitRate(), t.byClass(),
                    t.deviations().stream().map(p -> Map.<String, Object>of("key", p.definition().key(),
                            "description", p.definition().description(), "parameterClass", p.definition().parameterClass().name(),
                            "value", p.value(), "standardDefault", p.standardDefault())).toList(),
                    t.extensions());
        }
    }

    @GetMapping("/tenants/{lgCode}/customization")
    @PreAuthorize(READ)
    @Operation(summary = "One tenant's customization rate, fit rate, deviations by class and extensions on a date")
    public TenantFigures tenantCustomization(@PathVariable String lgCode,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return TenantFigures.of(customization.figures(lgCode, at == null ? LocalDate.now() : at));
    }

    @GetMapping("/groups/{groupId}/customization")
    @PreAuthorize(READ)
    @Operation(summary = "The members' customization side by side on a date, with the trend over the last months")
    public Map<String, Object> groupCustomization(@PathVariable String groupId,
                                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
                                                  @RequestParam(defaultValue = "12") int months) {
        LocalDate day = at == null ? LocalDate.now() : at;
        List<String> members = plans.group(groupId).members();
        List<CustomizationOverview.Trend> trend = customization.trend(members, YearMonth.from(day), months);
        return Map.of("at", day, "members", customization.figures(members, day).stream().map(TenantFigures::of).toList(),
                "trend", trend.stream().map(t -> Map.of("lgCode", t.lgCode(), "name", t.name(),
                        "customizationRate", t.rates().entrySet().stream().collect(Collectors.toMap(
                                e -> e.getKey().toString(), e -> e.getValue().customizationRate(), (a, b) -> a,
                                java.util.TreeMap::new)))).toList());
    }

    @GetMapping(value = "/groups/{groupId}/customization.csv", produces = "text/csv")
    @PreAuthorize(READ)
    @Operation(summary = "Every parameter with each member's value, and the rates, as CSV")
    public ResponseEntity<byte[]> customizationCsv(@PathVariable String groupId,
                                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        LocalDate day = at == null ? LocalDate.now() : at;
        String csv = CustomizationCsv.sideBySide(customization.sideBySide(plans.group(groupId).members(), day));
        return csv(csv, "customization-" + groupId + "-" + day + ".csv");
    }

    @GetMapping("/groups/{groupId}/change-requests")
    @PreAuthorize(READ)
    @Operation(summary = "The members' change requests side by side, topics most members asked for first")
    public List<CustomizationOverview.ComparisonRow> changeRequests(@PathVariable String groupId) {
        return customization.compareChangeRequests(plans.group(groupId).members());
    }

    @GetMapping(value = "/groups/{groupId}/change-requests.csv", produces = "text/csv")
    @PreAuthorize(READ)
    public ResponseEntity<byte[]> changeRequestsCsv(@PathVariable String groupId) {
        List<String> members = plans.group(groupId).members();
        Map<String, String> names = members.stream().collect(Collectors.toMap(c -> c,
                c -> municipalities.find(c).map(lg -> lg.name()).orElse("")));
        return csv(CustomizationCsv.changeRequests(customization.compareChangeRequests(members), names),
                "change-requests-" + groupId + ".csv");
    }

    static ResponseEntity<byte[]> csv(String text, String filename) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8)
                        .build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- grouping ----

    @GetMapping("/grouping")
    @PreAuthorize(READ)
    @Operation(summary = "Suggested groups by population size or by area, with total residents and contract ends")
    public List<GroupingAdvisor.Group> grouping(@RequestParam(defaultValue = "POPULATION") GroupingAdvisor.Method method,
                                                @RequestParam(required = false) String scope,
                                                @RequestParam(required = false) List<Integer> bounds,
                                                @RequestParam(required = false) Integer maxMembers) {
        return groupings.suggest(method, scope, bounds, maxMembers);
    }

    // ---- cost ----

    public record ScenarioRequest(String name, String groupId, CostAssumptions assumptions) {
    }

    @PostMapping("/cost/simulation")
    @PreAuthorize(READ)
    @Operation(summary = "Simulate solo vs joint cost for the given assumptions (nothing is saved)")
    public CostModel.Result simulate(@RequestBody CostAssumptions assumptions) {
        return CostModel.simulate(assumptions);
    }

    @GetMapping("/cost/example")
    @PreAuthorize(READ)
    @Operation(summary = "Example assumptions for a group's members (round figures to replace with one's own)")
    public CostAssumptions example(@RequestParam(required = false) String groupId) {
        return costReport.exampleFor(groupId);
    }

    @GetMapping("/cost/scenarios")
    @PreAuthorize(READ)
    public List<CostScenarios.Scenario> scenarios() {
        return scenarios.all();
    }

    @PostMapping("/cost/scenarios")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITE)
    public Map<String, Object> saveScenario(@RequestBody ScenarioRequest r) {
        CostScenarios.Scenario s = scenarios.save(null, r.name(), r.groupId(), r.assumptions());
        return Map.of("scenario", s, "result", s.result());
    }

    @GetMapping("/cost/scenarios/{id}")
    @PreAuthorize(READ)
    public Map<String, Object> scenario(@PathVariable long id) {
        CostScenarios.Scenario s = scenarios.get(id);
        return Map.of("scenario", s, "result", s.result());
    }

    @PutMapping("/cost/scenarios/{id}")
    @PreAuthorize(WRITE)
    public Map<String, Object> updateScenario(@PathVariable long id, @RequestBody ScenarioRequest r) {
        CostScenarios.Scenario s = scenarios.save(id, r.name(), r.groupId(), r.assumptions());
        return Map.of("scenario", s, "result", s.result());
    }

    @DeleteMapping("/cost/scenarios/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(WRITE)
    public void deleteScenario(@PathVariable long id) {
        scenarios.delete(id);
    }

    @GetMapping(value = "/cost/scenarios/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(READ)
    @Operation(summary = "The scenario as a printable PDF report for a council")
    public ResponseEntity<byte[]> report(@PathVariable long id) {
        return CostReport.pdfResponse(costReport.pdf(scenarios.get(id)), id);
    }
}

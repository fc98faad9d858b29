package org.kiban.tenancy.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.kiban.common.LgCode;
import org.kiban.platform.Permissions;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.MigrationRehearsal;
import org.kiban.tenancy.MigrationRehearsals;
import org.kiban.tenancy.RehearsalOutcome;
import org.kiban.tenancy.Tenant;
import org.kiban.tenancy.TenantState;
import org.kiban.tenancy.internal.TenantService;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tenants and their lifecycle. Operators of the joint use register municipalities and move them along;
 * a tenant's own staff see their own tenant only.
 */
@RestController
@Tag(name = "tenants", description = "テナント（共同利用団体）")
public class TenantController {

    private final TenantService tenants;
    private final MigrationRehearsals rehearsals;

    TenantController(TenantService tenants, MigrationRehearsals rehearsals) {
        this.tenants = tenants;
        this.rehearsals = rehearsals;
    }

    public record RehearsalPlan(@NotNull(message = "plannedOn（実施予定日）を指定してください。") LocalDate plannedOn,
                                @Size(max = 500) String note) {
    }

    public record RehearsalResult(@NotNull(message = "outcome（結果）を指定してください。") RehearsalOutcome outcome,
                                  LocalDate performedOn, Integer recordsImported, Integer errors,
                                  @Size(max = 500) String note) {
    }

    public record Registration(@jakarta.validation.constraints.NotBlank(message = "lgCode を指定してください。") String lgCode, LocalDate plannedOn,
                               LocalDate previousSystemContractEnd) {
    }

    public record Transition(@NotNull(message = "to（移行先の状態）を指定してください。") TenantState to,
                             LocalDate effectiveOn, @Size(max = 500) String note) {
    }

    @GetMapping("/api/v1/tenants")
    @PreAuthorize("hasAuthority('" + Permissions.TENANT_READ + "')")
    @Operation(summary = "Tenants: all for an operator, one's own for tenant staff")
    public List<Tenant> list() {
        return TenantContext.currentLgCode().map(lg -> tenants.find(lg).stream().toList()).orElseGet(tenants::all);
    }

    @GetMapping("/api/v1/tenants/{lgCode}")
    @PreAuthorize("hasAuthority('" + Permissions.TENANT_READ + "')")
    public Map<String, Object> get(@PathVariable String lgCode) {
        String code = visible(lgCode);
        Tenant t = tenants.find(code).orElseThrow(() -> ProblemException.notFound("テナント", code));
        return Map.of("tenant", t, "stateChanges", tenants.stateChanges(code));
    }

    @PostMapping("/api/v1/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.TENANT_MANAGE + "')")
    @Operation(summary = "Register a municipality as a PLANNED tenant (operators)")
    public Tenant register(@Valid @RequestBody Registration r) {
        return tenants.register(LgCode.of(r.lgCode()).value(), r.plannedOn(), r.previousSystemContractEnd());
    }

    @PostMapping("/api/v1/tenants/{lgCode}/transitions")
    @PreAuthorize("hasAuthority('" + Permissions.TENANT_MANAGE + "')")
    @Operation(summary = "Move a tenant in its lifecycle: PLANNED → MIGRATING → LIVE → EXITED (operators)")
    public Tenant transition(@PathVariable String lgCode, @Valid @RequestBody Transition t) {
        return tenants.transition(LgCode.of(lgCode).value(), t.to(), t.effectiveOn(), t.note());
    }

    @GetMapping("/api/v1/tenants/{lgCode}/rehearsals")
    @PreAuthorize("hasAuthority('" + Permissions.TENANT_READ + "')")
    @Operation(summary = "Migration rehearsals (dry-run imports) of a tenant")
    public List<MigrationRehearsal> rehearsals(@PathVariable String lgCode) {
        return rehearsals.of(visible(lgCode));
    }

    @PostMapping("/api/v1/tenants/{lgCode}/rehearsals")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.TENANT_MANAGE + "')")
    @Operation(summary = "Plan a migration rehearsal of a PLANNED or MIGRATING tenant (operators)")
    public MigrationRehearsal planRehearsal(@PathVariable String lgCode, @Valid @RequestBody RehearsalPlan plan) {
        return rehearsals.plan(LgCode.of(lgCode).value(), plan.plannedOn(), plan.note());
    }

    @PutMapping("/api/v1/tenants/{lgCode}/rehearsals/{seq}")
    @PreAuthorize("hasAuthority('" + Permissions.TENANT_MANAGE + "')")
    @Operation(summary = "Record how a migration rehearsal went (operators)")
    public MigrationRehearsal recordRehearsal(@PathVariable String lgCode, @PathVariable int seq,
                                              @Valid @RequestBody RehearsalResult r) {
        return rehearsals.recordResult(LgCode.of(lgCode).value(), seq, r.outcome(), r.performedOn(),
                r.recordsImported(), r.errors(), r.note());
    }

    /** Tenant staff see only their own tenant; anything else does not exist for them. */
    private static String visible(String lgCode) {
        String code = LgCode.of(lgCode).value();
        TenantContext.currentLgCode().filter(own -> !own.equals(code)).ifPresent(own -> {
            throw ProblemException.notFound("テナント", code);
        });
        return code;
    }
}

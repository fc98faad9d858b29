package org.kiban.tenancy.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.kiban.platform.Permissions;
import org.kiban.tenancy.Office;
import org.kiban.tenancy.OfficeKind;
import org.kiban.tenancy.StaffMember;
import org.kiban.tenancy.StaffRole;
import org.kiban.tenancy.internal.ApiTokenService;
import org.kiban.tenancy.internal.OfficeService;
import org.kiban.tenancy.internal.StaffService;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's own administration: offices, staff and their duties (事務分掌), API tokens. */
@RestController
@RequestMapping("/api/v1/municipalities/{lgCode}")
@Tag(name = "tenant administration", description = "事務所・職員・事務分掌・APIトークン")
public class TenantAdministrationController {

    private final OfficeService offices;
    private final StaffService staff;
    private final ApiTokenService tokens;
    private final org.kiban.tenancy.internal.TenantService tenants;

    TenantAdministrationController(OfficeService offices, StaffService staff, ApiTokenService tokens,
                                   org.kiban.tenancy.internal.TenantService tenants) {
        this.offices = offices;
        this.staff = staff;
        this.tokens = tokens;
        this.tenants = tenants;
    }

    public record Mayor(@NotBlank String name) {
    }

    @PutMapping("/mayor")
    @PreAuthorize("hasAuthority('" + Permissions.OFFICE_WRITE + "')")
    @Operation(summary = "Set the name of the 市区町村長 printed on certificates")
    public org.kiban.tenancy.Tenant mayor(@PathVariable String lgCode, @Valid @RequestBody Mayor m) {
        return tenants.setMayorName(lgCode, m.name());
    }

    public record NewOffice(@NotBlank String officeCode, @NotNull OfficeKind kind, @NotBlank String name,
                            String wardLgCode, LocalDate openedOn) {
    }

    public record NewStaff(@NotBlank String staffId, @NotBlank String displayName, @NotBlank String officeCode,
                           @NotBlank String password, @NotEmpty(message = "役割（roles）を1つ以上指定してください。") Set<StaffRole> roles) {
    }

    public record Duties(@NotEmpty(message = "役割（roles）を1つ以上指定してください。") Set<StaffRole> roles,
                         String officeCode, LocalDate validFrom) {
    }

    /** A token to issue; {@code items}: what an {@code inquiry:read} token's system may read (GET /api/v1/inquiry-items). */
    public record NewToken(@NotBlank String name, @NotEmpty Set<String> permissions, Set<String> items, Instant expiresAt) {
    }

    @GetMapping("/offices")
    @PreAuthorize("hasAuthority('" + Permissions.TENANT_READ + "')")
    public List<Office> offices(@PathVariable String lgCode) {
        return offices.list();
    }

    @PostMapping("/offices")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.OFFICE_WRITE + "')")
    public Office openOffice(@PathVariable String lgCode, @Valid @RequestBody NewOffice o) {
        return offices.open(o.officeCode(), o.kind(), o.name(), o.wardLgCode(), o.openedOn());
    }

    @GetMapping("/staff")
    @PreAuthorize("hasAuthority('" + Permissions.STAFF_READ + "')")
    public List<StaffMember> staff(@PathVariable String lgCode) {
        return staff.list();
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.STAFF_WRITE + "')")
    @Operation(summary = "Create a staff member with an initial password and duties")
    public StaffMember createStaff(@PathVariable String lgCode, @Valid @RequestBody NewStaff s) {
        return staff.create(s.staffId(), s.displayName(), s.officeCode(), s.password(), s.roles(), false);
    }

    @PutMapping("/staff/{staffId}/duties")
    @PreAuthorize("hasAuthority('" + Permissions.STAFF_WRITE + "')")
    @Operation(summary = "Replace a staff member's duties (roles) from a date")
    public StaffMember assignDuties(@PathVariable String lgCode, @PathVariable String staffId,
                                    @Valid @RequestBody Duties d) {
        return staff.assignDuties(staffId, d.roles(), d.officeCode(), d.validFrom());
    }

    @GetMapping("/api-tokens")
    @PreAuthorize("hasAuthority('" + Permissions.TOKEN_WRITE + "')")
    public List<ApiTokenService.ApiToken> tokens(@PathVariable String lgCode) {
        return tokens.list();
    }

    @PostMapping("/api-tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.TOKEN_WRITE + "')")
    @Operation(summary = "Issue a scoped API token (shown once)")
    public ApiTokenService.IssuedToken issueToken(@PathVariable String lgCode, @Valid @RequestBody NewToken t) {
        return tokens.issue(t.name(), t.permissions(), t.items(), t.expiresAt());
    }

    @DeleteMapping("/api-tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permissions.TOKEN_WRITE + "')")
    public void revokeToken(@PathVariable String lgCode, @PathVariable String tokenId) {
        tokens.revoke(tokenId);
    }

    @GetMapping("/roles")
    @PreAuthorize("hasAuthority('" + Permissions.TENANT_READ + "')")
    @Operation(summary = "The roles of the 事務分掌 and what each permits")
    public List<Map<String, Object>> roles(@PathVariable String lgCode) {
        return Arrays.stream(StaffRole.values())
                .map(r -> Map.<String, Object>of("role", r.name(), "label", r.label(), "permissions", r.permissions()))
                .toList();
    }
}

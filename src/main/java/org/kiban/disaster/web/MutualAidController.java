package org.kiban.disaster.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kiban.audit.AuditRecord;
import org.kiban.disaster.Disaster;
import org.kiban.disaster.MutualAidAgreement;
import org.kiban.disaster.internal.AidLookup;
import org.kiban.disaster.internal.Declarations;
import org.kiban.disaster.internal.MutualAid;
import org.kiban.platform.Permissions;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mutual aid over the API. Every path is under the caller's own municipality ({@code lgCode}); the affected
 * municipality is named after {@code /mutual-aid/}, and only the gate reaches it.
 */
@RestController
@RequestMapping("/api/v1/municipalities/{lgCode}")
@Tag(name = "disaster", description = "災害時の相互応援・被災者台帳・罹災証明書")
public class MutualAidController {

    private final Declarations declarations;
    private final MutualAid gate;
    private final AidLookup lookup;

    MutualAidController(Declarations declarations, MutualAid gate, AidLookup lookup) {
        this.declarations = declarations;
        this.gate = gate;
        this.lookup = lookup;
    }

    @GetMapping("/mutual-aid-agreements")
    @PreAuthorize("hasAnyAuthority('" + Permissions.DISASTER_MANAGE + "', '" + Permissions.DISASTER_AID + "')")
    @Operation(summary = "This municipality's copies of mutual-aid agreements (相互応援協定)")
    public List<MutualAidAgreement> agreements(@PathVariable String lgCode) {
        return declarations.agreements();
    }

    @PostMapping("/mutual-aid-agreements")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_MANAGE + "')")
    @Operation(summary = "Register this municipality's copy of an agreement; aid needs every party's copy, same terms")
    public MutualAidAgreement register(@PathVariable String lgCode, @RequestBody Declarations.AgreementInput in) {
        return declarations.register(in);
    }

    @GetMapping("/disasters")
    @PreAuthorize("hasAnyAuthority('" + Permissions.DISASTER_MANAGE + "', '" + Permissions.DISASTER_WRITE + "')")
    public List<Disaster> disasters(@PathVariable String lgCode) {
        return declarations.disasters();
    }

    @PostMapping("/disasters")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_MANAGE + "')")
    @Operation(summary = "Declare a disaster; with an agreementNo the other parties may help for the agreed days")
    public Disaster declare(@PathVariable String lgCode, @RequestBody Declarations.Declaration in) {
        return declarations.declare(in);
    }

    /** The last day of the other parties' aid. */
    public record AidEnd(java.time.LocalDate lastDay) {
    }

    @PostMapping("/disasters/{disasterNo}/aid-end")
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_MANAGE + "')")
    @Operation(summary = "End the other parties' aid after lastDay (today when not given)")
    public Disaster endAid(@PathVariable String lgCode, @PathVariable int disasterNo,
                           @RequestBody(required = false) AidEnd end) {
        return declarations.endAid(disasterNo, end == null ? null : end.lastDay());
    }

    @GetMapping("/mutual-aid/disasters")
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_AID + "')")
    @Operation(summary = "Disasters of other parties this municipality's staff may help with today")
    public List<Disaster> disastersToHelp(@PathVariable String lgCode) {
        return gate.disastersToHelp();
    }

    @GetMapping("/mutual-aid/{affected}/disasters/{disasterNo}/residents")
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_AID + "')")
    @Operation(summary = "Look up the affected municipality's residents (応援職員): only the fields asked for and "
            + "allowed by the agreement; audited to both municipalities")
    public List<Map<String, Object>> residents(@PathVariable String lgCode, @PathVariable String affected,
                                               @PathVariable int disasterNo, @RequestParam(required = false) String name,
                                               @RequestParam(required = false) String kana,
                                               @RequestParam(required = false) String birthDate,
                                               @RequestParam(required = false) String address,
                                               @RequestParam(required = false) String fields) {
        return lookup.search(affected, disasterNo, new AidLookup.Criteria(name, kana, birthDate, address), fields);
    }

    @GetMapping("/mutual-aid/accesses")
    @PreAuthorize("hasAnyAuthority('" + Permissions.AUDIT_READ + "', '" + Permissions.DISASTER_MANAGE + "')")
    @Operation(summary = "Report: every cross-municipality access, by this municipality's staff or to its data")
    public List<AuditRecord> report(@PathVariable String lgCode, @RequestParam(defaultValue = "200") int limit) {
        return gate.report(limit);
    }
}

package org.kiban.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditQuery;
import org.kiban.audit.AuditRecord;
import org.kiban.audit.AuditTrail;
import org.kiban.audit.ChainVerification;
import org.kiban.platform.Permissions;
import org.kiban.platform.ProblemException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for auditors: search it, and check that nothing in it was altered or deleted. */
@RestController
@RequestMapping("/api/v1/municipalities/{lgCode}/audit")
@Tag(name = "audit", description = "ログ管理")
class AuditController {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + Permissions.AUDIT_READ + "')")
    @Transactional
    @Operation(summary = "Search the audit log, newest first (dates are Japan time, 'to' inclusive)")
    List<AuditRecord> search(@PathVariable String lgCode,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(required = false) String actor,
                             @RequestParam(required = false) String action,
                             @RequestParam(required = false) String targetType,
                             @RequestParam(required = false) String targetId,
                             @RequestParam(required = false) Long beforeSeq,
                             @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.badRequest("invalid-limit", 1, 500);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badRequest("invalid-period", from, to);
        }
        Instant fromInstant = from == null ? null : from.atStartOfDay(JAPAN).toInstant();
        Instant toInstant = to == null ? null : to.plusDays(1).atStartOfDay(JAPAN).toInstant();
        List<AuditRecord> found = audit.search(new AuditQuery(fromInstant, toInstant, actor, action, targetType, targetId,
                beforeSeq, limit));
        audit.record(AuditEvent.of("audit.searched", "audit", lgCode, Map.of("results", found.size())));
        return found;
    }

    @GetMapping("/verification")
    @PreAuthorize("hasAuthority('" + Permissions.AUDIT_READ + "')")
    @Transactional
    @Operation(summary = "Verify the tenant's hash chain")
    ChainVerification verify(@PathVariable String lgCode) {
        ChainVerification result = audit.verify();
        audit.record(AuditEvent.of("audit.verified", "audit", lgCode,
                Map.of("intact", result.intact(), "entriesChecked", result.entriesChecked())));
        return result;
    }
}

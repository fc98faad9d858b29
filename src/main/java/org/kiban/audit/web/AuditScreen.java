package org.kiban.audit.web;

import java.util.Map;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditQuery;
import org.kiban.audit.AuditTrail;
import org.kiban.platform.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log on screen for auditors: the newest entries and a chain check. */
@Controller
class AuditScreen {

    private final AuditTrail audit;

    AuditScreen(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAuthority('" + Permissions.AUDIT_READ + "')")
    @Transactional
    public String audit(@RequestParam(required = false) String action, Model model) {
        var entries = audit.search(new AuditQuery(null, null, null, action, null, null, null, 200));
        audit.record(AuditEvent.of("audit.searched", "audit", null, Map.of("results", entries.size(), "via", "screen")));
        model.addAttribute("entries", entries);
        return "audit/audit";
    }

    @PostMapping("/audit/verification")
    @PreAuthorize("hasAuthority('" + Permissions.AUDIT_READ + "')")
    @Transactional
    public String verify(Model model) {
        var result = audit.verify();
        audit.record(AuditEvent.of("audit.verified", "audit", null,
                Map.of("intact", result.intact(), "entriesChecked", result.entriesChecked(), "via", "screen")));
        model.addAttribute("verification", result);
        return audit(null, model);
    }
}

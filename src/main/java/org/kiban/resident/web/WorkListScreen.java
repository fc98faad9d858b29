package org.kiban.resident.web;

import org.kiban.platform.Permissions;
import org.kiban.resident.ProtectionMeasures;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The counter's work lists: 支援措置 whose period ends within a month or has ended (standards.md §1.10: alerts in the
 * last month and after expiry), and places for the lists other modules will fill (転入通知, 要介護認定, import errors).
 */
@Controller
class WorkListScreen {

    /** The alert window of a 支援措置 before its end (one month). */
    static final int PROTECTION_ALERT_DAYS = 31;

    private final ProtectionMeasures protections;

    WorkListScreen(ProtectionMeasures protections) {
        this.protections = protections;
    }

    @GetMapping("/municipalities/{lgCode}/work-lists")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    public String workLists(@PathVariable String lgCode, Model model) {
        model.addAttribute("lgCode", lgCode);
        model.addAttribute("expiring", protections.list(PROTECTION_ALERT_DAYS));
        model.addAttribute("alertDays", PROTECTION_ALERT_DAYS);
        return "resident/work-lists";
    }
}

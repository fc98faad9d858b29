package org.kiban.resident.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kiban.platform.Permissions;
import org.kiban.resident.ProtectionMeasures;
import org.kiban.resident.WorkListContribution;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The counter's work lists: 支援措置 whose period ends within a month or has ended (standards.md §1.10: alerts in the
 * last month and after expiry), and the lists other modules add through {@link WorkListContribution} (要介護認定の期限), shown to clerks with
 * their permission; places for lists still to come (転入通知, import errors).
 */
@Controller
class WorkListScreen {

    /** The alert window of a 支援措置 before its end (one month). */
    static final int PROTECTION_ALERT_DAYS = 31;

    /** A list of another module with what it holds today. */
    record Section(List<WorkListContribution.Item> items, String moreHref) {
    }

    private final ProtectionMeasures protections;
    private final List<WorkListContribution> contributions;

    WorkListScreen(ProtectionMeasures protections, List<WorkListContribution> contributions) {
        this.protections = protections;
        this.contributions = contributions;
    }

    @GetMapping("/municipalities/{lgCode}/work-lists")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    @Transactional(readOnly = true)
    public String workLists(@PathVariable String lgCode, @RequestParam(required = false) LocalDate date, Model model,
                            Authentication user) {
        LocalDate day = date == null ? LocalDate.now() : date;
        Map<String, Section> more = new LinkedHashMap<>();
        for (WorkListContribution c : contributions) {
            if (CounterScreen.has(user, c.permission())) {
                more.put(c.heading(), new Section(c.items(lgCode, day), c.moreHref(lgCode)));
            }
        }
        model.addAttribute("date", day);
        model.addAttribute("contributed", more);
        model.addAttribute("lgCode", lgCode);
        model.addAttribute("expiring", protections.list(PROTECTION_ALERT_DAYS));
        model.addAttribute("alertDays", PROTECTION_ALERT_DAYS);
        return "resident/work-lists";
    }
}

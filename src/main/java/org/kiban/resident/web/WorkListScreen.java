package org.kiban.resident.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.nio.charset.StandardCharsets;

import org.kiban.platform.Permissions;
import org.kiban.resident.MoveInNotices;
import org.kiban.resident.ProtectionMeasures;
import org.kiban.resident.WorkListContribution;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * their permission (as work with a due date, or as a table of their own such as the import errors); and the persons
 * moved out whose 転入通知 has not arrived (住民基本台帳法第9条第1項), with their 転入通知未着者一覧 as CSV.
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
    private final MoveInNotices moveInNotices;

    WorkListScreen(ProtectionMeasures protections, List<WorkListContribution> contributions, MoveInNotices moveInNotices) {
        this.protections = protections;
        this.contributions = contributions;
        this.moveInNotices = moveInNotices;
    }

    /**
     * The page opens for staff who may read the registry or who import (the municipality's IT staff see their import
     * errors); the registry's own lists are shown only with {@link Permissions#RESIDENT_READ}.
     */
    @GetMapping("/municipalities/{lgCode}/work-lists")
    @PreAuthorize("hasAnyAuthority('" + Permissions.RESIDENT_READ + "', '" + Permissions.EXCHANGE_IMPORT + "')")
    @Transactional
    public String workLists(@PathVariable String lgCode, @RequestParam(required = false) LocalDate date, Model model,
                            Authentication user) {
        LocalDate day = date == null ? LocalDate.now() : date;
        Map<String, Section> more = new LinkedHashMap<>();
        Map<String, WorkListContribution.Table> tables = new LinkedHashMap<>();
        for (WorkListContribution c : contributions) {
            if (CounterScreen.has(user, c.permission())) {
                WorkListContribution.Table table = c.table(lgCode, day);
                if (table != null) {
                    tables.put(c.heading(), table);
                } else {
                    more.put(c.heading(), new Section(c.items(lgCode, day), c.moreHref(lgCode)));
                }
            }
        }
        boolean registry = CounterScreen.has(user, Permissions.RESIDENT_READ);
        model.addAttribute("registry", registry);
        model.addAttribute("tables", tables);
        model.addAttribute("date", day);
        model.addAttribute("contributed", more);
        model.addAttribute("lgCode", lgCode);
        model.addAttribute("alertDays", PROTECTION_ALERT_DAYS);
        if (registry) {
            model.addAttribute("noticesMissing", moveInNotices.outstanding(day));
            model.addAttribute("noticeWaitDays", moveInNotices.waitDays(day));
            model.addAttribute("expiring", protections.list(PROTECTION_ALERT_DAYS));
        }
        return "resident/work-lists";
    }

    /** 転入通知未着者一覧 (標準仕様書 帳票 4.1.3.1.4) as CSV: UTF-8 with BOM for spreadsheet programs, audited as read. */
    @GetMapping(value = "/municipalities/{lgCode}/work-lists/move-in-notices-outstanding.csv", produces = "text/csv")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    @Transactional
    public ResponseEntity<String> outstandingCsv(@PathVariable String lgCode, @RequestParam(required = false) LocalDate date) {
        LocalDate day = date == null ? LocalDate.now() : date;
        StringBuilder csv = new StringBuilder("\uFEFF宛名番号,氏名,生年月日,転出予定日,転出先住所,転出先団体コード,経過日数\r\n");
        for (MoveInNotices.Outstanding o : moveInNotices.outstanding(day)) {
            csv.append(String.join(",", cell(o.atenaNo()), cell(o.name()), cell(o.birthDate()), cell(o.plannedOn().toString()),
                    cell(o.destination()), cell(o.destinationCode()), Long.toString(o.daysSince()))).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("転入通知未着者一覧-" + lgCode + "-" + day + ".csv", StandardCharsets.UTF_8).build().toString())
                .body(csv.toString());
    }

    /** RFC 4180 quoting. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.matches(".*[\",\r\n].*") || value.contains("\n") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}

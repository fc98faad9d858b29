package org.kiban.resident.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kiban.common.InvalidValueException;
import org.kiban.platform.Permissions;
import org.kiban.platform.ProblemException;
import org.kiban.platform.Problems;
import org.kiban.resident.AdultGuardianships;
import org.kiban.resident.ChangeReason;
import org.kiban.resident.MoveInNotices;
import org.kiban.resident.NotificationType;
import org.kiban.resident.ResidentQuery;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.ResidentStatus;
import org.kiban.resident.ResidentView;
import org.kiban.resident.ResidentViewContribution;
import org.kiban.resident.Residents;
import org.kiban.resident.SearchResult;
import org.kiban.resident.internal.PostalCodeDirectory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counter (書かない窓口): one search box with results as the clerk types, and the resident view — the household
 * at a glance, the person's record, the history, the flags and the actions this clerk may take.
 */
@Controller
@RequestMapping("/municipalities/{lgCode}")
class CounterScreen {

    /** The 異動 a clerk starts from a resident's view, in the order of the counter's menu. */
    static final List<NotificationType> PERSON_ACTIONS = List.of(NotificationType.MOVE_WITHIN,
            NotificationType.MOVE_OUT_DOMESTIC, NotificationType.MOVE_OUT_ABROAD, NotificationType.BIRTH,
            NotificationType.DEATH, NotificationType.HOUSEHOLD_SPLIT, NotificationType.HOUSEHOLD_CHANGE,
            NotificationType.HEAD_CHANGE);

    private final Residents residents;
    private final Problems problems;
    private final PostalCodeDirectory postalCodes;
    private final List<ResidentViewContribution> contributions;
    private final MoveInNotices moveInNotices;
    private final AdultGuardianships guardianships;

    CounterScreen(Residents residents, Problems problems, PostalCodeDirectory postalCodes,
                  List<ResidentViewContribution> contributions, MoveInNotices moveInNotices,
                  AdultGuardianships guardianships) {
        this.guardianships = guardianships;
        this.residents = residents;
        this.problems = problems;
        this.postalCodes = postalCodes;
        this.contributions = contributions;
        this.moveInNotices = moveInNotices;
    }

    @GetMapping("/residents")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    @Transactional
    public String search(@PathVariable String lgCode, @RequestParam(required = false) String q,
                         @RequestParam(defaultValue = "true") boolean removed, Model model, Authentication user) {
        model.addAttribute("lgCode", lgCode);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("removed", removed);
        model.addAttribute("canWrite", has(user, Permissions.RESIDENT_WRITE));
        results(lgCode, q, removed, model);
        return "resident/search";
    }

    /** The result list alone, for htmx as the clerk types. */
    @GetMapping("/residents/results")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    @Transactional
    public String results(@PathVariable String lgCode, @RequestParam(required = false) String q,
                          @RequestParam(defaultValue = "false") boolean removed, Model model) {
        model.addAttribute("lgCode", lgCode);
        String text = q == null ? "" : q.strip();
        if (text.length() < 2 && !text.matches(".*[\\p{IsHan}].*")) {
            model.addAttribute("hint", text.isEmpty() ? null : "2文字以上入力してください。");
            return "resident/fragments :: results";
        }
        try {
            CounterSearch search = CounterSearch.parse(text, removed);
            Map<String, ResidentView> found = new LinkedHashMap<>();
            long total = 0;
            boolean truncated = false;
            for (ResidentQuery query : search.queries()) {
                SearchResult r = residents.search(query);
                total += r.total();
                truncated |= r.truncated();
                r.results().forEach(v -> found.putIfAbsent(v.record().atenaNo(), v));
            }
            model.addAttribute("understood", search.understood());
            model.addAttribute("results", List.copyOf(found.values()));
            model.addAttribute("total", total);
            model.addAttribute("truncated", truncated || total > CounterSearch.PAGE_SIZE);
        } catch (InvalidValueException e) {
            model.addAttribute("error", e.getMessage());
        } catch (ProblemException e) {
            model.addAttribute("error", problems.detail(e));
        }
        return "resident/fragments :: results";
    }

    @GetMapping("/residents/{atenaNo}")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    @Transactional
    public String view(@PathVariable String lgCode, @PathVariable String atenaNo, Model model, Authentication user) {
        ResidentView person = residents.current(atenaNo, false);
        ResidentRecord r = person.record();
        List<ResidentView> members = List.of();
        if (r.status() == ResidentStatus.RESIDENT) {
            members = residents.household(r.householdNo()).members();
        }
        List<ResidentRecord> history = new ArrayList<>(residents.history(atenaNo, false));
        history.sort(Comparator.comparingInt(ResidentRecord::rirekiNo).reversed());
        Map<String, List<ResidentViewContribution.Flag>> flags = new LinkedHashMap<>();
        for (ResidentViewContribution c : contributions) {
            if (c.permission() == null || has(user, c.permission())) {
                flags.put(c.area(), c.flags(atenaNo));
            }
        }
        model.addAttribute("lgCode", lgCode);
        model.addAttribute("person", person);
        model.addAttribute("r", r);
        model.addAttribute("members", members);
        model.addAttribute("history", history);
        model.addAttribute("flags", flags);
        model.addAttribute("canWrite", has(user, Permissions.RESIDENT_WRITE) && r.status() == ResidentStatus.RESIDENT);
        model.addAttribute("canIssue", has(user, Permissions.CERTIFICATE_ISSUE));
        model.addAttribute("actions", PERSON_ACTIONS);
        boolean movedOut = r.status() == ResidentStatus.MOVED_OUT && r.changeReason() == ChangeReason.MOVE_OUT_DOMESTIC;
        MoveInNotices.MoveInNotice notice = movedOut ? moveInNotices.find(atenaNo).orElse(null) : null;
        model.addAttribute("movedOut", movedOut);
        AdultGuardianships.Guardianship guardianship = guardianships.current(atenaNo).orElse(null);
        model.addAttribute("guardianship", guardianship);
        model.addAttribute("underGuardianship", guardianship != null && guardianship.on(java.time.LocalDate.now()));
        model.addAttribute("canRecordGuardianship", has(user, Permissions.RESIDENT_WRITE));
        model.addAttribute("moveInNotice", notice);
        model.addAttribute("canRecordNotice", movedOut && notice == null && has(user, Permissions.RESIDENT_WRITE));
        if (!model.containsAttribute("noticeForm")) {
            model.addAttribute("noticeForm", new NoticeForm(java.time.LocalDate.now().toString(), "", "", ""));
        }
        return "resident/view";
    }

    /** The 転入通知 form of the resident view, as the clerk filled it in. */
    record NoticeForm(String receivedOn, String movedInOn, String newAddress, String notifyingLgCode) {
    }

    /** Records a 転入通知 received on paper or over CS (住民基本台帳法第9条第1項); errors are shown on the view. */
    @PostMapping("/residents/{atenaNo}/move-in-notice")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    public String recordMoveInNotice(@PathVariable String lgCode, @PathVariable String atenaNo,
                                     @RequestParam(required = false) String receivedOn,
                                     @RequestParam(required = false) String movedInOn,
                                     @RequestParam(required = false) String newAddress,
                                     @RequestParam(required = false) String notifyingLgCode,
                                     RedirectAttributes redirect) {
        NoticeForm form = new NoticeForm(receivedOn, movedInOn, newAddress, notifyingLgCode);
        try {
            MoveInNotices.Recorded recorded = moveInNotices.record(atenaNo, new MoveInNotices.Receipt(
                    date(receivedOn, "転入通知を受けた日"), date(movedInOn, "転入日"), newAddress, notifyingLgCode));
            redirect.addFlashAttribute("noticeMessage", recorded.created()
                    ? "転入通知を記録しました。転出年月日は " + recorded.notice().movedOutOn() + " で確定しました。"
                    : "同じ転入通知がすでに記録されています。");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("noticeError", e.getMessage());
            redirect.addFlashAttribute("noticeForm", form);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("noticeError", problems.detail(e));
            redirect.addFlashAttribute("noticeForm", form);
        }
        return "redirect:/municipalities/" + lgCode + "/residents/" + atenaNo + "#move-in-notice";
    }

    /** Records the start or the end of a 成年被後見人 period (標準仕様書 j1310); errors are shown on the view. */
    @PostMapping("/residents/{atenaNo}/adult-guardianship")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    public String recordGuardianship(@PathVariable String lgCode, @PathVariable String atenaNo,
                                     @RequestParam(required = false) String startOn,
                                     @RequestParam(required = false) String endOn,
                                     RedirectAttributes redirect) {
        try {
            AdultGuardianships.Recorded recorded = guardianships.record(atenaNo, new AdultGuardianships.Period(
                    date(startOn, "後見開始の日"), date(endOn, "後見終了の日")));
            redirect.addFlashAttribute("guardianshipMessage", recorded.created() ? "成年被後見人の記録を追加しました。"
                    : "同じ内容がすでに記録されています。");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("guardianshipError", e.getMessage());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("guardianshipError", problems.detail(e));
        }
        return "redirect:/municipalities/" + lgCode + "/residents/" + atenaNo + "#guardianship";
    }

    private static java.time.LocalDate date(String text, String item) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidValueException("invalid-date", item + "「" + text + "」は年-月-日（例 2026-12-01）で入力してください。");
        }
    }

    /** The address a postal code stands for, as the address field pre-filled (htmx), with the choices if several. */
    @GetMapping("/postal-codes")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    public String postalCode(@PathVariable String lgCode, @RequestParam(required = false) String postalCode,
                             @RequestParam(required = false) String address,
                             @RequestParam(defaultValue = "0") int choice, Model model) {
        List<PostalCodeDirectory.PostalAddress> found = postalCodes.lookup(postalCode);
        String digits = postalCode == null ? "" : postalCode.replaceAll("[^0-9]", "");
        model.addAttribute("lgCode", lgCode);
        model.addAttribute("candidates", found);
        model.addAttribute("address", found.isEmpty() ? address
                : found.get(Math.max(0, Math.min(choice, found.size() - 1))).address());
        model.addAttribute("postalMessage", digits.length() < 7 ? null
                : found.isEmpty() ? "郵便番号「" + digits + "」に該当する住所はありません。"
                : found.size() == 1 ? "郵便番号から住所を入力しました。続けて番地を入力してください。"
                : "郵便番号に該当する住所が" + found.size() + "件あります。選んでください。");
        return "resident/fragments :: address";
    }

    static boolean has(Authentication user, String permission) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> permission.equals(a.getAuthority()));
    }
}

package org.kiban.resident.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.kiban.common.InvalidValueException;
import org.kiban.common.Wareki;
import org.kiban.platform.Permissions;
import org.kiban.platform.ProblemException;
import org.kiban.platform.Problems;
import org.kiban.resident.Notification;
import org.kiban.resident.FollowUpContribution;
import org.kiban.resident.NotificationResult;
import org.kiban.resident.NotificationType;
import org.kiban.resident.ResidentNotifications;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.ResidentView;
import org.kiban.resident.Residents;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.LocalGovernmentKind;
import org.kiban.tenancy.Municipalities;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * 書かない窓口: every 異動 as a guided form pre-filled from the registry, checked as the clerk types, then a
 * confirmation sheet (the notification tried with every rule of the API and rolled back) that the resident checks and
 * signs, then the commit and the follow-up work in one place (ワンストップ).
 */
@Controller
@RequestMapping("/municipalities/{lgCode}/notifications")
class NotificationScreen {

    static final String PENDING = "kiban.counter.pending";
    /** 住民票コード and 個人番号 read from an imported 転出証明書, kept out of the page. */
    static final String IMPORTED_NUMBERS = "kiban.counter.imported-numbers";

    /** A notification on its confirmation sheet, kept in the session until the clerk commits it. */
    record Pending(NotificationForm form, Notification notification) {
    }

    private final List<FollowUpContribution> followUps;
    private final Residents residents;
    private final ResidentNotifications notifications;
    private final Municipalities municipalities;
    private final Problems problems;
    private final JsonMapper json;

    NotificationScreen(Residents residents, ResidentNotifications notifications, Municipalities municipalities,
                       Problems problems, JsonMapper json, List<FollowUpContribution> followUps) {
        this.followUps = followUps;
        this.residents = residents;
        this.notifications = notifications;
        this.municipalities = municipalities;
        this.problems = problems;
        this.json = json;
    }

    /** A 転入 from an electronic 転出証明書 (CSV) or an online application (JSON): the form pre-filled from the file. */
    @PostMapping("/import")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    public String importFile(@PathVariable String lgCode, @RequestParam("file") MultipartFile file, Model model,
                             HttpSession session) throws java.io.IOException {
        NotificationForm form;
        try {
            form = MoveOutCertificateFile.read(file.getOriginalFilename(), file.getBytes(), json);
        } catch (InvalidValueException e) {
            NotificationForm empty = new NotificationForm();
            empty.setType(NotificationType.MOVE_IN_DOMESTIC);
            empty.getPersons().add(new NotificationForm.PersonForm());
            return render(lgCode, empty, Map.of(), e.getMessage(), List.of(), model);
        }
        Map<String, String[]> numbers = new java.util.HashMap<>();
        for (NotificationForm.PersonForm p : form.getPersons()) {
            if (p.getJuminhyoCode() != null || p.getIndividualNumber() != null) {
                numbers.put(NotificationForm.numberKey(p), new String[] {p.getJuminhyoCode(), p.getIndividualNumber()});
            }
        }
        session.setAttribute(IMPORTED_NUMBERS, numbers);
        if (form.getNotifiedOn() == null) {
            form.setNotifiedOn(Wareki.format(LocalDate.now()));
        }
        if (form.getEffectiveDate() == null) {
            form.setEffectiveDate(Wareki.format(LocalDate.now()));
        }
        model.addAttribute("imported", "「" + file.getOriginalFilename() + "」から" + form.getPersons().size()
                + "人を読み込みました。内容を確認し、新しい住所を入力してください。");
        return render(lgCode, form, form.check(), null, List.of(), model);
    }

    /** One more person on a 転入 form, keeping what was entered. */
    @PostMapping("/rows")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    public String addPerson(@PathVariable String lgCode, @ModelAttribute NotificationForm form, Model model) {
        if (form.entersPersons() && form.getPersons().size() < MoveOutCertificateFile.MAX_PERSONS) {
            form.getPersons().add(new NotificationForm.PersonForm());
        }
        return render(lgCode, form, Map.of(), null, List.of(), model);
    }

    /** A form for a person's household (転居, 転出, 出生, 死亡, 世帯の変更), pre-filled with what Kiban knows. */
    @GetMapping("/new/{type}")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    @Transactional
    public String form(@PathVariable String lgCode, @PathVariable NotificationType type,
                       @RequestParam(required = false) String atenaNo, Model model) {
        NotificationForm form = new NotificationForm();
        form.setType(type);
        form.setAtenaNo(atenaNo);
        String today = Wareki.format(LocalDate.now());
        form.setEffectiveDate(type == NotificationType.BIRTH ? "" : today);
        form.setNotifiedOn(today);
        if (atenaNo != null) {
            ResidentRecord r = residents.current(atenaNo, false).record();
            form.setHouseholdNo(r.householdNo());
            if (type == NotificationType.DEATH || type == NotificationType.HOUSEHOLD_SPLIT
                    || type == NotificationType.HOUSEHOLD_CHANGE) {
                form.getAtenaNos().add(atenaNo);
            }
        }
        if (form.entersPersons()) {
            form.getPersons().add(new NotificationForm.PersonForm());
            if (type == NotificationType.BIRTH) {
                form.getPersons().get(0).setRelationship("子");
            }
        }
        return render(lgCode, form, Map.of(), null, List.of(), model);
    }

    /** The field-by-field check as the clerk types (htmx): the error messages, announced politely. */
    @PostMapping("/check")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    public String check(@PathVariable String lgCode, @ModelAttribute NotificationForm form, Model model) {
        model.addAttribute("errors", form.check());
        model.addAttribute("checked", true);
        return "resident/notification :: errors";
    }

    /** The confirmation sheet: every rule applied, nothing kept. */
    @PostMapping("/confirmation")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    public String confirm(@PathVariable String lgCode, @ModelAttribute NotificationForm form, Model model,
                          HttpSession session) {
        subset(form);
        if (form.isEntry() && session.getAttribute(IMPORTED_NUMBERS) instanceof Map<?, ?> numbers) {
            @SuppressWarnings("unchecked")
            Map<String, String[]> imported = (Map<String, String[]>) numbers;
            form.attachNumbers(imported);
        }
        Map<String, String> errors = form.check();
        if (!errors.isEmpty()) {
            return render(lgCode, form, errors, "入力内容に誤りがあります。各項目のメッセージを確認してください。", List.of(), model);
        }
        Notification notification = form.toNotification();
        NotificationResult trial;
        try {
            trial = notifications.trial(notification);
        } catch (ProblemException e) {
            List<String> warnings = confirmations(e);
            return render(lgCode, form, errors, problems.detail(e), warnings, model);
        } catch (InvalidValueException e) {
            return render(lgCode, form, errors, e.getMessage(), List.of(), model);
        }
        String token = UUID.randomUUID().toString();
        pending(session).put(token, new Pending(form, notification));
        model.addAttribute("lgCode", lgCode);
        model.addAttribute("token", token);
        model.addAttribute("form", form);
        model.addAttribute("result", trial);
        model.addAttribute("before", before(form));
        model.addAttribute("today", Wareki.format(LocalDate.now()));
        model.addAttribute("municipality", municipalities.find(lgCode).map(LocalGovernment::name).orElse(lgCode));
        return "resident/confirmation";
    }

    /** Back from the sheet to the form, as it was filled in. */
    @PostMapping("/revision")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    @Transactional
    public String revise(@PathVariable String lgCode, @RequestParam String token, Model model, HttpSession session) {
        Pending p = pending(session).get(token);
        if (p == null) {
            throw new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "counter-confirmation-expired");
        }
        return render(lgCode, p.form(), Map.of(), null, List.of(), model);
    }

    /** The resident has checked and signed the sheet: record it (once, even if the button is pressed twice). */
    @PostMapping
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    public String commit(@PathVariable String lgCode, @RequestParam String token, Model model, HttpSession session,
                         Authentication user) {
        Pending p = pending(session).get(token);
        if (p == null) {
            throw new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "counter-confirmation-expired");
        }
        NotificationResult result;
        try {
            result = notifications.submit(p.notification(), "counter-" + token);
        } catch (ProblemException | InvalidValueException e) {
            String message = e instanceof ProblemException pe ? problems.detail(pe)
                    : e.getMessage();
            return render(lgCode, p.form(), Map.of(), message, List.of(), model);
        }
        pending(session).remove(token);
        model.addAttribute("lgCode", lgCode);
        model.addAttribute("result", result);
        model.addAttribute("form", p.form());
        model.addAttribute("canIssue", CounterScreen.has(user, Permissions.CERTIFICATE_ISSUE));
        model.addAttribute("followUps", FollowUps.after(lgCode, result, followUps, user));
        return "resident/done";
    }

    private String render(String lgCode, NotificationForm form, Map<String, String> errors, String problem,
                          List<String> warnings, Model model) {
        model.addAttribute("lgCode", lgCode);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("warnings", warnings);
        model.addAttribute("address", form.getAddress());
        if (form.getAtenaNo() != null) {
            ResidentView person = residents.current(form.getAtenaNo(), false);
            model.addAttribute("person", person);
            Residents.HouseholdView household = residents.household(person.record().householdNo());
            model.addAttribute("members", household.members());
            if (form.getHouseholdVersion() == null) {
                form.setHouseholdVersion(household.version());
            }
            Map<String, String> relationships = new LinkedHashMap<>();
            for (ResidentView m : household.members()) {
                relationships.put(m.record().atenaNo(), form.getRelationships().getOrDefault(m.record().atenaNo(),
                        m.record().relationship()));
            }
            form.setRelationships(relationships);
        } else {
            model.addAttribute("members", List.of());
        }
        LocalGovernment tenant = municipalities.find(lgCode).orElseThrow();
        model.addAttribute("wards", tenant.kind() == LocalGovernmentKind.DESIGNATED_CITY
                ? municipalities.wardsOf(lgCode) : List.of());
        return "resident/notification";
    }

    /** A 転居 of some members only forms a new household: their 続柄 are then asked for. */
    private void subset(NotificationForm form) {
        if (form.getHouseholdNo() == null) {
            return;
        }
        List<ResidentView> members = residents.household(form.getHouseholdNo()).members();
        form.subsetMoves(form.getAtenaNos().size() < members.size());
    }

    /** The persons' versions before the notification, for the sheet's 「変更前」 column. */
    private Map<String, ResidentRecord> before(NotificationForm form) {
        Map<String, ResidentRecord> before = new LinkedHashMap<>();
        if (form.getHouseholdNo() != null) {
            for (ResidentView m : residents.household(form.getHouseholdNo()).members()) {
                before.put(m.record().atenaNo(), m.record());
            }
        }
        return before;
    }

    @SuppressWarnings("unchecked")
    private static List<String> confirmations(ProblemException e) {
        Object w = e.properties().get("warnings");
        return w instanceof List<?> list ? (List<String>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Pending> pending(HttpSession session) {
        Object map = session.getAttribute(PENDING);
        if (map == null) {
            map = new java.util.concurrent.ConcurrentHashMap<String, Pending>();
            session.setAttribute(PENDING, map);
        }
        return (Map<String, Pending>) map;
    }
}

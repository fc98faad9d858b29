package org.kiban.disaster.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.kiban.common.InvalidValueException;
import org.kiban.disaster.AidScope;
import org.kiban.disaster.DamageLevel;
import org.kiban.disaster.Flooding;
import org.kiban.disaster.internal.AidLookup;
import org.kiban.disaster.internal.Declarations;
import org.kiban.disaster.internal.DisasterCertificates;
import org.kiban.disaster.internal.MutualAid;
import org.kiban.disaster.internal.VictimRegister;
import org.kiban.platform.Permissions;
import org.kiban.platform.ProblemException;
import org.kiban.tenancy.Tenant;
import org.kiban.tenancy.Tenants;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The screens of disaster work: agreements and declarations (責任者・システム管理者), the 被災者台帳 with its
 * 罹災証明書, the 応援職員's lookup in an affected municipality, and the report of cross-municipality access.
 * A refused or invalid entry comes back on the same screen as a message (role=alert), never as a lost form.
 */
@Controller
class DisasterScreens {

    private final Declarations declarations;
    private final MutualAid gate;
    private final AidLookup lookup;
    private final VictimRegister register;
    private final DisasterCertificates certificates;
    private final Tenants tenants;
    private final MessageSource messages;
    private final tools.jackson.databind.json.JsonMapper json;

    DisasterScreens(Declarations declarations, MutualAid gate, AidLookup lookup, VictimRegister register,
                    DisasterCertificates certificates, Tenants tenants, MessageSource messages,
                    tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.declarations = declarations;
        this.gate = gate;
        this.lookup = lookup;
        this.register = register;
        this.certificates = certificates;
        this.tenants = tenants;
        this.messages = messages;
    }

    private String message(RuntimeException e) {
        if (e instanceof ProblemException p) {
            return messages.getMessage("problem." + p.code(), p.args(), p.code(), java.util.Locale.JAPAN);
        }
        return e.getMessage();
    }

    /** A redirect that does not carry the layout's model (the tenant's name) into the URL. */
    private static RedirectView redirect(String url) {
        RedirectView view = new RedirectView(url, true);
        view.setExposeModelAttributes(false);
        return view;
    }

    private String name(String lgCode) {
        return tenants.find(lgCode).map(Tenant::name).orElse(lgCode);
    }

    @GetMapping("/disaster")
    @PreAuthorize("hasAnyAuthority('" + Permissions.DISASTER_MANAGE + "', '" + Permissions.DISASTER_WRITE + "', '"
            + Permissions.DISASTER_AID + "')")
    public String home(Model model) {
        model.addAttribute("agreements", declarations.agreements());
        model.addAttribute("disasters", declarations.disasters());
        model.addAttribute("toHelp", gate.disastersToHelp().stream()
                .map(d -> Map.of("disaster", d, "municipality", name(d.lgCode()))).toList());
        model.addAttribute("scopes", AidScope.values());
        model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")));
        return "disaster/home";
    }

    @PostMapping("/disaster/agreements")
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_MANAGE + "')")
    public RedirectView registerAgreement(@RequestParam String agreementNo, @RequestParam String title,
                                    @RequestParam String parties, @RequestParam LocalDate validFrom,
                                    @RequestParam LocalDate validTo, @RequestParam Integer aidDays,
                                    @RequestParam(required = false) List<AidScope> scope, RedirectAttributes flash) {
        try {
            declarations.register(new Declarations.AgreementInput(agreementNo, title,
                    Arrays.stream(parties.split("[,、\\s]+")).filter(s -> !s.isBlank()).toList(), validFrom, validTo,
                    aidDays, scope == null ? List.of() : scope));
            flash.addFlashAttribute("notice", "相互応援協定 " + agreementNo + " を登録しました。相手方の団体も同じ内容で登録すると有効になります。");
        } catch (ProblemException | InvalidValueException e) {
            flash.addFlashAttribute("error", message(e));
        }
        return redirect("/disaster");
    }

    @PostMapping("/disaster/declarations")
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_MANAGE + "')")
    public RedirectView declare(@RequestParam String name, @RequestParam String kind, @RequestParam LocalDate occurredOn,
                          @RequestParam(required = false) String agreementNo,
                          @RequestParam(required = false) LocalDate aidFrom, RedirectAttributes flash) {
        try {
            var d = declarations.declare(new Declarations.Declaration(name, kind, occurredOn, agreementNo, aidFrom));
            flash.addFlashAttribute("notice", "災害「" + d.name() + "」を宣言しました（災害番号 " + d.disasterNo() + "）。");
        } catch (ProblemException | InvalidValueException e) {
            flash.addFlashAttribute("error", message(e));
        }
        return redirect("/disaster");
    }

    @PostMapping("/disaster/{disasterNo}/aid-end")
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_MANAGE + "')")
    public RedirectView endAid(@PathVariable int disasterNo, RedirectAttributes flash) {
        try {
            declarations.endAid(disasterNo, null);
            flash.addFlashAttribute("notice", "応援を本日で終了しました。");
        } catch (ProblemException | InvalidValueException e) {
            flash.addFlashAttribute("error", message(e));
        }
        return redirect("/disaster");
    }

    @GetMapping("/disaster/{disasterNo}")
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_WRITE + "')")
    public String registerScreen(@PathVariable int disasterNo, Model model) {
        model.addAttribute("disaster", declarations.disaster(disasterNo));
        model.addAttribute("entries", register.entries(disasterNo));
        model.addAttribute("levels", DamageLevel.values());
        model.addAttribute("floodings", Flooding.values());
        return "disaster/register";
    }

    @PostMapping("/disaster/{disasterNo}/households")
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_WRITE + "')")
    public RedirectView recordDamage(@PathVariable int disasterNo, @RequestParam String householdNo,
                               @RequestParam(required = false) DamageLevel damageLevel,
                               @RequestParam(required = false) BigDecimal damageRatio,
                               @RequestParam(required = false) Flooding flooding,
                               @RequestParam(required = false) String survey,
                               @RequestParam(required = false) String needsCare, RedirectAttributes flash) {
        try {
            var e = register.recordDamage(disasterNo, new VictimRegister.DamageInput(householdNo, damageLevel, damageRatio,
                    flooding, null, survey, null, null, needsCare, null));
            flash.addFlashAttribute("notice", "世帯 " + householdNo + " の被害を「" + e.currentLevelLabel() + "」と記録しました。");
        } catch (ProblemException | InvalidValueException e) {
            flash.addFlashAttribute("error", message(e));
        }
        return redirect("/disaster/" + disasterNo);
    }

    @PostMapping("/disaster/{disasterNo}/households/{householdNo}/supports")
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_WRITE + "')")
    public RedirectView addSupport(@PathVariable int disasterNo, @PathVariable String householdNo, @RequestParam String kind,
                             @RequestParam(required = false) Long amountYen, RedirectAttributes flash) {
        try {
            register.addSupport(disasterNo, householdNo, new VictimRegister.SupportInput(kind, amountYen, null, null));
            flash.addFlashAttribute("notice", "世帯 " + householdNo + " に「" + kind + "」を記録しました。");
        } catch (ProblemException | InvalidValueException e) {
            flash.addFlashAttribute("error", message(e));
        }
        return redirect("/disaster/" + disasterNo);
    }

    @PostMapping("/disaster/{disasterNo}/households/{householdNo}/certificate")
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_WRITE + "')")
    public ResponseEntity<byte[]> issue(@PathVariable int disasterNo, @PathVariable String householdNo) {
        return DisasterController.pdf(certificates.issue(disasterNo, householdNo, null));
    }

    @GetMapping("/mutual-aid/{affected}/{disasterNo}")
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_AID + "')")
    public String aid(@PathVariable String affected, @PathVariable int disasterNo,
                      @RequestParam(required = false) String kana, @RequestParam(required = false) String name,
                      @RequestParam(required = false) String birthDate, @RequestParam(required = false) String address,
                      @RequestParam(required = false) List<String> fields, Model model) {
        model.addAttribute("affected", affected);
        model.addAttribute("affectedName", name(affected));
        model.addAttribute("disasterNo", disasterNo);
        model.addAttribute("disaster", gate.disastersToHelp().stream()
                .filter(d -> d.lgCode().equals(affected) && d.disasterNo() == disasterNo).findFirst().orElse(null));
        model.addAttribute("items", AidScope.items());
        List<String> chosen = fields == null ? List.of("name", "address", "household") : fields;
        model.addAttribute("chosen", chosen);
        model.addAttribute("levels", DamageLevel.values());
        model.addAttribute("q", Map.of("kana", kana == null ? "" : kana, "name", name == null ? "" : name,
                "birthDate", birthDate == null ? "" : birthDate, "address", address == null ? "" : address));
        List<Map<String, Object>> results = new ArrayList<>();
        boolean searched = kana != null || name != null || birthDate != null || address != null;
        if (searched) {
            try {
                results = lookup.search(affected, disasterNo, new AidLookup.Criteria(name, kana, birthDate, address),
                        String.join(",", chosen));
            } catch (ProblemException | InvalidValueException e) {
                model.addAttribute("error", message(e));
            }
        }
        model.addAttribute("searched", searched);
        model.addAttribute("results", results);
        return "disaster/aid";
    }

    @PostMapping("/mutual-aid/{affected}/{disasterNo}/households")
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_AID + "')")
    public RedirectView aidRecordDamage(@PathVariable String affected, @PathVariable int disasterNo,
                                  @RequestParam String householdNo, @RequestParam(required = false) DamageLevel damageLevel,
                                  @RequestParam(required = false) BigDecimal damageRatio, RedirectAttributes flash) {
        try {
            var r = certificates.recordDamageAsAid(affected, disasterNo, new VictimRegister.DamageInput(householdNo,
                    damageLevel, damageRatio, null, null, "応援職員による調査", null, null, null, null));
            flash.addFlashAttribute("notice", "世帯 " + householdNo + " の被害を「" + r.get("damageLevelLabel") + "」と記録しました。");
        } catch (ProblemException | InvalidValueException e) {
            flash.addFlashAttribute("error", message(e));
        }
        return redirect("/mutual-aid/" + affected + "/" + disasterNo);
    }

    @PostMapping("/mutual-aid/{affected}/{disasterNo}/certificate")
    @PreAuthorize("hasAuthority('" + Permissions.DISASTER_AID + "')")
    public ResponseEntity<byte[]> aidIssue(@PathVariable String affected, @PathVariable int disasterNo,
                                           @RequestParam String householdNo) {
        return DisasterController.pdf(certificates.issueAsAid(affected, disasterNo, householdNo, null));
    }

    /** One line of the report. */
    record ReportRow(long seq, java.time.Instant occurredAt, String actorName, String operation, String direction,
                     String otherMunicipality, Object disasterNo, String outcome, int persons) {
    }

    private static final Map<String, String> OPERATIONS = Map.of("mutual-aid.residents-looked-up", "住民の照会",
            "mutual-aid.damage-recorded", "被災者台帳への記録", "mutual-aid.certificate-issued", "罹災証明書の交付",
            "mutual-aid.refused", "拒否", "mutual-aid.failed", "エラー");

    @GetMapping("/mutual-aid/report")
    @PreAuthorize("hasAnyAuthority('" + Permissions.AUDIT_READ + "', '" + Permissions.DISASTER_MANAGE + "')")
    public String report(Model model) {
        String own = org.kiban.platform.TenantContext.requireLgCode();
        List<ReportRow> rows = new ArrayList<>();
        for (var e : gate.report(500)) {
            Map<String, Object> d = json.readValue(e.detail(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
            boolean outgoing = own.equals(d.get("helper"));
            String outcome = "refused".equals(d.get("outcome"))
                    ? "拒否：" + messages.getMessage("problem." + d.get("reason") + ".title", null, String.valueOf(d.get("reason")),
                    java.util.Locale.JAPAN)
                    : "error".equals(d.get("outcome")) ? "エラー：" + d.get("error") : "実施";
            Object persons = d.get("persons");
            rows.add(new ReportRow(e.seq(), e.occurredAt(), e.actorName(),
                    OPERATIONS.getOrDefault(e.action(), e.action()),
                    outgoing ? "当団体の職員が応援" : "他団体の応援職員が当団体のデータに",
                    String.valueOf(outgoing ? d.get("affectedName") : d.get("helperName")), d.get("disasterNo"), outcome,
                    persons instanceof List<?> l ? l.size() : 0));
        }
        model.addAttribute("rows", rows);
        return "disaster/report";
    }
}

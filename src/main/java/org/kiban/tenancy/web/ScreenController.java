package org.kiban.tenancy.web;

import java.time.LocalDate;
import java.util.List;

import org.kiban.parameter.Parameters;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.LocalGovernmentKind;
import org.kiban.tenancy.Municipalities;
import org.kiban.tenancy.internal.OfficeService;
import org.kiban.tenancy.internal.TenantService;
import org.kiban.tenancy.security.DemoMode;
import org.kiban.tenancy.security.KibanUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The shell of the screens: sign-in, the tenant's home, the list of municipalities. */
@Controller
class ScreenController {

    private final Municipalities municipalities;
    private final TenantService tenants;
    private final OfficeService offices;
    private final Parameters parameters;
    private final DemoMode demo;

    ScreenController(Municipalities municipalities, TenantService tenants, OfficeService offices, Parameters parameters,
                     DemoMode demo) {
        this.municipalities = municipalities;
        this.tenants = tenants;
        this.offices = offices;
        this.parameters = parameters;
        this.demo = demo;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demo", demo.enabled());
        return "tenancy/login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal KibanUser me, Model model) {
        if (me.lgCode() == null) {
            model.addAttribute("tenants", tenants.all());
            return "tenancy/operator-home";
        }
        model.addAttribute("tenant", tenants.find(me.lgCode()).orElseThrow());
        model.addAttribute("offices", offices.list());
        model.addAttribute("report", parameters.customizationReport(LocalDate.now()));
        model.addAttribute("office", offices.list().stream()
                .filter(o -> o.officeCode().equals(me.officeCode())).findFirst().orElse(null));
        return "tenancy/home";
    }

    @GetMapping("/municipalities")
    String municipalities(@RequestParam(required = false) String prefecture,
                          @RequestParam(required = false) String q, Model model) {
        model.addAttribute("prefectures", municipalities.search(new Municipalities.Query(null,
                List.of(LocalGovernmentKind.PREFECTURE), null, null)));
        model.addAttribute("kinds", LocalGovernmentKind.values());
        results(prefecture, null, q, model);
        return "tenancy/municipalities";
    }

    /** The result table alone, for htmx as the clerk types. */
    @GetMapping("/municipalities/results")
    String results(@RequestParam(required = false) String prefecture, @RequestParam(required = false) LocalGovernmentKind kind,
                   @RequestParam(required = false) String q, Model model) {
        String pref = prefecture == null || !prefecture.matches("\\d{2}") ? null : prefecture;
        List<LocalGovernmentKind> kinds = kind == null ? List.of() : List.of(kind);
        List<LocalGovernment> found;
        if (q == null || q.isBlank()) {
            found = municipalities.search(new Municipalities.Query(pref, kinds, null, null));
        } else if (q.trim().matches("[\\p{IsHiragana}\\p{IsKatakana}ー\\s]+")) {
            found = municipalities.search(new Municipalities.Query(pref, kinds, null, q.trim()));
        } else {
            found = municipalities.search(new Municipalities.Query(pref, kinds, q.trim(), null));
        }
        model.addAttribute("total", found.size());
        model.addAttribute("results", found.stream().limit(300).toList());
        return "tenancy/municipalities :: results";
    }

}

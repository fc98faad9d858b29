package org.kiban.parameter.web;

import java.time.LocalDate;

import org.kiban.parameter.Parameters;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The tenant's parameters and customization report, on screen. */
@Controller
class ParameterScreen {

    private final Parameters parameters;

    ParameterScreen(Parameters parameters) {
        this.parameters = parameters;
    }

    @GetMapping("/parameters")
    String parameters(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
                      Model model) {
        LocalDate date = at == null ? LocalDate.now() : at;
        model.addAttribute("at", date);
        model.addAttribute("parameters", parameters.all(date));
        model.addAttribute("report", parameters.customizationReport(date));
        return "parameter/parameters";
    }
}

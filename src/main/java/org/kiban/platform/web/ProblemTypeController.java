package org.kiban.platform.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The page each problem {@code type} URI points to: what the problem means and what to do about it. */
@Controller
class ProblemTypeController {

    private final MessageSource messages;

    ProblemTypeController(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping("/problems/{code}")
    String describe(@PathVariable String code, Model model) {
        if (!code.matches("[a-z0-9-]{1,60}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            model.addAttribute("title", messages.getMessage("problem." + code + ".title", null, Locale.JAPAN));
        } catch (NoSuchMessageException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("code", code);
        model.addAttribute("help", messages.getMessage("problem." + code + ".help", null, "", Locale.JAPAN));
        return "platform/problem";
    }
}

package org.kiban.platform;

import java.net.URI;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem documents: {@code type} is {@code /problems/{code}} (a page that explains the
 * problem), {@code title} and {@code detail} are Japanese, from the message bundle ({@code problem.{code}.title},
 * {@code problem.{code}}), and {@code code} repeats the machine-readable code.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "/problems/";

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail of(HttpStatus status, String code, Object... args) {
        return withDetail(status, code, message("problem." + code, args));
    }

    public ProblemDetail withDetail(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(message("problem." + code + ".title"));
        problem.setProperty("code", code);
        return problem;
    }

    /** The Japanese detail of a refusal, for a screen that shows it beside the form. */
    public String detail(ProblemException e) {
        return message("problem." + e.code(), e.args());
    }

    public String message(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.JAPAN);
    }
}

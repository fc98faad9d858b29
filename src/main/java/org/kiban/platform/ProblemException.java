package org.kiban.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request Kiban refuses, reported as an RFC 9457 problem document: {@code code} becomes the problem
 * {@code type} ({@code /problems/{code}}) and selects the Japanese message {@code problem.{code}} that
 * becomes its {@code detail}, formatted with {@code args}.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;
    private final transient Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String code, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    /** Adds a member to the problem document (e.g. the list of warnings to confirm). */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what, id);
    }

    public static ProblemException badRequest(String code, Object... args) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, args);
    }

    public static ProblemException conflict(String code, Object... args) {
        return new ProblemException(HttpStatus.CONFLICT, code, args);
    }
}

package org.kiban.platform.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.kiban.common.InvalidValueException;
import org.kiban.platform.ProblemException;
import org.kiban.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into an RFC 9457 problem document with a Japanese {@code detail} and a machine-readable
 * {@code type} for the API ({@code /api/**}), and into a Japanese error page for the screens. Bad input is always
 * a 4xx; only a defect of Kiban itself gives a 500, and its answer says nothing about the inside.
 */
@ControllerAdvice
@Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ExceptionAnswers {

    private static final Logger log = LoggerFactory.getLogger(ExceptionAnswers.class);

    private final Problems problems;

    ExceptionAnswers(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ProblemException.class)
    Object problem(ProblemException e, HttpServletRequest request) {
        ProblemDetail problem = problems.of(e.status(), e.code(), e.args());
        e.properties().forEach(problem::setProperty);
        return respond(problem, request);
    }

    @ExceptionHandler(InvalidValueException.class)
    Object invalidValue(InvalidValueException e, HttpServletRequest request) {
        return respond(problems.withDetail(HttpStatus.BAD_REQUEST, e.code(), e.getMessage()), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        ProblemDetail problem;
        if (cause instanceof UnrecognizedPropertyException u) {
            problem = problems.of(HttpStatus.BAD_REQUEST, "unknown-field", u.getPropertyName());
            problem.setProperty("field", path(u));
        } else if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            DatabindException d = (DatabindException) cause;
            problem = problems.of(HttpStatus.BAD_REQUEST, "invalid-field-value", path(d));
            problem.setProperty("field", path(d));
        } else if (cause instanceof DatabindException d && d.getCause() instanceof InvalidValueException iv) {
            problem = problems.withDetail(HttpStatus.BAD_REQUEST, iv.code(), path(d) + ": " + iv.getMessage());
            problem.setProperty("field", path(d));
        } else if (cause instanceof StreamReadException || cause instanceof JacksonException) {
            problem = problems.of(HttpStatus.BAD_REQUEST, "malformed-json");
        } else {
            problem = problems.of(HttpStatus.BAD_REQUEST, "unreadable-body");
        }
        return respond(problem, request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    Object invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ExceptionAnswers::fieldError).toList();
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "validation-failed",
                String.join("、", errors.stream().map(m -> m.get("field") + ": " + m.get("message")).toList()));
        problem.setProperty("errors", errors);
        return respond(problem, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    Object invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<String> messages = e.getAllErrors().stream().map(err -> err.getDefaultMessage()).toList();
        return respond(problems.of(HttpStatus.BAD_REQUEST, "validation-failed", String.join("、", messages)), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        if (e.getCause() != null && e.getCause().getCause() instanceof InvalidValueException iv) {
            ProblemDetail problem = problems.withDetail(HttpStatus.BAD_REQUEST, iv.code(), e.getName() + ": " + iv.getMessage());
            problem.setProperty("parameter", e.getName());
            return respond(problem, request);
        }
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getName(), String.valueOf(e.getValue()));
        problem.setProperty("parameter", e.getName());
        return respond(problem, request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(problems.of(HttpStatus.BAD_REQUEST, "missing-parameter", e.getParameterName()), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", e.getMethod()), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                String.valueOf(e.getContentType())), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(problems.of(HttpStatus.NOT_FOUND, "no-such-endpoint", request.getRequestURI()), request);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    Object denied(RuntimeException e, HttpServletRequest request) {
        return respond(problems.of(HttpStatus.FORBIDDEN, "forbidden"), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    Object integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.info("request {} violated a database constraint: {}", request.getRequestURI(), e.getMostSpecificCause().getMessage());
        return respond(problems.of(HttpStatus.CONFLICT, "conflict"), request);
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error"), request);
    }

    /** A problem document for the API; for a screen, the error page with the same Japanese message. */
    private static Object respond(ProblemDetail problem, HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ModelAndView page = new ModelAndView("error");
            page.setStatus(HttpStatus.valueOf(problem.getStatus()));
            page.addObject("status", problem.getStatus());
            page.addObject("message", problem.getDetail());
            return page;
        }
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String path(DatabindException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(本文)" : sb.toString();
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }
}

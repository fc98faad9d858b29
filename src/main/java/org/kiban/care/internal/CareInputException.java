package org.kiban.care.internal;

import org.kiban.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** Bad input to a care calculation: a 400 problem that names the field ({@code person.totalIncome}). */
public final class CareInputException extends ProblemException {

    private final String field;
    private final String reason;

    public CareInputException(String field, String reason) {
        super(HttpStatus.BAD_REQUEST, "care-invalid-input", field, reason);
        this.field = field;
        this.reason = reason;
        with("field", field);
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return field + ": " + reason;
    }
}

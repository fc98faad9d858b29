package org.kiban.common;

import java.util.Objects;

/**
 * Thrown when a value entered by a user or received from another system is invalid.
 *
 * <p>{@link #code()} is a stable, machine-readable code (for example {@code "invalid-lg-code"},
 * {@code "invalid-check-digit"}, {@code "invalid-date"}) that callers may map to HTTP problem types or
 * screen fields. {@link #getMessage()} is a Japanese sentence meant to be shown to the user as is.
 */
public class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Format of a 全国地方公共団体コード is wrong (not 5/6 ASCII digits). */
    public static final String INVALID_LG_CODE = "invalid-lg-code";
    /** Format of a 個人番号 is wrong. */
    public static final String INVALID_INDIVIDUAL_NUMBER = "invalid-individual-number";
    /** Format of a 住民票コード is wrong. */
    public static final String INVALID_JUMINHYO_CODE = "invalid-juminhyo-code";
    /** Format of a 宛名番号 (or its base) is wrong. */
    public static final String INVALID_ATENA_NO = "invalid-atena-no";
    /** The number has the right shape but its 検査数字 does not match. */
    public static final String INVALID_CHECK_DIGIT = "invalid-check-digit";
    /** A 宛名番号 base whose modulus-11 remainder is 1 (no check digit defined; must be skipped). */
    public static final String ATENA_BASE_NOT_ISSUABLE = "atena-base-not-issuable";
    /** A date text that cannot be read, or a date that does not exist on the calendar. */
    public static final String INVALID_DATE = "invalid-date";
    /** An era name or abbreviation that is not in the {@link EraTable}. */
    public static final String UNKNOWN_ERA = "unknown-era";
    /** A 和暦 date outside its era, for example 平成31年5月1日. */
    public static final String DATE_OUT_OF_ERA = "date-out-of-era";
    /** A date before the first supported day (1873-01-01, 明治6年1月1日). */
    public static final String DATE_OUT_OF_RANGE = "date-out-of-range";
    /** A 住民記録 date text that is neither a date nor one of the 不詳日 forms. */
    public static final String INVALID_RESIDENT_DATE = "invalid-resident-date";
    /** A money amount that is negative or otherwise invalid. */
    public static final String INVALID_AMOUNT = "invalid-amount";
    /** A required value is missing (null or blank). */
    public static final String REQUIRED = "required";

    private final String code;

    public InvalidValueException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public InvalidValueException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Machine-readable error code, stable across releases. */
    public String code() {
        return code;
    }
}

package org.kiban.common;

/**
 * 個人番号 (My Number): 12 digits, the last one a check digit (総務省令第85号 §5).
 *
 * <p>個人番号 is 特定個人情報: {@link #toString()} never reveals it, so the number cannot leak into logs
 * or exception messages by accident. Use {@link #value()} only where the law allows the number to be used.
 *
 * @param value the twelve ASCII digits
 */
public record IndividualNumber(String value) {

    private static final String MASK = "************";

    public IndividualNumber {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException(InvalidValueException.REQUIRED, "個人番号が入力されていません。");
        }
        if (!CheckDigits.isDigits(value, 12)) {
            // the input is not echoed: it may be a real 個人番号 with a typo
            throw new InvalidValueException(InvalidValueException.INVALID_INDIVIDUAL_NUMBER,
                    "個人番号は12桁の半角数字で入力してください。");
        }
        if (!CheckDigits.isValidIndividualNumber(value)) {
            throw new InvalidValueException(InvalidValueException.INVALID_CHECK_DIGIT,
                    "個人番号の検査数字が正しくありません。");
        }
    }

    public static IndividualNumber of(String twelveDigits) {
        return new IndividualNumber(twelveDigits);
    }

    /** Twelve asterisks. */
    public String masked() {
        return MASK;
    }

    /** Masked: {@code "************"}. */
    @Override
    public String toString() {
        return MASK;
    }
}

package org.kiban.common;

/**
 * 住民票コード: 11 digits = 10 digits + 1 検査数字 (住民基本台帳法施行規則 §1), see
 * {@link CheckDigits#juminhyoCode(String)} for the formula and its verification status.
 *
 * @param value the eleven ASCII digits
 */
public record JuminhyoCode(String value) {

    public JuminhyoCode {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException(InvalidValueException.REQUIRED, "住民票コードが入力されていません。");
        }
        if (!CheckDigits.isDigits(value, 11)) {
            throw new InvalidValueException(InvalidValueException.INVALID_JUMINHYO_CODE,
                    "住民票コードは11桁の半角数字で入力してください。");
        }
        if (!CheckDigits.isValidJuminhyoCode(value)) {
            throw new InvalidValueException(InvalidValueException.INVALID_CHECK_DIGIT,
                    "住民票コードの検査数字が正しくありません。");
        }
    }

    public static JuminhyoCode of(String elevenDigits) {
        return new JuminhyoCode(elevenDigits);
    }

    @Override
    public String toString() {
        return value;
    }
}

package org.kiban.common;

/**
 * 全国地方公共団体コード: 6 digits = JIS X 0401 prefecture (2) + JIS X 0402 municipality (3) + 検査数字 (1).
 * The first primary-key column of every tenant table.
 *
 * <p>Instances always carry a correct check digit (総務省 全国地方公共団体コード仕様, see
 * {@link CheckDigits#lgCode(String)}). The prefecture part is not checked against the list 01–47, so that
 * test and dummy codes with a correct check digit remain usable.
 *
 * @param value the six ASCII digits
 */
public record LgCode(String value) {

    public LgCode {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException(InvalidValueException.REQUIRED, "全国地方公共団体コードが入力されていません。");
        }
        if (!CheckDigits.isDigits(value, 6)) {
            throw new InvalidValueException(InvalidValueException.INVALID_LG_CODE,
                    "全国地方公共団体コードは6桁の半角数字で入力してください。");
        }
        if (!CheckDigits.isValidLgCode(value)) {
            throw new InvalidValueException(InvalidValueException.INVALID_CHECK_DIGIT,
                    "全国地方公共団体コード「" + value + "」の検査数字が正しくありません。");
        }
    }

    /** Parses a 6-digit code with its check digit. */
    public static LgCode of(String sixDigits) {
        return new LgCode(sixDigits);
    }

    /** Builds the code from the 5-digit form (e.g. 国土数値情報 行政区域コード) by appending the check digit. */
    public static LgCode fromFiveDigits(String fiveDigits) {
        return new LgCode(fiveDigits + CheckDigits.lgCode(fiveDigits));
    }

    /** JIS X 0401 都道府県コード: the first two digits. */
    public String prefectureCode() {
        return value.substring(0, 2);
    }

    /** The 5-digit form without the check digit. */
    public String withoutCheckDigit() {
        return value.substring(0, 5);
    }

    @Override
    public String toString() {
        return value;
    }
}

package org.kiban.care.internal;

/**
 * The low-income line "T1" of the premium stages (本人非課税 stages 1・2・4・5): 介護保険法施行令第38条第1項第1号ロ etc.
 * It is law, the same for every municipality, and moves with the 老齢基礎年金 amount:
 * 80万円 to 令和6年度, 80.9万円 in 令和7年度 (施行令改正, 施行 2025-04-01), 82.65万円 in 令和8年度
 * (令和7年政令第394号, 施行 2026-04-01). A stage table refers to it as {@code "T1"}.
 */
public final class LowIncomeThreshold {

    /** The first 年度 whose line is known here (第6期, when the 80万円 line was already in the 政令). */
    public static final int FIRST_YEAR = 2015;
    /** The last 年度 whose line has been published. */
    public static final int LAST_YEAR = 2026;

    private LowIncomeThreshold() {
    }

    public static long forFiscalYear(int fiscalYear) {
        if (fiscalYear < FIRST_YEAR || fiscalYear > LAST_YEAR) {
            throw new CareInputException("fiscalYear", "低所得の基準額（介護保険法施行令第38条）が分かるのは" + FIRST_YEAR
                    + "〜" + LAST_YEAR + "年度です。");
        }
        if (fiscalYear >= 2026) {
            return 826_500;
        }
        if (fiscalYear == 2025) {
            return 809_000;
        }
        return 800_000;
    }

    /** 令和 year of a fiscal year, for texts (2026 → 8). */
    public static int reiwa(int fiscalYear) {
        return fiscalYear - 2018;
    }
}

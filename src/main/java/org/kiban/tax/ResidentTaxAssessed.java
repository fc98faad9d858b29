package org.kiban.tax;

/**
 * One person's 個人住民税 was assessed, or re-assessed (更正), for a 年度. Published through the outbox after the
 * result is stored; the care module derives 本人課税/非課税 and the income items of its premium stages from it.
 *
 * @param lgCode                the assessing municipality
 * @param taxYear               the 年度 (2026 = 令和8年度), taxing the income of {@code taxYear - 1}
 * @param atenaNo               the taxpayer's 宛名番号
 * @param version               the assessment's version for this person and year (1, then each 更正)
 * @param perCapitaLevied       均等割 is levied (not 非課税)
 * @param incomeLevyLevied      所得割 is levied (not 非課税)
 * @param totalIncome           合計所得金額 (yen)
 * @param publicPensionRevenue  公的年金等の収入金額 (taxable pensions only; yen)
 * @param publicPensionIncome   公的年金等に係る雑所得の金額 (yen)
 * @param reason                why this version was made (当初賦課, or the 更正's reason)
 */
public record ResidentTaxAssessed(String lgCode, int taxYear, String atenaNo, int version, boolean perCapitaLevied,
                                  boolean incomeLevyLevied, long totalIncome, long publicPensionRevenue,
                                  long publicPensionIncome, String reason) {

    /** 課税: either 均等割 or 所得割 is levied (介護保険法施行令第38条 speaks of 市町村民税が課されている者). */
    public boolean taxed() {
        return perCapitaLevied || incomeLevyLevied;
    }
}

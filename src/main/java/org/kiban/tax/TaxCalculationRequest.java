package org.kiban.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One taxpayer's facts for a 個人住民税 calculation (the contract of {@code POST /api/v1/tax/resident-tax/calculations}
 * and {@code kiban tax calc}). Amounts are yen; absent amounts are 0. Ages are taken on 31 December of the income
 * year ({@code taxYear - 1}).
 */
public record TaxCalculationRequest(Integer taxYear, Municipality municipality, Taxpayer taxpayer, Income income,
                                    Deductions deductions, Spouse spouse, List<Dependent> dependents,
                                    Credits credits) {

    /** The municipality of 1 January; {@code overrides} replace its parameters for this calculation only. */
    public record Municipality(String lgCode, Overrides overrides) {
    }

    /** @param livingCostGrade 生活保護の級地, e.g. {@code 2級地-1} */
    public record Overrides(BigDecimal cityRatePct, BigDecimal prefRatePct, Long cityPerCapita, Long prefPerCapita,
                            Long forestEnvironmentTax, String livingCostGrade) {
    }

    /**
     * @param sex              needed only for ひとり親 (調整控除 differs for a father and a mother)
     * @param publicAssistance 生活保護法の生活扶助を受けている (非課税)
     */
    public record Taxpayer(LocalDate birthDate, Disability disability, Boolean widow, Boolean singleParent,
                           Boolean workingStudent, Sex sex, Boolean publicAssistance) {
    }

    /**
     * @param businessIncome 事業・不動産等の所得 (収入 − 必要経費; may be a loss)
     * @param miscIncome     公的年金等以外の雑所得
     * @param dividendIncome 総合課税を選んだ配当所得
     */
    public record Income(Long salaryRevenue, Long pensionRevenue, Long businessIncome, Long miscIncome,
                         Long dividendIncome) {
    }

    /**
     * @param earthquakeInsurance  地震保険料 paid
     * @param oldLongTermInsurance 旧長期損害保険料 paid
     * @param medicalExpenses      医療費 paid less reimbursements (保険金等で補填される金額)
     * @param casualtyLoss         雑損控除 facts; absent: none
     */
    public record Deductions(Long socialInsurance, Long smallBusinessMutualAid, LifeInsurance lifeInsurance,
                             Long earthquakeInsurance, Long oldLongTermInsurance, Long medicalExpenses,
                             CasualtyLoss casualtyLoss) {

        public Deductions(Long socialInsurance, Long smallBusinessMutualAid, LifeInsurance lifeInsurance,
                          Long earthquakeInsurance, Long oldLongTermInsurance, Long medicalExpenses) {
            this(socialInsurance, smallBusinessMutualAid, lifeInsurance, earthquakeInsurance, oldLongTermInsurance,
                    medicalExpenses, null);
        }
    }

    /**
     * A loss of 生活に通常必要な資産 by disaster, theft or embezzlement in the income year (雑損控除).
     *
     * @param loss                    損失の金額, including the 災害関連支出
     * @param reimbursed              保険金、損害賠償金等で補填される金額
     * @param disasterRelatedExpenses the part of the 差引損失額 that is 災害関連支出 (its own reimbursement already
     *                                subtracted); at most {@code loss}
     */
    public record CasualtyLoss(Long loss, Long reimbursed, Long disasterRelatedExpenses) {
    }

    /** Premiums paid: contracts from 2012 (new) and before (old), per category; 介護医療 exists only as new. */
    public record LifeInsurance(Long newGeneral, Long oldGeneral, Long newCareMedical, Long newPension,
                                Long oldPension) {
    }

    /** @param totalIncome the spouse's 合計所得金額 */
    public record Spouse(LocalDate birthDate, Long totalIncome, Disability disability) {
    }

    /**
     * @param totalIncome     the relative's 合計所得金額
     * @param cohabiting      lives with the taxpayer (同居)
     * @param linealAscendant 直系尊属 (with {@code cohabiting}: 同居老親等)
     */
    public record Dependent(LocalDate birthDate, Long totalIncome, Disability disability, Boolean cohabiting,
                            Boolean linealAscendant) {
    }

    /**
     * @param housingLoan               住宅借入金等特別税額控除: the part of the income-tax credit not used against income tax
     * @param housingLoanIncomeTaxBase  所得税の課税総所得金額等 (the 5% cap's base); absent: the resident-tax 課税総所得金額
     * @param oneStopSpecialException   寄附金税額控除に係る申告特例 (ふるさと納税ワンストップ特例): every ふるさと納税 gift was
     *                                  declared with a 申告特例申告書 and the taxpayer files no return, so the
     *                                  income-tax share is credited against 所得割 as the 申告特例控除額
     */
    public record Credits(List<Donation> donations, Long housingLoan, Long housingLoanIncomeTaxBase,
                          Boolean oneStopSpecialException) {

        public Credits(List<Donation> donations, Long housingLoan, Long housingLoanIncomeTaxBase) {
            this(donations, housingLoan, housingLoanIncomeTaxBase, null);
        }
    }

    /** @param furusato ふるさと納税 (a gift to a 都道府県・市区町村): also earns the 特例控除 */
    public record Donation(Long amount, Boolean furusato) {
    }

    public enum Disability {
        NONE, GENERAL, SPECIAL, SPECIAL_COHABITING
    }

    public enum Sex {
        MALE, FEMALE
    }
}

package org.kiban.tax;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * The full breakdown of one taxpayer's 個人住民税 for a 年度 (yen). {@code annualTotal} = 所得割 (市+県) + 均等割 (市+県)
 * + 森林環境税. {@code explanation} lists every step in Japanese with its legal basis. Members added after results
 * were first stored read back as 0 when absent: stored versions are read whole and never rewritten.
 */
public record TaxCalculationResult(int taxYear, String ruleVersion, AppliedMunicipality municipality,
                                   long salaryIncome, long pensionIncome, long incomeAdjustmentDeduction,
                                   long totalIncome, long aggregateIncome, DeductionBreakdown deductions,
                                   long totalDeductions, long taxableIncome,
                                   long cityIncomeLevyBeforeCredits, long prefIncomeLevyBeforeCredits,
                                   long adjustmentCreditCity, long adjustmentCreditPref,
                                   long dividendCreditCity, long dividendCreditPref,
                                   long housingLoanCreditCity, long housingLoanCreditPref,
                                   long donationCreditCity, long donationCreditPref,
                                   @JsonSetter(nulls = Nulls.AS_EMPTY) long oneStopCreditCity,
                                   @JsonSetter(nulls = Nulls.AS_EMPTY) long oneStopCreditPref,
                                   long incomeLevyReliefCity, long incomeLevyReliefPref,
                                   long cityIncomeLevy, long prefIncomeLevy,
                                   long cityPerCapita, long prefPerCapita, long forestEnvironmentTax,
                                   Exemption exemption, long annualTotal, List<Step> explanation) {

    /** 所得控除 by kind (resident-tax amounts). */
    public record DeductionBreakdown(@JsonSetter(nulls = Nulls.AS_EMPTY) long casualtyLoss, long basic, long spouse, long spouseSpecial, long dependents,
                                     long specificRelative, long socialInsurance, long smallBusinessMutualAid,
                                     long lifeInsurance, long earthquakeInsurance, long medical, long disability,
                                     long widowOrSingleParent, long workingStudent) {

        public long total() {
            return casualtyLoss + basic + spouse + spouseSpecial + dependents + specificRelative + socialInsurance
                    + smallBusinessMutualAid + lifeInsurance + earthquakeInsurance + medical + disability
                    + widowOrSingleParent + workingStudent;
        }
    }

    /**
     * The local facts the calculation used.
     *
     * @param source {@code TENANT} (the tenant's parameters), {@code STANDARD} (not a tenant: the standard for its
     *               kind and prefecture); {@code +OVERRIDES} when the request replaced some
     */
    public record AppliedMunicipality(String lgCode, String name, BigDecimal cityRatePct, BigDecimal prefRatePct,
                                      long cityPerCapita, long prefPerCapita, long forestEnvironmentTax,
                                      String livingCostGrade, boolean designatedCitySplit, String source) {
    }

    /** One step: what was computed, the amount, how, and the article it follows. */
    public record Step(String item, long amount, String detail, String basis) {
    }

    public long incomeLevy() {
        return cityIncomeLevy + prefIncomeLevy;
    }

    public long perCapitaLevy() {
        return cityPerCapita + prefPerCapita;
    }
}

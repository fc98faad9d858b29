package org.kiban.tax.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.kiban.common.CheckDigits;
import org.kiban.platform.ProblemException;
import org.kiban.tax.ResidentTaxCalculation;
import org.kiban.tax.TaxCalculationRequest;
import org.kiban.tax.TaxCalculationResult;
import org.kiban.tax.TaxCalculationResult.AppliedMunicipality;
import org.kiban.tax.TaxParameters;
import org.kiban.tax.engine.ResidentTaxEngine;
import org.kiban.tax.engine.ResidentTaxRules;
import org.kiban.tax.engine.RuleSets;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.Municipalities;
import org.springframework.stereotype.Service;

/** Checks a request field by field (400 naming the field), resolves the municipality, runs the engine. */
@Service
class CalculationService implements ResidentTaxCalculation {

    /** Larger amounts are surely typing errors, and keep every product of the engine within a long. */
    static final long MAX_AMOUNT = 100_000_000_000L;

    private final Municipalities municipalities;
    private final MunicipalSettings settings;

    CalculationService(Municipalities municipalities, MunicipalSettings settings) {
        this.municipalities = municipalities;
        this.settings = settings;
    }

    @Override
    public TaxCalculationResult calculate(TaxCalculationRequest request) {
        ResidentTaxRules rules = validate(request);
        LocalGovernment lg = municipality(request.municipality().lgCode());
        AppliedMunicipality m = withOverrides(settings.of(lg, rules.taxYear()), request.municipality().overrides());
        return ResidentTaxEngine.calculate(rules, request, m);
    }

    private LocalGovernment municipality(String lgCode) {
        return municipalities.find(lgCode).filter(lg -> lg.kind().isMunicipality())
                .orElseThrow(() -> invalid("municipality.lgCode", "市区町村の全国地方公共団体コードではありません"));
    }

    static ProblemException invalid(String field, String reason) {
        return ProblemException.badRequest("invalid-tax-input", field, reason).with("field", field);
    }

    static AppliedMunicipality withOverrides(AppliedMunicipality m, TaxCalculationRequest.Overrides o) {
        if (o == null) {
            return m;
        }
        return new AppliedMunicipality(m.lgCode(), m.name(),
                o.cityRatePct() != null ? o.cityRatePct() : m.cityRatePct(),
                o.prefRatePct() != null ? o.prefRatePct() : m.prefRatePct(),
                o.cityPerCapita() != null ? o.cityPerCapita() : m.cityPerCapita(),
                o.prefPerCapita() != null ? o.prefPerCapita() : m.prefPerCapita(),
                o.forestEnvironmentTax() != null ? o.forestEnvironmentTax() : m.forestEnvironmentTax(),
                o.livingCostGrade() != null ? o.livingCostGrade() : m.livingCostGrade(),
                m.designatedCitySplit(), m.source() + "+OVERRIDES");
    }

    /** Every field the engine relies on; returns the 年度's rule set. */
    static ResidentTaxRules validate(TaxCalculationRequest in) {
        if (in.taxYear() == null) {
            throw invalid("taxYear", "課税年度を指定してください");
        }
        ResidentTaxRules rules = RuleSets.forYear(in.taxYear()).orElseThrow(() -> invalid("taxYear",
                "対応している年度は " + RuleSets.supportedYears() + " です"));
        LocalDate yearEnd = LocalDate.of(rules.incomeYear(), 12, 31);
        if (in.municipality() == null || in.municipality().lgCode() == null) {
            throw invalid("municipality.lgCode", "団体コードを指定してください");
        }
        if (!CheckDigits.isValidLgCode(in.municipality().lgCode())) {
            throw invalid("municipality.lgCode", "6桁・検査数字付きの団体コードではありません");
        }
        TaxCalculationRequest.Overrides o = in.municipality().overrides();
        if (o != null) {
            rate("municipality.overrides.cityRatePct", o.cityRatePct());
            rate("municipality.overrides.prefRatePct", o.prefRatePct());
            amount("municipality.overrides.cityPerCapita", o.cityPerCapita(), 100_000);
            amount("municipality.overrides.prefPerCapita", o.prefPerCapita(), 100_000);
            amount("municipality.overrides.forestEnvironmentTax", o.forestEnvironmentTax(), 100_000);
            if (o.livingCostGrade() != null && !TaxParameters.GRADES.contains(o.livingCostGrade())) {
                throw invalid("municipality.overrides.livingCostGrade", "次のいずれかです: " + TaxParameters.GRADES);
            }
        }
        TaxCalculationRequest.Taxpayer tp = in.taxpayer();
        if (tp == null) {
            throw invalid("taxpayer", "納税義務者を指定してください");
        }
        birthDate("taxpayer.birthDate", tp.birthDate(), yearEnd, true);
        if (Boolean.TRUE.equals(tp.singleParent()) && tp.sex() == null) {
            throw invalid("taxpayer.sex", "ひとり親の場合は性別（MALE / FEMALE）を指定してください（調整控除の額が異なります）");
        }
        TaxCalculationRequest.Income inc = in.income();
        if (inc != null) {
            amount("income.salaryRevenue", inc.salaryRevenue(), MAX_AMOUNT);
            amount("income.pensionRevenue", inc.pensionRevenue(), MAX_AMOUNT);
            if (inc.businessIncome() != null && Math.abs(inc.businessIncome()) > MAX_AMOUNT) {
                throw invalid("income.businessIncome", "金額が大きすぎます");
            }
            amount("income.miscIncome", inc.miscIncome(), MAX_AMOUNT);
            amount("income.dividendIncome", inc.dividendIncome(), MAX_AMOUNT);
        }
        TaxCalculationRequest.Deductions d = in.deductions();
        if (d != null) {
            amount("deductions.socialInsurance", d.socialInsurance(), MAX_AMOUNT);
            amount("deductions.smallBusinessMutualAid", d.smallBusinessMutualAid(), MAX_AMOUNT);
            amount("deductions.earthquakeInsurance", d.earthquakeInsurance(), MAX_AMOUNT);
            amount("deductions.oldLongTermInsurance", d.oldLongTermInsurance(), MAX_AMOUNT);
            amount("deductions.medicalExpenses", d.medicalExpenses(), MAX_AMOUNT);
            TaxCalculationRequest.CasualtyLoss cl = d.casualtyLoss();
            if (cl != null) {
                amount("deductions.casualtyLoss.loss", cl.loss(), MAX_AMOUNT);
                amount("deductions.casualtyLoss.reimbursed", cl.reimbursed(), MAX_AMOUNT);
                amount("deductions.casualtyLoss.disasterRelatedExpenses", cl.disasterRelatedExpenses(), MAX_AMOUNT);
                long loss = cl.loss() == null ? 0 : cl.loss();
                if (cl.disasterRelatedExpenses() != null && cl.disasterRelatedExpenses() > loss) {
                    throw invalid("deductions.casualtyLoss.disasterRelatedExpenses",
                            "災害関連支出の金額は損失の金額（災害関連支出を含む）以下で指定してください");
                }
            }
            TaxCalculationRequest.LifeInsurance li = d.lifeInsurance();
            if (li != null) {
                amount("deductions.lifeInsurance.newGeneral", li.newGeneral(), MAX_AMOUNT);
                amount("deductions.lifeInsurance.oldGeneral", li.oldGeneral(), MAX_AMOUNT);
                amount("deductions.lifeInsurance.newCareMedical", li.newCareMedical(), MAX_AMOUNT);
                amount("deductions.lifeInsurance.newPension", li.newPension(), MAX_AMOUNT);
                amount("deductions.lifeInsurance.oldPension", li.oldPension(), MAX_AMOUNT);
            }
        }
        if (in.spouse() != null) {
            birthDate("spouse.birthDate", in.spouse().birthDate(), yearEnd, true);
            amount("spouse.totalIncome", in.spouse().totalIncome(), MAX_AMOUNT);
        }
        List<TaxCalculationRequest.Dependent> deps = in.dependents() == null ? List.of() : in.dependents();
        if (deps.size() > 30) {
            throw invalid("dependents", "扶養親族は30人までです");
        }
        for (int i = 0; i < deps.size(); i++) {
            if (deps.get(i) == null) {
                throw invalid("dependents[" + i + "]", "値がありません");
            }
            birthDate("dependents[" + i + "].birthDate", deps.get(i).birthDate(), yearEnd, true);
            amount("dependents[" + i + "].totalIncome", deps.get(i).totalIncome(), MAX_AMOUNT);
        }
        TaxCalculationRequest.Credits c = in.credits();
        if (c != null) {
            amount("credits.housingLoan", c.housingLoan(), MAX_AMOUNT);
            amount("credits.housingLoanIncomeTaxBase", c.housingLoanIncomeTaxBase(), MAX_AMOUNT);
            List<TaxCalculationRequest.Donation> gifts = c.donations() == null ? List.of() : c.donations();
            if (gifts.size() > 1000) {
                throw invalid("credits.donations", "寄附は1,000件までです");
            }
            for (int i = 0; i < gifts.size(); i++) {
                if (gifts.get(i) == null || gifts.get(i).amount() == null) {
                    throw invalid("credits.donations[" + i + "].amount", "寄附金額を指定してください");
                }
                amount("credits.donations[" + i + "].amount", gifts.get(i).amount(), MAX_AMOUNT / 1000);
            }
        }
        return rules;
    }

    private static void amount(String field, Long value, long max) {
        if (value != null && (value < 0 || value > max)) {
            throw invalid(field, "0〜" + String.format("%,d", max) + " 円で指定してください");
        }
    }

    private static void rate(String field, BigDecimal pct) {
        if (pct != null && (pct.signum() < 0 || pct.compareTo(new BigDecimal("20")) > 0
                || pct.stripTrailingZeros().scale() > 3)) {
            throw invalid(field, "0〜20 の百分率（小数点以下3桁まで）で指定してください");
        }
    }

    private static void birthDate(String field, LocalDate date, LocalDate yearEnd, boolean required) {
        if (date == null) {
            if (required) {
                throw invalid(field, "生年月日（YYYY-MM-DD）を指定してください");
            }
            return;
        }
        if (date.isAfter(yearEnd) || date.getYear() < 1870) {
            throw invalid(field, "所得の年の12月31日（" + yearEnd + "）以前の生年月日を指定してください");
        }
    }
}

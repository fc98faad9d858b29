package org.kiban.care.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kiban.care.internal.StageTable.Household;
import org.kiban.care.internal.StageTable.Person;
import org.kiban.care.internal.StageTable.Stage;

/**
 * The 第1号保険料 of one person for one 年度: 基準額 × the stage's rate (介護保険法第129条, 施行令第38条・第39条),
 * rounded as the municipality rounds, and 月割 for the months insured (年額 × 月数 ÷ 12). Plain Java: every input
 * comes in, nothing is looked up.
 */
public final class PremiumEngine {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private PremiumEngine() {
    }

    /** 基準額 as the 条例 states it: per year or per month. */
    public record BaseAmount(long yen, Period period) {
        public enum Period { ANNUAL, MONTHLY }

        public BaseAmount {
            if (yen <= 0 || yen > 10_000_000) {
                throw new CareInputException(period == Period.MONTHLY ? "baseAmountMonthly" : "baseAmountAnnual",
                        "基準額は1円以上1,000万円以下です。");
            }
        }

        BigDecimal annual() {
            return period == Period.ANNUAL ? BigDecimal.valueOf(yen) : BigDecimal.valueOf(yen).multiply(TWELVE);
        }

        BigDecimal monthly() {
            return period == Period.MONTHLY ? BigDecimal.valueOf(yen)
                    : BigDecimal.valueOf(yen).divide(TWELVE, 10, RoundingMode.HALF_UP);
        }
    }

    /**
     * What the stage depends on, from the previous calendar year's income (the 年度's 市町村民税).
     *
     * @param pensionIncome            公的年金等に係る雑所得; null: derived from the revenue (所得税法第35条 table)
     * @param transferSpecialDeduction 租税特別措置法の長期・短期譲渡所得の特別控除額, taken off 合計所得金額 (平成30年度から)
     */
    public record Facts(LocalDate birthDate, boolean taxed, long totalIncome, long taxablePensionRevenue,
                        Long pensionIncome, long transferSpecialDeduction, boolean welfareRecipient,
                        boolean householdAnyTaxed) {
    }

    public record Outcome(int stage, String stageLabel, BigDecimal multiplier, BigDecimal multiplierBeforeReduction,
                          long fullYearPremium, Long monthlyPremium, int months, long annualPremium,
                          List<String> explanation) {
    }

    public static Outcome calculate(int fiscalYear, Facts f, StageTable table, BaseAmount base, Rounding rounding,
                                    Integer months) {
        long t1 = LowIncomeThreshold.forFiscalYear(fiscalYear);
        List<String> why = new ArrayList<>();
        why.add("令和" + LowIncomeThreshold.reiwa(fiscalYear) + "年度（" + fiscalYear + "年度）："
                + table.name() + "、低所得の基準額T1＝" + yen(t1) + "（介護保険法施行令第38条）");

        Household household = f.householdAnyTaxed() || f.taxed() ? Household.ANY_TAXED : Household.ALL_EXEMPT;
        Person person = f.taxed() ? Person.TAXED : Person.EXEMPT;
        why.add("本人" + (f.taxed() ? "課税" : "非課税") + "、世帯" + (household == Household.ANY_TAXED ? "に課税者あり" : "全員非課税")
                + (f.welfareRecipient() ? "、生活保護受給" : ""));

        long total = Math.max(0, f.totalIncome() - f.transferSpecialDeduction());
        long pensionIncome;
        if (f.pensionIncome() != null) {
            pensionIncome = f.pensionIncome();
        } else {
            boolean over65 = f.birthDate() == null
                    || !f.birthDate().plusYears(65).isAfter(LocalDate.of(fiscalYear - 1, 12, 31).plusDays(1));
            pensionIncome = PensionIncome.of(f.taxablePensionRevenue(), over65);
            why.add("公的年金等に係る雑所得：課税年金収入額" + yen(f.taxablePensionRevenue()) + "から公的年金等控除（"
                    + (over65 ? "65歳以上" : "65歳未満") + "）を引いて" + yen(pensionIncome));
        }
        long other = Math.max(0, total - pensionIncome);
        long judgement = f.taxablePensionRevenue() + other;
        if (f.transferSpecialDeduction() > 0) {
            why.add("合計所得金額" + yen(f.totalIncome()) + "から譲渡所得の特別控除額" + yen(f.transferSpecialDeduction())
                    + "を引いて" + yen(total));
        }
        if (person == Person.EXEMPT) {
            why.add("判定額＝課税年金収入額" + yen(f.taxablePensionRevenue()) + "＋その他の合計所得金額" + yen(other)
                    + "＝" + yen(judgement));
        } else {
            why.add("合計所得金額：" + yen(total));
        }

        Stage stage = table.classify(f.welfareRecipient(), household, person, judgement, total, t1);
        BigDecimal m = stage.appliedMultiplier();
        why.add("第" + stage.number() + "段階（" + stage.label() + "）：保険料率" + m.toPlainString()
                + (stage.reducedMultiplier() != null ? "（公費軽減前 " + stage.multiplier().toPlainString() + "）" : ""));

        long fullYear;
        Long monthly = null;
        if (rounding.basis() == Rounding.Basis.MONTHLY) {
            BigDecimal raw = base.monthly().multiply(m);
            monthly = rounding.apply(raw);
            fullYear = monthly * 12;
            why.add("月額：基準額（月額）" + plain(base.monthly()) + "円 × " + m.toPlainString() + " ＝ " + plain(raw) + "円 → "
                    + rounding.describe() + " → " + yen(monthly) + "、年額 ＝ 月額 × 12 ＝ " + yen(fullYear));
        } else {
            BigDecimal raw = base.annual().multiply(m);
            fullYear = rounding.apply(raw);
            why.add("年額：基準額（年額）" + plain(base.annual()) + "円 × " + m.toPlainString() + " ＝ " + plain(raw) + "円 → "
                    + rounding.describe() + " → " + yen(fullYear));
        }

        int k = months == null ? 12 : months;
        long annual = fullYear;
        if (k != 12) {
            if (monthly != null) {
                annual = monthly * k;
                why.add("月割：月額" + yen(monthly) + " × " + k + "か月 ＝ " + yen(annual));
            } else {
                BigDecimal raw = BigDecimal.valueOf(fullYear).multiply(BigDecimal.valueOf(k))
                        .divide(TWELVE, 10, RoundingMode.HALF_UP);
                annual = rounding.apply(raw);
                why.add("月割：年額" + yen(fullYear) + " × " + k + "か月 ÷ 12 ＝ " + plain(raw) + "円 → " + rounding.describe()
                        + " → " + yen(annual));
            }
        }
        return new Outcome(stage.number(), stage.label(), m, stage.multiplier(), fullYear, monthly, k, annual,
                List.copyOf(why));
    }

    static String yen(long yen) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(yen) + "円";
    }

    /** 19,741.95 (at most 4 decimals: a monthly base of an annual amount may not divide evenly). */
    private static String plain(BigDecimal d) {
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.####",
                java.text.DecimalFormatSymbols.getInstance(Locale.JAPAN));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(d);
    }
}

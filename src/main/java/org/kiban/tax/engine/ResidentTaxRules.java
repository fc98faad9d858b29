package org.kiban.tax.engine;

import org.kiban.tax.TaxCalculationRequest.Disability;

/**
 * The rules of the 個人住民税 for one 年度, each in one method named as the law names it, with its article. This
 * class holds the rules common to every supported year; a year's subclass adds its tables and overrides only what
 * its reform changed (adding a year never edits an older one). Pure Java: no I/O, no Spring.
 * <p>
 * Articles are of 地方税法 unless stated; 市町村民税 and 道府県民税 articles are given as 市/県 pairs.
 */
public abstract class ResidentTaxRules {

    /** 年度 (2026 = 令和8年度). */
    public abstract int taxYear();

    /** Identifies this rule set in stored results, so a result can be recomputed years later. */
    public String version() {
        return "FY" + taxYear() + ".1";
    }

    /** The income taxed is that of the preceding calendar year (第32条第1項・第313条第1項: 前年の所得). */
    public final int incomeYear() {
        return taxYear() - 1;
    }

    // ---- 所得 ------------------------------------------------------------------------------------------------

    /** 給与所得の金額: 所得税法第28条・別表第五 (第32条第2項・第313条第2項: 所得税法の例による). */
    public abstract long salaryIncome(long salaryRevenue);

    /** 別表第五: below 6,600,000 yen revenue is grouped in 4,000-yen steps (A÷4 千円未満切捨て ×4). */
    protected static long grouped(long revenue) {
        return revenue / 4000 * 4000;
    }

    /**
     * 公的年金等に係る雑所得: 所得税法第35条第4項 and 租税特別措置法第41条の15の3 (65歳以上). The deduction shrinks by
     * 100,000 when the other 合計所得金額 exceeds 10,000,000 yen and by 200,000 above 20,000,000 yen.
     */
    public long publicPensionIncome(long revenue, boolean aged65OrOver, long otherTotalIncome) {
        if (revenue <= 0) {
            return 0;
        }
        long shrink = otherTotalIncome > 20_000_000 ? 200_000 : otherTotalIncome > 10_000_000 ? 100_000 : 0;
        long income;
        if (aged65OrOver && revenue < 3_300_000) {
            income = revenue - (1_100_000 - shrink);
        } else if (!aged65OrOver && revenue < 1_300_000) {
            income = revenue - (600_000 - shrink);
        } else if (revenue < 4_100_000) {
            income = revenue * 75 / 100 - 275_000 + shrink;
        } else if (revenue < 7_700_000) {
            income = revenue * 85 / 100 - 685_000 + shrink;
        } else if (revenue < 10_000_000) {
            income = revenue * 95 / 100 - 1_455_000 + shrink;
        } else {
            income = revenue - (1_955_000 - shrink);
        }
        return Math.max(0, income);
    }

    /**
     * 所得金額調整控除 (a), 租税特別措置法第41条の3の3第1項 (住民税も同じ, 地方税法附則第3条の3の2相当): 給与収入 over
     * 8,500,000 yen with a 特別障害者 or a dependant under 23: (min(収入, 10,000,000) − 8,500,000) × 10%, 1円未満切上げ.
     */
    public long incomeAdjustmentForCarers(long salaryRevenue, boolean qualifies) {
        if (!qualifies || salaryRevenue <= 8_500_000) {
            return 0;
        }
        long base = Math.min(salaryRevenue, 10_000_000) - 8_500_000;
        return (base + 9) / 10;
    }

    /**
     * 所得金額調整控除 (b), 同条第2項: both 給与所得 and 公的年金等に係る雑所得: min(給与所得, 100,000) + min(年金所得, 100,000)
     * − 100,000.
     */
    public long incomeAdjustmentForPensioners(long salaryIncome, long pensionIncome) {
        if (salaryIncome <= 0 || pensionIncome <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(salaryIncome, 100_000) + Math.min(pensionIncome, 100_000) - 100_000);
    }

    // ---- 所得控除 (第34条第1項・第314条の2第1項) ------------------------------------------------------------------

    /** 基礎控除, 第34条第2項・第314条の2第2項: by the taxpayer's 合計所得金額. */
    public long basicDeduction(long totalIncome) {
        if (totalIncome <= 24_000_000) {
            return 430_000;
        }
        if (totalIncome <= 24_500_000) {
            return 290_000;
        }
        if (totalIncome <= 25_000_000) {
            return 150_000;
        }
        return 0;
    }

    /** The 合計所得金額 up to which a spouse is 同一生計配偶者 and a relative a 扶養親族. */
    public abstract long dependantIncomeLimit();

    /** 配偶者控除, 第314条の2第1項第10号: 70歳以上 is 老人控除対象配偶者; reduced above 9,000,000 yen of the taxpayer's income. */
    public long spouseDeduction(long taxpayerIncome, long spouseIncome, boolean spouse70OrOver) {
        if (spouseIncome > dependantIncomeLimit() || taxpayerIncome > 10_000_000) {
            return 0;
        }
        int tier = taxpayerTier(taxpayerIncome);
        return spouse70OrOver ? new long[] {380_000, 260_000, 130_000}[tier] : new long[] {330_000, 220_000, 110_000}[tier];
    }

    /** 0: ≤ 9,000,000; 1: ≤ 9,500,000; 2: ≤ 10,000,000 (the three columns of the spouse tables). */
    protected static int taxpayerTier(long taxpayerIncome) {
        return taxpayerIncome <= 9_000_000 ? 0 : taxpayerIncome <= 9_500_000 ? 1 : 2;
    }

    private static final long[] SPOUSE_SPECIAL_UPPER = {1_000_000, 1_050_000, 1_100_000, 1_150_000, 1_200_000, 1_250_000,
            1_300_000, 1_330_000};
    private static final long[][] SPOUSE_SPECIAL_AMOUNT = {
            {330_000, 310_000, 260_000, 210_000, 160_000, 110_000, 60_000, 30_000},
            {220_000, 210_000, 180_000, 140_000, 110_000, 80_000, 40_000, 20_000},
            {110_000, 110_000, 90_000, 70_000, 60_000, 40_000, 20_000, 10_000}};

    /** 配偶者特別控除, 第314条の2第1項第10号の2: spouse income above the limit up to 1,330,000 yen. */
    public long spouseSpecialDeduction(long taxpayerIncome, long spouseIncome) {
        if (spouseIncome <= dependantIncomeLimit() || spouseIncome > 1_330_000 || taxpayerIncome > 10_000_000) {
            return 0;
        }
        int tier = taxpayerTier(taxpayerIncome);
        for (int i = 0; i < SPOUSE_SPECIAL_UPPER.length; i++) {
            if (spouseIncome <= SPOUSE_SPECIAL_UPPER[i]) {
                return SPOUSE_SPECIAL_AMOUNT[tier][i];
            }
        }
        return 0;
    }

    /** Kinds of 扶養親族 (第314条の2第1項第11号・第3項・第4号), by age on 31 December. */
    public enum DependantKind {
        /** 16歳未満: no deduction, but counts for 非課税 and 障害者控除. */
        YOUNG, GENERAL, SPECIFIED, ELDERLY, ELDERLY_COHABITING_PARENT
    }

    public DependantKind dependantKind(int age, boolean cohabitingLinealAscendant) {
        if (age < 16) {
            return DependantKind.YOUNG;
        }
        if (age >= 19 && age <= 22) {
            return DependantKind.SPECIFIED;
        }
        if (age >= 70) {
            return cohabitingLinealAscendant ? DependantKind.ELDERLY_COHABITING_PARENT : DependantKind.ELDERLY;
        }
        return DependantKind.GENERAL;
    }

    /** 扶養控除, 第314条の2第1項第11号. */
    public long dependantDeduction(DependantKind kind) {
        switch (kind) {
            case YOUNG: return 0;
            case SPECIFIED: return 450_000;
            case ELDERLY: return 380_000;
            case ELDERLY_COHABITING_PARENT: return 450_000;
            default: return 330_000;
        }
    }

    /** 特定親族特別控除 (令和8年度から, 第314条の2第1項第11号の2): none before. */
    public long specificRelativeDeduction(long taxpayerIncome, int age, long relativeIncome) {
        return 0;
    }

    /** 障害者控除, 第314条の2第1項第6号: 同居特別障害者 applies only to a spouse or dependant. */
    public long disabilityDeduction(Disability d, boolean self) {
        switch (d) {
            case GENERAL: return 260_000;
            case SPECIAL: return 300_000;
            case SPECIAL_COHABITING: return self ? 300_000 : 530_000;
            default: return 0;
        }
    }

    /** 寡婦控除 (第8号) and ひとり親控除 (第8号の2): the taxpayer's 合計所得金額 at most 5,000,000 yen. */
    public long widowOrSingleParentDeduction(boolean widow, boolean singleParent, long totalIncome) {
        if (totalIncome > 5_000_000) {
            return 0;
        }
        return singleParent ? 300_000 : widow ? 260_000 : 0;
    }

    public abstract long workingStudentIncomeLimit();

    /** 勤労学生控除, 第314条の2第1項第9号. */
    public long workingStudentDeduction(boolean workingStudent, long totalIncome) {
        return workingStudent && totalIncome <= workingStudentIncomeLimit() ? 260_000 : 0;
    }

    /** 生命保険料控除 for contracts from 2012, one category (第314条の2第1項第5号, 第5項第1号); 1円未満切上げ. */
    public long lifeInsuranceNew(long paid) {
        if (paid <= 12_000) {
            return paid;
        }
        if (paid <= 32_000) {
            return ceilDiv(paid, 2) + 6_000;
        }
        if (paid <= 56_000) {
            return ceilDiv(paid, 4) + 14_000;
        }
        return 28_000;
    }

    /** 生命保険料控除 for contracts before 2012, one category (同項第2号). */
    public long lifeInsuranceOld(long paid) {
        if (paid <= 15_000) {
            return paid;
        }
        if (paid <= 40_000) {
            return ceilDiv(paid, 2) + 7_500;
        }
        if (paid <= 70_000) {
            return ceilDiv(paid, 4) + 17_500;
        }
        return 35_000;
    }

    /** One category with both kinds: the old alone, or both together up to 28,000 (同項第3号). */
    public long lifeInsuranceCategory(long newPaid, long oldPaid) {
        long n = lifeInsuranceNew(newPaid);
        long o = lifeInsuranceOld(oldPaid);
        if (newPaid > 0 && oldPaid > 0) {
            return Math.max(o, Math.min(n + o, 28_000));
        }
        return n + o;
    }

    /** 生命保険料控除 total: at most 70,000 yen (第314条の2第7項). */
    public long lifeInsuranceDeduction(long general, long careMedical, long pension) {
        return Math.min(70_000, general + careMedical + pension);
    }

    /** 地震保険料控除, 第314条の2第1項第5号の2: half of 地震保険料 (≤ 25,000) plus 旧長期損害保険料, together ≤ 25,000. */
    public long earthquakeInsuranceDeduction(long earthquakePaid, long oldLongTermPaid) {
        long e = Math.min(25_000, ceilDiv(earthquakePaid, 2));
        long l = oldLongTermPaid <= 5_000 ? oldLongTermPaid
                : oldLongTermPaid <= 15_000 ? ceilDiv(oldLongTermPaid, 2) + 2_500 : 10_000;
        return Math.min(25_000, e + l);
    }

    /**
     * 雑損控除, 第314条の2第1項第1号 (所得税法第72条第1項の例): the larger of 差引損失額 − 総所得金額等 × 1/10 and
     * 差引損失額のうち災害関連支出の金額 − 50,000 yen; 差引損失額 = 損失の金額 − 保険金等で補填される金額. The 1/10 is
     * rounded up to the yen, so the deduction never exceeds the exact amount. It is the first 所得控除 (所得税法第87条);
     * the part it cannot absorb (雑損失の繰越控除, 第313条第9項) is not supported.
     */
    public long casualtyLossDeduction(long loss, long reimbursed, long disasterRelatedExpenses, long aggregateIncome) {
        long net = Math.max(0, loss - reimbursed);
        if (net == 0) {
            return 0;
        }
        long overTenth = net - ceilDiv(Math.max(0, aggregateIncome), 10);
        long disaster = Math.min(Math.max(0, disasterRelatedExpenses), net) - 50_000;
        return Math.max(0, Math.max(overTenth, disaster));
    }

    /** 医療費控除, 第314条の2第1項第2号: beyond min(100,000, 総所得金額等 × 5%), at most 2,000,000 yen. */
    public long medicalDeduction(long netPaid, long aggregateIncome) {
        long floor = Math.min(100_000, Math.max(0, aggregateIncome) * 5 / 100);
        return Math.max(0, Math.min(2_000_000, netPaid - floor));
    }

    // ---- 課税標準と所得割 -----------------------------------------------------------------------------------------

    /** 課税総所得金額: 1,000円未満切捨て (第20条の4の2第1項). */
    public long taxableIncome(long aggregateIncome, long totalDeductions) {
        return Math.max(0, aggregateIncome - totalDeductions) / 1000 * 1000;
    }

    /** 算出所得割: 課税総所得金額 × rate, 1円未満切捨て (第35条・第314条の3). Rates in thousandths of a percent. */
    public long incomeLevy(long taxableIncome, long rateMilliPct) {
        return taxableIncome * rateMilliPct / 100_000;
    }

    /** 人的控除額の差 of 第37条第1号イ・第314条の6第1号イ, by item. */
    public long personalDeductionDifferenceBasic() {
        return 50_000;
    }

    public long personalDeductionDifferenceSpouse(long taxpayerIncome, boolean spouse70OrOver) {
        int tier = taxpayerTier(taxpayerIncome);
        return spouse70OrOver ? new long[] {100_000, 60_000, 30_000}[tier] : new long[] {50_000, 40_000, 20_000}[tier];
    }

    /** 配偶者特別控除 差: only at the bottom of the band. */
    public abstract long personalDeductionDifferenceSpouseSpecial(long taxpayerIncome, long spouseIncome);

    public long personalDeductionDifferenceDependant(DependantKind kind) {
        switch (kind) {
            case YOUNG: return 0;
            case SPECIFIED: return 180_000;
            case ELDERLY: return 100_000;
            case ELDERLY_COHABITING_PARENT: return 130_000;
            default: return 50_000;
        }
    }

    /** 特定親族特別控除 差: none before 令和8年度. */
    public long personalDeductionDifferenceSpecificRelative(long relativeIncome) {
        return 0;
    }

    public long personalDeductionDifferenceDisability(Disability d) {
        switch (d) {
            case GENERAL: return 10_000;
            case SPECIAL: return 100_000;
            case SPECIAL_COHABITING: return 220_000;
            default: return 0;
        }
    }

    /** 寡婦 10,000; ひとり親 the mother 50,000, the father 10,000 (施行令第48条の7の2). */
    public long personalDeductionDifferenceWidowOrSingleParent(boolean widow, boolean singleParent, boolean father) {
        if (singleParent) {
            return father ? 10_000 : 50_000;
        }
        return widow ? 10_000 : 0;
    }

    public long personalDeductionDifferenceWorkingStudent() {
        return 10_000;
    }

    /**
     * 調整控除, 第37条・第314条の6 (合計所得金額 ≤ 25,000,000): ≤ 2,000,000 yen 合計課税所得金額: min(差, 課税所得) × 5%;
     * above: max(差 − (課税所得 − 2,000,000), 50,000) × 5%. Returns the base; the 5% is split 市/県 by the caller.
     */
    public long adjustmentCreditBase(long totalIncome, long taxableIncome, long personalDifference) {
        if (totalIncome > 25_000_000 || taxableIncome <= 0) {
            return 0;
        }
        if (taxableIncome <= 2_000_000) {
            return Math.min(personalDifference, taxableIncome);
        }
        return Math.max(personalDifference - (taxableIncome - 2_000_000), 50_000);
    }

    /** 調整控除 rates in thousandths of a percent: 市3%・県2%, 指定都市 市4%・県1% (第37条・第314条の6). */
    public long[] adjustmentCreditRates(boolean designatedCity) {
        return designatedCity ? new long[] {4_000, 1_000} : new long[] {3_000, 2_000};
    }

    /**
     * 配当控除, 附則第5条: 配当所得 × 2.8% (市1.6%・県1.2%; 指定都市 2.24%・0.56%) for the part of 課税総所得金額 up to
     * 10,000,000 yen, half those rates above. Rates in thousandths of a percent: {city, pref}.
     */
    public long[] dividendCredit(long dividendIncome, long taxableIncome, boolean designatedCity) {
        if (dividendIncome <= 0 || taxableIncome <= 0) {
            return new long[] {0, 0};
        }
        long[] full = designatedCity ? new long[] {2_240, 560} : new long[] {1_600, 1_200};
        long within = Math.max(0, Math.min(dividendIncome, 10_000_000 - (taxableIncome - dividendIncome)));
        long above = dividendIncome - within;
        return new long[] {(within * full[0] + above * full[0] / 2) / 100_000,
                (within * full[1] + above * full[1] / 2) / 100_000};
    }

    /**
     * 住宅借入金等特別税額控除, 附則第5条の4の2: min(所得税で控除しきれなかった額, 所得税の課税総所得金額等 × 5%, 97,500),
     * 市3/5・県2/5 (指定都市 4/5・1/5).
     */
    public long[] housingLoanCredit(long unusedIncomeTaxCredit, long incomeTaxBase, boolean designatedCity) {
        long total = Math.min(unusedIncomeTaxCredit, Math.min(incomeTaxBase * 5 / 100, 97_500));
        if (total <= 0) {
            return new long[] {0, 0};
        }
        long city = designatedCity ? total * 4 / 5 : total * 3 / 5;
        return new long[] {city, total - city};
    }

    /**
     * 寄附金税額控除 基本控除額, 第37条の2第1項・第314条の7第1項: (min(寄附金, 総所得金額等 × 30%) − 2,000) × 10%
     * (市6%・県4%; 指定都市 市8%・県2%). Rates in thousandths of a percent: {city, pref}.
     */
    public long[] donationBasicRates(boolean designatedCity) {
        return designatedCity ? new long[] {8_000, 2_000} : new long[] {6_000, 4_000};
    }

    public long donationBasicBase(long donations, long aggregateIncome) {
        long capped = Math.min(donations, Math.max(0, aggregateIncome) * 30 / 100);
        return Math.max(0, capped - 2_000);
    }

    /**
     * 特例控除割合 (ふるさと納税), 第37条の2第2項・第314条の7第2項, 附則第5条の6 (復興特別所得税を含む): keyed on
     * 課税総所得金額 − 人的控除差調整額; 90% − 所得税率 × 1.021, in thousandths of a percent.
     */
    public long furusatoSpecialRatio(long taxableIncome, long personalDifference) {
        long x = taxableIncome - personalDifference;
        if (x < 0) {
            return 90_000;
        }
        if (x <= 1_950_000) {
            return 84_895;
        }
        if (x <= 3_300_000) {
            return 79_790;
        }
        if (x <= 6_950_000) {
            return 69_580;
        }
        if (x <= 9_000_000) {
            return 66_517;
        }
        if (x <= 18_000_000) {
            return 56_307;
        }
        if (x <= 40_000_000) {
            return 49_160;
        }
        return 44_055;
    }

    /**
     * 申告特例控除額 (ふるさと納税ワンストップ特例), 附則第5条の7: 特例控除額 × the 割合 of its table, keyed like the
     * 特例控除割合 on 課税総所得金額 − 人的控除差調整額: 1,950,000以下 5.105/84.895, 3,300,000以下 10.21/79.79,
     * 6,950,000以下 20.42/69.58, 9,000,000以下 23.483/66.517, above 33.693/56.307 (the statute's table has five rows;
     * the 40% and 45% income-tax bands are not distinguished). Below zero the table does not apply: none. Returns
     * {numerator, denominator} in thousandths of a percent.
     */
    public long[] oneStopSpecialExceptionRatio(long taxableIncome, long personalDifference) {
        long x = taxableIncome - personalDifference;
        if (x < 0) {
            return new long[] {0, 1};
        }
        if (x <= 1_950_000) {
            return new long[] {5_105, 84_895};
        }
        if (x <= 3_300_000) {
            return new long[] {10_210, 79_790};
        }
        if (x <= 6_950_000) {
            return new long[] {20_420, 69_580};
        }
        if (x <= 9_000_000) {
            return new long[] {23_483, 66_517};
        }
        return new long[] {33_693, 56_307};
    }

    /** The 特例控除 is split 市3/5・県2/5 (指定都市 4/5・1/5) and capped at 20% of each 所得割 after 調整控除 (同条第3項). */
    public long[] furusatoSpecialShares(boolean designatedCity) {
        return designatedCity ? new long[] {4, 1} : new long[] {3, 2};
    }

    // ---- 非課税 --------------------------------------------------------------------------------------------------

    /**
     * 均等割 非課税 (第295条第3項, 施行令第47条の3): 合計所得金額 ≤ 350,000 × r × (n+1) + 100,000 (+ 210,000 × r with
     * dependants), r = 1.0 / 0.9 / 0.8 by 級地 (1/2/3級地), n = 同一生計配偶者 + 扶養親族.
     */
    public long perCapitaExemptionLimit(int grade, int dependants) {
        long r = grade == 1 ? 10 : grade == 2 ? 9 : 8;
        long limit = 35_000 * r * (dependants + 1) + 100_000;
        if (dependants > 0) {
            limit += 21_000 * r;
        }
        return limit;
    }

    /** 所得割 非課税 (附則第3条の3第1項): 総所得金額等 ≤ 350,000 × (n+1) + 100,000 (+ 320,000 with dependants). */
    public long incomeLevyExemptionLimit(int dependants) {
        return 350_000L * (dependants + 1) + 100_000 + (dependants > 0 ? 320_000 : 0);
    }

    /** 障害者・未成年者・寡婦・ひとり親 with 合計所得金額 ≤ 1,350,000 yen: 非課税 (第295条第1項第2号). */
    public long personalExemptionIncomeLimit() {
        return 1_350_000;
    }

    /** 未成年者: under 18 on 1 January of the 年度 (賦課期日; 民法第4条). */
    public int ageOfMajority() {
        return 18;
    }

    // ---- 均等割・森林環境税 --------------------------------------------------------------------------------------

    /** 均等割 standard: 市町村民税 3,000 (第310条), 道府県民税 1,000 (第38条); 森林環境税 1,000 (森林環境税法第5条). */
    public long standardCityPerCapita() {
        return 3_000;
    }

    public long standardPrefPerCapita() {
        return 1_000;
    }

    public long forestEnvironmentTax() {
        return 1_000;
    }

    /** 所得割: 100円未満切捨て (第20条の4の2第3項). */
    public static long roundDownTo100(long amount) {
        return Math.max(0, amount) / 100 * 100;
    }

    protected static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}

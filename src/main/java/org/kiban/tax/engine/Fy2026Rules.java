package org.kiban.tax.engine;

/**
 * 令和8年度 (income of 2025): the 令和7年度税制改正 — 給与所得控除 minimum 650,000 yen, dependant limits 580,000 yen,
 * 勤労学生 850,000 yen, the new 特定親族特別控除. 基礎控除 stays 430,000 yen for the resident tax.
 */
public class Fy2026Rules extends Fy2025Rules {

    @Override
    public int taxYear() {
        return 2026;
    }

    /** 所得税法別表第五 (令和7年分以後): minimum 650,000 yen up to 1,900,000 yen revenue; 4,000-yen steps from there. */
    @Override
    public long salaryIncome(long a) {
        if (a < 651_000) {
            return 0;
        }
        if (a < 1_900_000) {
            return a - 650_000;
        }
        long b = grouped(a);
        if (a < 3_600_000) {
            return b * 70 / 100 - 80_000;
        }
        if (a < 6_600_000) {
            return b * 80 / 100 - 440_000;
        }
        if (a < 8_500_000) {
            return a * 90 / 100 - 1_100_000;
        }
        return a - 1_950_000;
    }

    @Override
    public long dependantIncomeLimit() {
        return 580_000;
    }

    @Override
    public long workingStudentIncomeLimit() {
        return 850_000;
    }

    /**
     * UNVERIFIED: the 令和8年度 wording of 第37条第1号イ for 配偶者特別控除 was not seen; the bands are taken to move
     * with the 580,000-yen limit as they did in 令和3年度 (380,000 → 480,000).
     */
    @Override
    public long personalDeductionDifferenceSpouseSpecial(long taxpayerIncome, long spouseIncome) {
        return spouseSpecialDifference(taxpayerIncome, spouseIncome, dependantIncomeLimit());
    }

    private static final long[] SPECIFIC_RELATIVE_UPPER = {950_000, 1_000_000, 1_050_000, 1_100_000, 1_150_000,
            1_200_000, 1_230_000};
    private static final long[] SPECIFIC_RELATIVE_AMOUNT = {450_000, 410_000, 310_000, 210_000, 110_000, 60_000, 30_000};

    /**
     * 特定親族特別控除 (第314条の2第1項第11号の2, 令和8年度から): a relative aged 19–22 whose 合計所得金額 is over
     * 580,000 and at most 1,230,000 yen, for a taxpayer with 合計所得金額 at most 10,000,000 yen.
     */
    @Override
    public long specificRelativeDeduction(long taxpayerIncome, int age, long relativeIncome) {
        if (age < 19 || age > 22 || taxpayerIncome > 10_000_000 || relativeIncome <= dependantIncomeLimit()
                || relativeIncome > 1_230_000) {
            return 0;
        }
        for (int i = 0; i < SPECIFIC_RELATIVE_UPPER.length; i++) {
            if (relativeIncome <= SPECIFIC_RELATIVE_UPPER[i]) {
                return SPECIFIC_RELATIVE_AMOUNT[i];
            }
        }
        return 0;
    }

    /**
     * UNVERIFIED: 人的控除額の差 for 特定親族特別控除 taken as the income-tax amount (630,000 / 610,000 / 510,000)
     * minus the resident-tax 450,000 yen; the statute's table was not seen.
     */
    @Override
    public long personalDeductionDifferenceSpecificRelative(long relativeIncome) {
        if (relativeIncome <= dependantIncomeLimit() || relativeIncome > 950_000) {
            return 0;
        }
        return relativeIncome <= 850_000 ? 180_000 : relativeIncome <= 900_000 ? 160_000 : 60_000;
    }
}

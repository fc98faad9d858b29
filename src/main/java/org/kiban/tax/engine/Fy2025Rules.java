package org.kiban.tax.engine;

/** 令和7年度 (income of 2024): the tables as they stood before the 令和7年度税制改正. */
public class Fy2025Rules extends ResidentTaxRules {

    @Override
    public int taxYear() {
        return 2025;
    }

    /**
     * 所得税法別表第五 (令和2年分以後, before the 2025 reform): 給与所得控除 minimum 550,000 yen; a few fixed amounts
     * between 1,619,000 and 1,627,999 yen; 4,000-yen steps from 1,628,000 to 6,599,999 yen.
     */
    @Override
    public long salaryIncome(long a) {
        if (a < 551_000) {
            return 0;
        }
        if (a < 1_619_000) {
            return a - 550_000;
        }
        if (a < 1_620_000) {
            return 1_069_000;
        }
        if (a < 1_622_000) {
            return 1_070_000;
        }
        if (a < 1_624_000) {
            return 1_072_000;
        }
        if (a < 1_628_000) {
            return 1_074_000;
        }
        long b = grouped(a);
        if (a < 1_800_000) {
            return b * 60 / 100 + 100_000;
        }
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

    /** 同一生計配偶者・扶養親族: 合計所得金額 480,000 yen or less (第292条第1項第7号・第9号). */
    @Override
    public long dependantIncomeLimit() {
        return 480_000;
    }

    /** 勤労学生: 合計所得金額 750,000 yen or less (第292条第1項第11号). */
    @Override
    public long workingStudentIncomeLimit() {
        return 750_000;
    }

    /** 第37条第1号イ: spouse income over 480,000 and under 500,000: 50,000/40,000/20,000; under 550,000: 30,000/20,000/10,000. */
    @Override
    public long personalDeductionDifferenceSpouseSpecial(long taxpayerIncome, long spouseIncome) {
        return spouseSpecialDifference(taxpayerIncome, spouseIncome, dependantIncomeLimit());
    }

    /** The 配偶者特別控除 差 bands start at the dependant limit: +20,000 yen (full), +70,000 yen (reduced). */
    protected static long spouseSpecialDifference(long taxpayerIncome, long spouseIncome, long limit) {
        if (taxpayerIncome > 10_000_000 || spouseIncome <= limit) {
            return 0;
        }
        int tier = taxpayerTier(taxpayerIncome);
        if (spouseIncome < limit + 20_000) {
            return new long[] {50_000, 40_000, 20_000}[tier];
        }
        if (spouseIncome < limit + 70_000) {
            return new long[] {30_000, 20_000, 10_000}[tier];
        }
        return 0;
    }
}

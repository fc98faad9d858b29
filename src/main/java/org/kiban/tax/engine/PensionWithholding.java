package org.kiban.tax.engine;

import java.time.LocalDate;

/**
 * 公的年金等に係る所得に係る個人の市町村民税の特別徴収 (地方税法第321条の7の2〜第321条の7の8; the 道府県民税 follows
 * through 第41条): the tax on a pensioner's 公的年金等に係る所得 withheld from the 老齢等年金給付 at its six payments
 * (April, June, August, October, December, February). Pure rules; the assessment decides who and stores the result.
 */
public final class PensionWithholding {

    /** 老齢等年金給付の年額 below which nothing is withheld (第321条の7の2第1項 and its 施行令: 18万円). */
    public static final long MINIMUM_PENSION = 180_000;
    /** Age on 1 April of the 年度 (当該年度の初日) from which the rule applies (第321条の7の2第1項: 65歳以上). */
    public static final int MINIMUM_AGE = 65;

    private PensionWithholding() {
    }

    /** The months of the six payments, in order: April … February of the next year. */
    public static final int[] MONTHS = {4, 6, 8, 10, 12, 2};

    /**
     * One 年度's schedule, in the order of {@link #MONTHS}. {@code firstYear}: June and August are 普通徴収 paid by the
     * taxpayer (nothing in April); otherwise April to August are 仮特別徴収. {@code refund} is what the 仮特別徴収 took
     * beyond the 年度's amount (then nothing is withheld from October).
     */
    public record Schedule(boolean firstYear, long annual, long[] amounts, long refund) {

        public long ordinaryPart() {
            return firstYear ? amounts[1] + amounts[2] : 0;
        }

        public long withheld() {
            long sum = 0;
            for (long a : amounts) {
                sum += a;
            }
            return sum - ordinaryPart();
        }
    }

    /**
     * 特別徴収対象年金所得者 (第321条の7の2第1項): aged 65 or more on 1 April of the 年度, receiving a 老齢等年金給付 of
     * 180,000 yen a year or more from which the 介護保険料 is withheld (介護保険法第135条), and a withheld amount not
     * above that 年額.
     */
    public static boolean applies(LocalDate birthDate, int taxYear, long oldAgePensionPerYear,
                                  boolean carePremiumWithheld, long pensionPortion) {
        return ResidentTaxEngine.ageOn(birthDate, LocalDate.of(taxYear, 4, 1)) >= MINIMUM_AGE
                && oldAgePensionPerYear >= MINIMUM_PENSION && carePremiumWithheld
                && pensionPortion > 0 && pensionPortion <= oldAgePensionPerYear;
    }

    /**
     * 公的年金等に係る所得に係る所得割額: the 所得割 less the 所得割 computed as if there were no 公的年金等 (京丹後市
     * 「公的年金特別徴収」 例1: 年税額 − 給与所得のみの場合の仮計算), never negative.
     */
    public static long pensionIncomeLevy(long incomeLevy, long incomeLevyWithoutPension) {
        return Math.max(0, incomeLevy - incomeLevyWithoutPension);
    }

    /**
     * The first 年度 (第321条の7の2): half the amount by 普通徴収 in June and August, a quarter each;
     * the rest withheld in October, December and February, a third each. Amounts are whole hundreds of yen, the
     * fractions in October (輪之内町: 端数金額は10月).
     */
    public static Schedule firstYear(long annual) {
        long quarter = hundreds(annual / 4);
        long rest = annual - 2 * quarter;
        long third = hundreds(rest / 3);
        return new Schedule(true, annual, new long[] {0, quarter, quarter, rest - 2 * third, third, third}, 0);
    }

    /**
     * A following 年度: 仮特別徴収 in April, June and August of half the previous 年度's amount, a third each
     * (第321条の7の8第1項, since 平成28年10月: 前年度分の年税額の2分の1); 本徴収 of the rest in October, December and
     * February, a third each (第321条の7の2). Hundreds of yen, the fractions in April and October. When the 仮特別徴収
     * exceeds the 年度's amount, nothing is withheld from October and the excess is refunded.
     */
    public static Schedule continuing(long annual, long previousAnnual) {
        long half = previousAnnual / 2;
        long each = hundreds(half / 3);
        long april = half - 2 * each;
        long rest = annual - half;
        if (rest < 0) {
            return new Schedule(false, annual, new long[] {april, each, each, 0, 0, 0}, -rest);
        }
        long third = hundreds(rest / 3);
        return new Schedule(false, annual, new long[] {april, each, each, rest - 2 * third, third, third}, 0);
    }

    private static long hundreds(long amount) {
        return amount / 100 * 100;
    }
}

package org.kiban.tax.engine;

import org.junit.jupiter.api.Test;
import org.kiban.tax.TaxCalculationResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 申告特例控除額 (ふるさと納税ワンストップ特例, 地方税法附則第5条の7): 特例控除額 × the 割合 of the statute's table,
 * split 市/県 as the 特例控除額 is. 総務省 ふるさと納税ポータル「税金の控除について」
 * https://www.soumu.go.jp/main_sosiki/jichi_zeisei/czaisei/czaisei_seido/furusato/mechanism/deduction.html: without a
 * return the income-tax part ① (寄附金 − 2,000円) × 所得税率 × 1.021 is credited against 住民税 instead, so the
 * three resident-tax credits together come to (寄附金 − 2,000円) less rounding. No municipality's worked example with
 * the 申告特例控除額 was found; the figures below follow 岐阜市 FAQ's example (50,000円, 5% band) one step further [D].
 */
class OneStopSpecialExceptionTest {

    /** 課税総所得金額 2,300,000 − 人的控除差 460,000 = 1,840,000: 5% band (same taxpayer as WorkedExamplesTest). */
    private static Taxpayers gifu() {
        Taxpayers a = Taxpayers.fy(2026).aged(48).salary(5_500_000).spouse(46, 0).donation(50_000, true);
        a.dependent(20, 0).dependent(20, 0);
        return a;
    }

    @Test
    void gifuExample_incomeTaxShareMovesToResidentTax() {
        TaxCalculationResult without = gifu().calculate();
        TaxCalculationResult r = gifu().oneStop().calculate();
        // 特例控除額 市 48,000 × 84.895% × 3/5 = 24,449, 県 × 2/5 = 16,299 (岐阜市 FAQ formula)
        // 申告特例控除額 市 24,449 × 5.105/84.895 = 1,470.2 → 1,470; 県 16,299 × 5.105/84.895 = 980.1 → 980
        assertThat(r.oneStopCreditCity()).isEqualTo(1_470);
        assertThat(r.oneStopCreditPref()).isEqualTo(980);
        // ≈ 所得税分 48,000 × 5% × 1.021 = 2,450.4
        assertThat(r.oneStopCreditCity() + r.oneStopCreditPref()).isEqualTo(2_450);
        // 基本分 4,800 + 特例分 40,748 + 申告特例分 2,450 = 47,998: (寄附金 − 2,000) less 2 yen of rounding
        assertThat(r.donationCreditCity() + r.donationCreditPref() + r.oneStopCreditCity() + r.oneStopCreditPref())
                .isEqualTo(47_998);
        assertThat(without.oneStopCreditCity() + without.oneStopCreditPref()).isZero();
        assertThat(r.explanation()).anyMatch(s -> s.item().equals("申告特例控除額") && s.amount() == 2_450
                && s.basis().contains("附則第5条の7"));
        long diff = (without.cityIncomeLevy() + without.prefIncomeLevy()) - (r.cityIncomeLevy() + r.prefIncomeLevy());
        assertThat(diff).isBetween(2_300L, 2_600L); // 2,450 moved, each levy then 100円未満切捨て
    }

    @Test
    void ratioTable_fiveRows_boundaries() {
        ResidentTaxRules r = RuleSets.forYear(2026).orElseThrow();
        assertThat(r.oneStopSpecialExceptionRatio(-1, 0)).containsExactly(0, 1);
        assertThat(r.oneStopSpecialExceptionRatio(0, 0)).containsExactly(5_105, 84_895);
        assertThat(r.oneStopSpecialExceptionRatio(1_950_000, 0)).containsExactly(5_105, 84_895);
        assertThat(r.oneStopSpecialExceptionRatio(1_950_001, 0)).containsExactly(10_210, 79_790);
        assertThat(r.oneStopSpecialExceptionRatio(3_300_000, 0)).containsExactly(10_210, 79_790);
        assertThat(r.oneStopSpecialExceptionRatio(3_300_001, 0)).containsExactly(20_420, 69_580);
        assertThat(r.oneStopSpecialExceptionRatio(6_950_000, 0)).containsExactly(20_420, 69_580);
        assertThat(r.oneStopSpecialExceptionRatio(6_950_001, 0)).containsExactly(23_483, 66_517);
        assertThat(r.oneStopSpecialExceptionRatio(9_000_000, 0)).containsExactly(23_483, 66_517);
        assertThat(r.oneStopSpecialExceptionRatio(9_000_001, 0)).containsExactly(33_693, 56_307);
        assertThat(r.oneStopSpecialExceptionRatio(50_000_000, 0)).containsExactly(33_693, 56_307);
        // keyed on 課税総所得金額 − 人的控除差調整額, like the 特例控除割合
        assertThat(r.oneStopSpecialExceptionRatio(2_000_000, 50_001)).containsExactly(5_105, 84_895);
    }

    /** Above the 20% cap the 申告特例控除額 follows the capped 特例控除額 (附則第5条の7: 特例控除額 × 割合). */
    @Test
    void followsTheCapped特例控除額() {
        Taxpayers big = Taxpayers.fy(2026).aged(48).salary(5_500_000).spouse(46, 0).donation(1_000_000, true).oneStop();
        big.dependent(20, 0).dependent(20, 0);
        TaxCalculationResult r = big.calculate();
        // 調整控除 max(460,000 − 300,000, 50,000) = 160,000 × 3% / 2%; 所得割 after it: 市 138,000 − 4,800 = 133,200
        // → 20% cap 26,640; 県 92,000 − 3,200 = 88,800 → 17,760 (the caps of 岐阜市's example)
        assertThat(r.adjustmentCreditCity()).isEqualTo(4_800);
        assertThat(r.adjustmentCreditPref()).isEqualTo(3_200);
        // 26,640 × 5.105/84.895 = 1,601.9 → 1,601; 17,760 × 5.105/84.895 = 1,067.96 → 1,067
        assertThat(r.oneStopCreditCity()).isEqualTo(1_601);
        assertThat(r.oneStopCreditPref()).isEqualTo(1_067);
    }

    @Test
    void onlyForFurusato_andOnlyWithTheFlag() {
        Taxpayers other = Taxpayers.fy(2026).aged(48).salary(5_500_000).donation(50_000, false).oneStop();
        TaxCalculationResult r = other.calculate();
        assertThat(r.oneStopCreditCity() + r.oneStopCreditPref()).isZero();
        assertThat(r.donationCreditCity() + r.donationCreditPref()).isEqualTo(4_800);
    }
}

package org.kiban.tax.engine;

import org.junit.jupiter.api.Test;
import org.kiban.tax.Exemption;
import org.kiban.tax.TaxCalculationResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Worked examples that municipalities publish, reproduced to the yen. Every expected figure is printed on the cited
 * page; figures marked [D] are the page's own formula carried one step further (the page stops before it).
 */
class WorkedExamplesTest {

    /**
     * 佐賀市「令和7年度市・県民税計算例」 https://www.city.saga.lg.jp/main/1870.html (2025-01-16): サラリーマンAさん (42歳),
     * 妻 (40歳, 無収入), 子 19歳・9歳, 母 72歳 同居. 県民税均等割 1,500円 (うち佐賀県森林環境税 500円).
     */
    @Test
    void saga_fy2025_salaryEarnerWithFamily() {
        Taxpayers a = Taxpayers.fy(2025).aged(42).salary(6_000_000).socialInsurance(735_000)
                .life(null, 25_000L, 18_000L, null, null).spouse(40, 0);
        a.dependent(19, 0).dependent(9, 0).cohabitingParent(72);
        TaxCalculationResult r = a.calculate(Taxpayers.municipality("6", "4", 3_000, 1_500, "3級地-1", false));

        assertThat(r.salaryIncome()).isEqualTo(4_360_000);
        assertThat(r.deductions().socialInsurance()).isEqualTo(735_000);
        assertThat(r.deductions().lifeInsurance()).isEqualTo(35_000);
        assertThat(r.deductions().spouse()).isEqualTo(330_000);
        assertThat(r.deductions().dependents()).isEqualTo(900_000); // 特定 450,000 + 同居老親等 450,000
        assertThat(r.deductions().basic()).isEqualTo(430_000);
        assertThat(r.totalDeductions()).isEqualTo(2_430_000);
        assertThat(r.taxableIncome()).isEqualTo(1_930_000);
        assertThat(r.cityIncomeLevyBeforeCredits()).isEqualTo(115_800);
        assertThat(r.prefIncomeLevyBeforeCredits()).isEqualTo(77_200);
        assertThat(r.adjustmentCreditCity()).isEqualTo(12_300);
        assertThat(r.adjustmentCreditPref()).isEqualTo(8_200);
        assertThat(r.cityIncomeLevy()).isEqualTo(103_500);
        assertThat(r.prefIncomeLevy()).isEqualTo(69_000);
        assertThat(r.cityPerCapita()).isEqualTo(3_000);
        assertThat(r.prefPerCapita()).isEqualTo(1_500);
        assertThat(r.forestEnvironmentTax()).isEqualTo(1_000);
        assertThat(r.exemption()).isEqualTo(Exemption.NONE);
    }

    /**
     * 横浜市「令和7年度市民税・県民税・森林環境税の計算(例)」 (2025-01-28): 夫婦 (一方が無収入), 子 17歳・13歳; 指定都市
     * (市8%・県2.025%, 調整控除 市4%・県1%). The page applies the 50,000-yen minimum: 50,000 × 4% / 1% [D].
     */
    @Test
    void yokohama_fy2025_designatedCityAndKanagawaRate() {
        Taxpayers a = Taxpayers.fy(2025).aged(45).salary(5_500_000).socialInsurance(394_800)
                .life(90_000L, null, null, null, null).earthquake(20_000).spouse(43, 0);
        a.dependent(17, 0).dependent(13, 0);
        TaxCalculationResult r = a.calculate(Taxpayers.municipality("8", "2.025", 3_900, 1_300, "1級地-1", true));

        assertThat(r.salaryIncome()).isEqualTo(3_960_000);
        assertThat(r.deductions().lifeInsurance()).isEqualTo(28_000);
        assertThat(r.deductions().earthquakeInsurance()).isEqualTo(10_000);
        assertThat(r.deductions().dependents()).isEqualTo(330_000);
        assertThat(r.totalDeductions()).isEqualTo(1_522_800);
        assertThat(r.taxableIncome()).isEqualTo(2_437_000);
        assertThat(r.cityIncomeLevyBeforeCredits()).isEqualTo(194_960);
        assertThat(r.prefIncomeLevyBeforeCredits()).isEqualTo(49_349);
        assertThat(r.adjustmentCreditCity()).isEqualTo(2_000); // [D] 50,000 × 4%
        assertThat(r.adjustmentCreditPref()).isEqualTo(500); // [D] 50,000 × 1%
        assertThat(r.cityIncomeLevy()).isEqualTo(192_900); // [D] 192,960 → 100円未満切捨て
        assertThat(r.prefIncomeLevy()).isEqualTo(48_800); // [D] 48,849 → 100円未満切捨て
    }

    /**
     * 安城市「税額計算」計算例1 https://www.city.anjo.aichi.jp/kurasu/zeikin/shiminzei/kojinshiminzei/zeigakukeisan.html
     * (2024-11-21): 本人45歳, 妻43歳, 長男20歳, 次男17歳 (所得なし). The rules used (給与所得の表, 控除額) are the same for the
     * incomes of 2023 and 2024, so the example holds for 令和7年度.
     */
    @Test
    void anjo_fy2025_minimumAdjustmentCredit() {
        Taxpayers a = Taxpayers.fy(2025).aged(45).salary(6_050_000).socialInsurance(236_930)
                .life(120_000L, null, null, null, null).spouse(43, 0);
        a.dependent(20, 0).dependent(17, 0);
        TaxCalculationResult r = a.calculate(Taxpayers.municipality("6", "4", 3_000, 1_500, "3級地-1", false));

        assertThat(r.salaryIncome()).isEqualTo(4_398_400);
        assertThat(r.deductions().lifeInsurance()).isEqualTo(28_000);
        assertThat(r.totalDeductions()).isEqualTo(1_804_930);
        assertThat(r.taxableIncome()).isEqualTo(2_593_000);
        assertThat(r.cityIncomeLevyBeforeCredits()).isEqualTo(155_580);
        assertThat(r.prefIncomeLevyBeforeCredits()).isEqualTo(103_720);
        assertThat(r.adjustmentCreditCity()).isEqualTo(1_500);
        assertThat(r.adjustmentCreditPref()).isEqualTo(1_000);
        assertThat(r.cityIncomeLevy()).isEqualTo(154_000); // page: 154,080 before 100円未満切捨て
    }

    /**
     * 相模原市「市・県民税・森林環境税の計算例」: 夫婦子供2人 (16歳未満1人, 16〜18歳1人), 給与5,000,000円; 指定都市, 県2.025%.
     * The page is for 令和6年度 (it then applies 定額減税); up to 所得割 before 定額減税 the rules equal 令和7年度's.
     */
    @Test
    void sagamihara_lifeInsuranceCapAndDesignatedAdjustment() {
        Taxpayers a = Taxpayers.fy(2025).aged(40).salary(5_000_000).socialInsurance(500_000)
                .life(null, 120_000L, 60_000L, 70_000L, null).spouse(38, 0);
        a.dependent(17, 0).dependent(10, 0);
        TaxCalculationResult r = a.calculate(Taxpayers.municipality("8", "2.025", 3_000, 1_300, "1級地-2", true));

        assertThat(r.salaryIncome()).isEqualTo(3_560_000);
        assertThat(r.deductions().lifeInsurance()).isEqualTo(70_000);
        assertThat(r.totalDeductions()).isEqualTo(1_660_000);
        assertThat(r.taxableIncome()).isEqualTo(1_900_000);
        assertThat(r.prefIncomeLevyBeforeCredits()).isEqualTo(38_475);
        assertThat(r.cityIncomeLevyBeforeCredits()).isEqualTo(152_000);
        assertThat(r.adjustmentCreditPref()).isEqualTo(1_500);
        assertThat(r.adjustmentCreditCity()).isEqualTo(6_000);
        assertThat(r.prefIncomeLevy()).isEqualTo(36_900); // page: 36,975 before 100円未満切捨て
        assertThat(r.cityIncomeLevy()).isEqualTo(146_000);
    }

    /**
     * 岐阜市 FAQ (ふるさと納税): "(寄附金額50,000円−2,000円)×(90%−5%×1.021)が特例控除分(市民税3/5、県民税2/5)" and
     * 基本分 (50,000 − 2,000) × 10% (市6%・県4%). 課税総所得金額 2,300,000 − 人的控除差 460,000 = 1,840,000 (5% bracket);
     * the 20% caps (市 26,640, 県 17,760) are not reached.
     */
    @Test
    void furusato_gifuFormula() {
        Taxpayers a = Taxpayers.fy(2026).aged(48).salary(5_500_000).spouse(46, 0).donation(50_000, true);
        a.dependent(20, 0).dependent(20, 0);
        TaxCalculationResult r = a.calculate();
        assertThat(r.taxableIncome()).isEqualTo(2_300_000);
        long basicCity = 48_000 * 6 / 100;
        long basicPref = 48_000 * 4 / 100;
        long specialCity = 48_000L * 84_895 * 3 / 500_000; // 24,449
        long specialPref = 48_000L * 84_895 * 2 / 500_000; // 16,299
        assertThat(r.donationCreditCity()).isEqualTo(basicCity + specialCity);
        assertThat(r.donationCreditPref()).isEqualTo(basicPref + specialPref);
    }

    /** 新潟市 計算例 (令和8年度): 年税額 194,500円 → 普通徴収 50,500 + 48,000 × 3; 特別徴収 16,300 + 16,200 × 11. */
    @Test
    void niigata_fy2026_installments() {
        assertThat(Installments.ordinary(194_500)).containsExactly(50_500L, 48_000L, 48_000L, 48_000L);
        assertThat(Installments.special(194_500)).hasSize(12).startsWith(16_300L, 16_200L)
                .endsWith(16_200L);
    }

    /**
     * 1級地 single salary earner (令和8年度, 給与所得控除 minimum 650,000 → 非課税 line 給与収入 1,100,000: 天理市・総務省).
     * One yen of 所得 above the line levies 均等割 and a 所得割 cut back by the 調整措置 [D from 附則第3条の3].
     */
    @Test
    void exemptionLine_fy2026_single_1100000() {
        TaxCalculationResult at = Taxpayers.fy(2026).aged(30).salary(1_100_000).calculate();
        assertThat(at.totalIncome()).isEqualTo(450_000);
        assertThat(at.exemption()).isEqualTo(Exemption.ALL);
        assertThat(at.annualTotal()).isZero();

        TaxCalculationResult above = Taxpayers.fy(2026).aged(30).salary(1_101_000).calculate();
        assertThat(above.totalIncome()).isEqualTo(451_000);
        assertThat(above.exemption()).isEqualTo(Exemption.NONE);
        assertThat(above.cityPerCapita() + above.prefPerCapita() + above.forestEnvironmentTax()).isEqualTo(5_000);
        // 課税 21,000: 市 1,260 − 調整控除 630 = 630; 県 840 − 420 = 420; 所得割 1,050 leaves 449,950 < 450,000 → −50
        assertThat(above.incomeLevyReliefCity() + above.incomeLevyReliefPref()).isEqualTo(50);
        assertThat(above.cityIncomeLevy()).isEqualTo(600);
        assertThat(above.prefIncomeLevy()).isEqualTo(400);

        TaxCalculationResult fy2025 = Taxpayers.fy(2025).aged(30).salary(1_000_000).calculate();
        assertThat(fy2025.totalIncome()).as("令和7年度: 給与収入 100万円 → 45万円").isEqualTo(450_000);
        assertThat(fy2025.exemption()).isEqualTo(Exemption.ALL);
    }

    @Test
    void exemption_grade3_single380000_and_incomeLevyOnly() {
        var grade3 = Taxpayers.municipality("6", "4", 3_000, 1_000, "3級地-2", false);
        assertThat(Taxpayers.fy(2026).aged(30).business(380_000).calculate(grade3).exemption()).isEqualTo(Exemption.ALL);
        TaxCalculationResult r = Taxpayers.fy(2026).aged(30).business(380_001).calculate(grade3);
        assertThat(r.exemption()).as("均等割 levied, 所得割 non-taxable up to 450,000").isEqualTo(Exemption.INCOME_LEVY);
        assertThat(r.cityPerCapita()).isEqualTo(3_000);
        assertThat(r.cityIncomeLevy() + r.prefIncomeLevy()).isZero();
    }

    @Test
    void disabledPersonUpTo1350000_isExempt_article295() {
        Taxpayers a = Taxpayers.fy(2026).aged(50).business(1_350_000).disability(
                org.kiban.tax.TaxCalculationRequest.Disability.GENERAL);
        assertThat(a.calculate().exemption()).isEqualTo(Exemption.ALL);
        assertThat(Taxpayers.fy(2026).aged(50).business(1_350_001)
                .disability(org.kiban.tax.TaxCalculationRequest.Disability.GENERAL).calculate().exemption())
                .isEqualTo(Exemption.NONE);
    }

    @Test
    void fy2026_dependantWithIncome580000_countsAndSpecificRelativeAbove() {
        TaxCalculationResult dep = Taxpayers.fy(2026).aged(50).salary(6_000_000).dependent(20, 580_000).calculate();
        assertThat(dep.deductions().dependents()).isEqualTo(450_000);
        TaxCalculationResult rel = Taxpayers.fy(2026).aged(50).salary(6_000_000).dependent(20, 1_000_000).calculate();
        assertThat(rel.deductions().dependents()).isZero();
        assertThat(rel.deductions().specificRelative()).isEqualTo(410_000);
        TaxCalculationResult old = Taxpayers.fy(2025).aged(50).salary(6_000_000).dependent(20, 580_000).calculate();
        assertThat(old.deductions().dependents()).as("令和7年度は48万円まで").isZero();
    }
}

package org.kiban.tax.engine;

import org.junit.jupiter.api.Test;
import org.kiban.tax.TaxCalculationResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 雑損控除 (地方税法第314条の2第1項第1号, 所得税法第72条第1項): the larger of 差引損失額 − 総所得金額等 × 1/10 and
 * 差引損失額のうち災害関連支出の金額 − 5万円. The rule as published by 損保ジャパン「税金の控除について」
 * https://www.sompo-japan.co.jp/knowledge/basic/service/contents4/ and くまがい事務所「雑損控除の計算」
 * https://kumagai-jimusho.com/【所得税】雑損控除の計算 (both forms of the formula agree). 給与収入 5,000,000円 →
 * 給与所得 3,560,000円 (新潟市 計算例), so the 1/10 is 356,000円.
 */
class CasualtyLossTest {

    private static Taxpayers salaried5m() {
        return Taxpayers.fy(2026).aged(45).salary(5_000_000);
    }

    @Test
    void theft_netLossOverATenthOfIncome() {
        TaxCalculationResult r = salaried5m().casualtyLoss(1_000_000, 200_000, 0).calculate();
        assertThat(r.aggregateIncome()).isEqualTo(3_560_000);
        // 差引損失額 800,000 − 356,000
        assertThat(r.deductions().casualtyLoss()).isEqualTo(444_000);
        // 基礎控除 430,000 + 雑損控除 444,000
        assertThat(r.totalDeductions()).isEqualTo(874_000);
        assertThat(r.taxableIncome()).isEqualTo(2_686_000);
        assertThat(r.explanation()).anyMatch(s -> s.item().equals("雑損控除") && s.amount() == 444_000
                && s.basis().contains("第314条の2第1項第1号"));
    }

    @Test
    void disasterRelatedExpenses_over50000_whenLarger() {
        // 差引損失額 400,000: 400,000 − 356,000 = 44,000 < 300,000 − 50,000 = 250,000
        TaxCalculationResult r = salaried5m().casualtyLoss(400_000, 0, 300_000).calculate();
        assertThat(r.deductions().casualtyLoss()).isEqualTo(250_000);
    }

    @Test
    void boundaries_aTenthAndFiftyThousand() {
        assertThat(salaried5m().casualtyLoss(356_000, 0, 0).calculate().deductions().casualtyLoss()).isZero();
        assertThat(salaried5m().casualtyLoss(356_001, 0, 0).calculate().deductions().casualtyLoss()).isEqualTo(1);
        assertThat(salaried5m().casualtyLoss(50_000, 0, 50_000).calculate().deductions().casualtyLoss()).isZero();
        assertThat(salaried5m().casualtyLoss(50_001, 0, 50_001).calculate().deductions().casualtyLoss()).isEqualTo(1);
        // fully reimbursed: no loss at all
        assertThat(salaried5m().casualtyLoss(900_000, 900_000, 200_000).calculate().deductions().casualtyLoss())
                .isZero();
    }

    @Test
    void disasterPartNeverExceedsTheNetLoss() {
        // 損失 300,000 (all 災害関連支出), 保険金 200,000: 差引損失額 100,000 → at most 100,000 − 50,000
        assertThat(salaried5m().casualtyLoss(300_000, 200_000, 300_000).calculate().deductions().casualtyLoss())
                .isEqualTo(50_000);
    }

    /**
     * 医療費控除's floor is min(100,000, 総所得金額等 × 5%) (所得税法第73条第1項): 総所得金額等 before any 所得控除, so the
     * 雑損控除 deducted first does not change it. 給与収入 2,000,000 → 1,320,000 (別表第五: 2,000,000 × 70% − 80,000).
     */
    @Test
    void medicalFloor_usesAggregateIncomeBeforeTheCasualtyLoss() {
        TaxCalculationResult r = Taxpayers.fy(2026).aged(45).salary(2_000_000).medical(100_000)
                .casualtyLoss(1_000_000, 0, 0).calculate();
        assertThat(r.aggregateIncome()).isEqualTo(1_320_000);
        assertThat(r.deductions().casualtyLoss()).isEqualTo(868_000); // 1,000,000 − 132,000
        assertThat(r.deductions().medical()).isEqualTo(34_000); // 100,000 − 66,000 (5% of 1,320,000)
    }

    @Test
    void lossLargerThanIncome_noIncomeLevy_butPerCapitaStays_noCarryForward() {
        TaxCalculationResult r = salaried5m().casualtyLoss(10_000_000, 0, 0).calculate();
        assertThat(r.deductions().casualtyLoss()).isEqualTo(9_644_000);
        assertThat(r.taxableIncome()).isZero();
        assertThat(r.cityIncomeLevy() + r.prefIncomeLevy()).isZero();
        // 均等割 non-taxable status is decided on 合計所得金額, which a 所得控除 does not reduce
        assertThat(r.cityPerCapita() + r.prefPerCapita()).isEqualTo(4_000);
    }

    @Test
    void none_whenAbsent() {
        assertThat(salaried5m().calculate().deductions().casualtyLoss()).isZero();
        assertThat(salaried5m().calculate().explanation()).noneMatch(s -> s.item().equals("雑損控除"));
    }
}

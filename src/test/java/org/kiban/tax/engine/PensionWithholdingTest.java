package org.kiban.tax.engine;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 公的年金等からの特別徴収 (地方税法第321条の7の2〜第321条の7の8), from published municipal pages:
 * <ul>
 * <li>富加町 https://www.town.tomika.gifu.jp/docs/405.html — 仮徴収 (前年度分の年税額の1/2)÷3, 本徴収 (残り)÷3, and
 * its four-year example 60,000 / 36,000 / 60,000 / 60,000;</li>
 * <li>桑折町 https://www.town.koori.fukushima.jp/soshiki/2/2463.html — first year: June and August 普通徴収 年税額の4分の1,
 * October to February 年税額の6分の1;</li>
 * <li>輪之内町 http://town.wanouchi.gifu.jp/living/tax/tyoukenminzei_tokubetsu_tyosyu/ — 端数金額は10月; not for those
 * whose 介護保険料 is not withheld, whose 老齢等年金給付 is under 18万円, or whose amount exceeds the pension;</li>
 * <li>倉敷市 https://www.city.kurashiki.okayama.jp/29885.htm — 仮徴収 = 前年度の年税額の1/6 since 平成28年10月1日;</li>
 * <li>大淀町 http://www.town.oyodo.lg.jp/contents_detail.php?frmId=47 — 年金所得に係る町県民税額 20,000円;</li>
 * <li>京丹後市 https://www.city.kyotango.lg.jp/top/soshiki/shiminkankyo/zeimu/1/2/1710.html — the pension part when
 * there is a salary too: 市 130,500 − 70,500, 府 87,000 − 47,000.</li>
 * </ul>
 */
class PensionWithholdingTest {

    @Test
    void tomika_fourYears() {
        PensionWithholding.Schedule n1 = PensionWithholding.continuing(36_000, 60_000);
        assertThat(n1.amounts()).containsExactly(10_000, 10_000, 10_000, 2_000, 2_000, 2_000);
        assertThat(n1.refund()).isZero();
        PensionWithholding.Schedule n2 = PensionWithholding.continuing(60_000, 36_000);
        assertThat(n2.amounts()).containsExactly(6_000, 6_000, 6_000, 14_000, 14_000, 14_000);
        PensionWithholding.Schedule n3 = PensionWithholding.continuing(60_000, 60_000);
        assertThat(n3.amounts()).containsExactly(10_000, 10_000, 10_000, 10_000, 10_000, 10_000);
        assertThat(n3.withheld()).isEqualTo(60_000);
        assertThat(n3.firstYear()).isFalse();
    }

    @Test
    void koori_firstYear_quarters_thenSixths() {
        PensionWithholding.Schedule s = PensionWithholding.firstYear(60_000);
        assertThat(s.firstYear()).isTrue();
        assertThat(s.amounts()).containsExactly(0, 15_000, 15_000, 10_000, 10_000, 10_000);
        assertThat(s.ordinaryPart()).isEqualTo(30_000);
        assertThat(s.withheld()).isEqualTo(30_000);
    }

    /** 大淀町's 20,000円: June and August 5,000; the rest 10,000 in three, the fraction in October (輪之内町). */
    @Test
    void oyodo_firstYear_fractionInOctober() {
        PensionWithholding.Schedule s = PensionWithholding.firstYear(20_000);
        assertThat(s.amounts()).containsExactly(0, 5_000, 5_000, 3_400, 3_300, 3_300);
        assertThat(s.ordinaryPart() + s.withheld()).isEqualTo(20_000);
    }

    @Test
    void continuing_overpaidProvisional_isRefunded() {
        PensionWithholding.Schedule s = PensionWithholding.continuing(20_000, 60_000);
        assertThat(s.amounts()).containsExactly(10_000, 10_000, 10_000, 0, 0, 0);
        assertThat(s.refund()).isEqualTo(10_000);
    }

    @Test
    void kyotango_pensionPart_isTheDifference() {
        assertThat(PensionWithholding.pensionIncomeLevy(130_500, 70_500)).isEqualTo(60_000);
        assertThat(PensionWithholding.pensionIncomeLevy(87_000, 47_000)).isEqualTo(40_000);
        assertThat(PensionWithholding.pensionIncomeLevy(47_000, 47_000)).isZero();
    }

    @Test
    void who_aged65OnFirstApril_pension180000_careWithheld_notAboveThePension() {
        LocalDate born = LocalDate.of(1961, 4, 2); // 65 on 1 April 2026 (年齢計算ニ関スル法律: the day before the birthday)
        assertThat(PensionWithholding.applies(born, 2026, 180_000, true, 20_000)).isTrue();
        assertThat(PensionWithholding.applies(LocalDate.of(1961, 4, 3), 2026, 180_000, true, 20_000))
                .as("64 on 1 April").isFalse();
        assertThat(PensionWithholding.applies(born, 2026, 179_999, true, 20_000)).isFalse();
        assertThat(PensionWithholding.applies(born, 2026, 1_000_000, false, 20_000)).as("介護保険料 not withheld")
                .isFalse();
        assertThat(PensionWithholding.applies(born, 2026, 180_000, true, 180_001)).as("above the pension").isFalse();
        assertThat(PensionWithholding.applies(born, 2026, 180_000, true, 180_000)).isTrue();
        assertThat(PensionWithholding.applies(born, 2026, 180_000, true, 0)).as("nothing to withhold").isFalse();
    }
}

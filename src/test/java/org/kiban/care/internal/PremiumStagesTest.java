package org.kiban.care.internal;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kiban.care.internal.PremiumEngine.BaseAmount;
import org.kiban.care.internal.PremiumEngine.Facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The standard 13 stages of 第9期 at every boundary, the yearly low-income line, rounding, and real municipalities'
 * published tables reproduced by parameters alone. Expected stages come from 介護保険法施行令第38条 as amended by
 * 令和6年政令第13号 (https://hourei.roken.or.jp/detail.php?uid=3346): 非課税 stages "以下/超", 課税 stages
 * "未満/以上" (care_insurance.md §1.2); expected amounts from the municipalities' pages cited in each test.
 */
class PremiumStagesTest {

    private static final StageTable STANDARD = StageTables.standard13();
    private static final BaseAmount BASE_72000 = new BaseAmount(72_000, BaseAmount.Period.ANNUAL);
    private static final Rounding YEN_DOWN = new Rounding(1, Rounding.Mode.DOWN, Rounding.Basis.ANNUAL);

    /** 本人非課税: income is the 判定額; here all of it is pension revenue whose pension income is given as 0. */
    private static Facts exempt(boolean householdTaxed, long judgement) {
        return new Facts(null, false, 0, judgement, 0L, 0, false, householdTaxed);
    }

    private static Facts taxed(long totalIncome) {
        return new Facts(null, true, totalIncome, 0, 0L, 0, false, true);
    }

    private static int stage(int fy, Facts f) {
        return PremiumEngine.calculate(fy, f, STANDARD, BASE_72000, YEN_DOWN, null).stage();
    }

    @ParameterizedTest(name = "{0}年度 世帯全員非課税 判定額{1}円 → 第{2}段階")
    @CsvSource({
            // T1 = 80万円 (令和6年度), 80.9万円 (令和7年度), 82.65万円 (令和8年度): care_insurance.md §1.3
            "2024, 0, 1", "2024, 800000, 1", "2024, 800001, 2", "2024, 1200000, 2", "2024, 1200001, 3",
            "2025, 809000, 1", "2025, 809001, 2", "2025, 1200000, 2", "2025, 1200001, 3",
            "2026, 826500, 1", "2026, 826501, 2", "2026, 1200000, 2", "2026, 1200001, 3"})
    void householdExemptStagesOneToThree(int fy, long judgement, int expected) {
        assertThat(stage(fy, exempt(false, judgement))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}年度 本人非課税・世帯課税 判定額{1}円 → 第{2}段階")
    @CsvSource({"2024, 0, 4", "2024, 800000, 4", "2024, 800001, 5", "2025, 809000, 4", "2025, 809001, 5",
            "2026, 826500, 4", "2026, 826501, 5", "2026, 99999999, 5"})
    void personExemptHouseholdTaxedStagesFourAndFive(int fy, long judgement, int expected) {
        assertThat(stage(fy, exempt(true, judgement))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "本人課税 合計所得金額{0}円 → 第{1}段階")
    @CsvSource({"0, 6", "1199999, 6", "1200000, 7", "2099999, 7", "2100000, 8", "3199999, 8", "3200000, 9",
            "4199999, 9", "4200000, 10", "5199999, 10", "5200000, 11", "6199999, 11", "6200000, 12",
            "7199999, 12", "7200000, 13", "100000000, 13"})
    void taxedStagesSixToThirteen(long total, int expected) {
        assertThat(stage(2026, taxed(total))).isEqualTo(expected);
    }

    @Test
    void welfareRecipientIsStageOneWhateverTheIncome_order38_1_1() {
        Facts f = new Facts(null, false, 0, 2_000_000, 0L, 0, true, false);
        assertThat(stage(2026, f)).isEqualTo(1);
    }

    @Test
    void standardRatesBeforeAndAfterTheReduction() {
        // 0.455/0.685/0.69 → 0.285/0.485/0.685 (政令, 老発0119第3号); 0.9, 1.0, 1.2 … 2.4 (care_insurance.md §1.2)
        List<String> applied = STANDARD.stages().stream().map(s -> s.appliedMultiplier().toPlainString()).toList();
        assertThat(applied).containsExactly("0.285", "0.485", "0.685", "0.9", "1", "1.2", "1.3", "1.5", "1.7", "1.9",
                "2.1", "2.3", "2.4");
        assertThat(STANDARD.stage(1).multiplier()).isEqualByComparingTo("0.455");
        assertThat(STANDARD.stage(2).multiplier()).isEqualByComparingTo("0.685");
        assertThat(STANDARD.stage(3).multiplier()).isEqualByComparingTo("0.69");
        assertThat(STANDARD.baseStage()).isEqualTo(5);
    }

    @Test
    void judgementIncomeIsPensionRevenuePlusOtherIncome_notTotalIncome() {
        // 判定額 = 課税年金収入額 + (合計所得金額 − 公的年金等に係る雑所得) (care_insurance.md §1.4).
        // Pension revenue 700,000 (its income 0 for 65+: 110万 deduction) and 150,000 of other income: 850,000 > 80万.
        Facts f = new Facts(null, false, 150_000, 700_000, null, 0, false, false);
        PremiumEngine.Outcome o = PremiumEngine.calculate(2024, f, STANDARD, BASE_72000, YEN_DOWN, null);
        assertThat(o.stage()).isEqualTo(2);
        // Pension revenue 3,500,000 (65+): income = 3,500,000 × 0.75 − 275,000 = 2,350,000 (所得税法第35条 table).
        assertThat(PensionIncome.of(3_500_000, true)).isEqualTo(2_350_000);
        assertThat(PensionIncome.of(1_000_000, true)).isZero();
        assertThat(PensionIncome.of(1_000_000, false)).isEqualTo(400_000);
    }

    @Test
    void transferSpecialDeductionIsTakenOffTotalIncome_sinceH30() {
        Facts f = new Facts(null, true, 2_500_000, 0, 0L, 1_500_000, false, true);
        assertThat(PremiumEngine.calculate(2026, f, STANDARD, BASE_72000, YEN_DOWN, null).stage()).isEqualTo(6);
    }

    /**
     * 美浜町（和歌山県）令和6〜8年度, 基準額 72,000円: every amount is an exact product, so the standard table with the
     * base amount alone reproduces stages 1–10 as published.
     * http://www.town.wakayama-mihama.lg.jp/docs/2014011800472/
     */
    @Test
    void mihamaWakayama_standardTableAndBaseAmountOnly() {
        long[] published = {20_520, 34_920, 49_320, 64_800, 72_000, 86_400, 93_600, 108_000, 122_400, 136_800};
        assertThat(amountsOfStages(2024, BASE_72000, YEN_DOWN, published.length)).containsExactly(published);
    }

    /**
     * 石狩市 令和6〜8年度: 基準月額 5,300円, 10円未満切捨て on the annual amount (63,600 × 0.285 = 18,126 → 18,120).
     * https://www.city.ishikari.hokkaido.jp/soshiki/koureisyas/3460.html (stages 1–6 as captured).
     */
    @Test
    void ishikari_monthlyBaseAndTenYenFloor() {
        BaseAmount base = new BaseAmount(5_300, BaseAmount.Period.MONTHLY);
        Rounding rounding = new Rounding(10, Rounding.Mode.DOWN, Rounding.Basis.ANNUAL);
        assertThat(amountsOfStages(2024, base, rounding, 6))
                .containsExactly(18_120, 30_840, 43_560, 57_240, 63_600, 76_320);
    }

    /**
     * 当麻町 令和6〜8年度: 基準額 年額 81,600円 (月額 6,800円), 100円未満切捨て (81,600 × 0.285 = 23,256 → 23,200).
     * https://town.tohma.hokkaido.jp/living/04/03/1248 (stages 1–7 as captured).
     */
    @Test
    void tohma_hundredYenFloor() {
        BaseAmount base = new BaseAmount(81_600, BaseAmount.Period.ANNUAL);
        Rounding rounding = new Rounding(100, Rounding.Mode.DOWN, Rounding.Basis.ANNUAL);
        assertThat(amountsOfStages(2024, base, rounding, 7))
                .containsExactly(23_200, 39_500, 55_800, 73_400, 81_600, 97_900, 106_000);
    }

    /**
     * 札幌市 令和6〜8年度: 基準額 年額 69,270円, to the yen, fractions rounded (69,270 × 0.285 = 19,741.95 → 19,742).
     * http://www.city.sapporo.jp/kitaku/tetsuzuki/hoken_nenkin/kaigo_keisan.html (stages 1–5 as captured).
     */
    @Test
    void sapporo_yenHalfUp() {
        BaseAmount base = new BaseAmount(69_270, BaseAmount.Period.ANNUAL);
        Rounding rounding = new Rounding(1, Rounding.Mode.HALF_UP, Rounding.Basis.ANNUAL);
        assertThat(amountsOfStages(2024, base, rounding, 5)).containsExactly(19_742, 33_596, 47_450, 62_343, 69_270);
        // The same table floored would be a yen short: the rounding is the municipality's, not the engine's.
        assertThat(amountsOfStages(2024, base, YEN_DOWN, 1)).containsExactly(19_741);
    }

    @Test
    void monthlyBasisRoundsTheMonthThenTimesTwelve() {
        // 杉並区 as care_insurance.md §1.5 describes it: 6,400 × 0.285 = 1,824 → 10円未満切上げ 1,830 → × 12 = 21,960.
        BaseAmount base = new BaseAmount(6_400, BaseAmount.Period.MONTHLY);
        Rounding rounding = new Rounding(10, Rounding.Mode.UP, Rounding.Basis.MONTHLY);
        PremiumEngine.Outcome o = PremiumEngine.calculate(2024, exempt(false, 0), STANDARD, base, rounding, null);
        assertThat(o.monthlyPremium()).isEqualTo(1_830);
        assertThat(o.annualPremium()).isEqualTo(21_960);
    }

    @Test
    void prorationIsAnnualTimesMonthsOverTwelve() {
        // 世田谷区: 年間保険料額 × 資格月数 ÷ 12 (care_insurance.md §1.5). 72,000 × 7 ÷ 12 = 42,000.
        PremiumEngine.Outcome o = PremiumEngine.calculate(2024, exempt(true, 900_000), STANDARD, BASE_72000, YEN_DOWN, 7);
        assertThat(o.fullYearPremium()).isEqualTo(72_000);
        assertThat(o.annualPremium()).isEqualTo(42_000);
        // Derived from that rule: 石狩市's stage 1 (18,120) for 5 months is 7,550 exactly; 当麻町's 23,200 for
        // 5 months is 9,666.67, floored to 100 yen as its annual amounts are: 9,600.
        Rounding tenDown = new Rounding(10, Rounding.Mode.DOWN, Rounding.Basis.ANNUAL);
        PremiumEngine.Outcome t = PremiumEngine.calculate(2024, exempt(false, 0), STANDARD,
                new BaseAmount(81_600, BaseAmount.Period.ANNUAL), new Rounding(100, Rounding.Mode.DOWN, Rounding.Basis.ANNUAL), 5);
        assertThat(t.annualPremium()).isEqualTo(9_600);
        PremiumEngine.Outcome i = PremiumEngine.calculate(2024, exempt(false, 0), STANDARD,
                new BaseAmount(5_300, BaseAmount.Period.MONTHLY), tenDown, 5);
        assertThat(i.annualPremium()).isEqualTo(7_550);
    }

    @Test
    void explanationNamesStageRateAndRounding() {
        PremiumEngine.Outcome o = PremiumEngine.calculate(2026, exempt(false, 826_500), STANDARD,
                new BaseAmount(69_270, BaseAmount.Period.ANNUAL), new Rounding(1, Rounding.Mode.HALF_UP, Rounding.Basis.ANNUAL), null);
        assertThat(String.join("\n", o.explanation())).contains("826,500円", "第1段階", "0.285", "0.455", "19,741.95",
                "1円未満四捨五入", "19,742円");
    }

    @Test
    void aTableWithAGapOrAnOverlapIsRefusedNamingTheField() {
        // Stage 7 starts at 130万 instead of 120万: a taxed person with 125万 would belong nowhere.
        StageTable gap = standardWith(7, "from", 1_300_000);
        assertThatThrownBy(() -> gap.validate("stageTable", 800_000))
                .isInstanceOf(CareInputException.class)
                .satisfies(e -> assertThat(((CareInputException) e).field()).isEqualTo("stageTable.stages"))
                .hasMessageContaining("どの段階にも当たりません");
        StageTable both = standardWith(7, "from", 1_100_000);
        assertThatThrownBy(() -> both.validate("stageTable", 800_000)).hasMessageContaining("複数の段階");
    }

    @Test
    void baseStageMustBeOneAndStagesNumberedInOrder() {
        StageTable t = standardWith(5, "multiplier", new BigDecimal("1.05"));
        assertThatThrownBy(() -> t.validate("x", 800_000))
                .satisfies(e -> assertThat(((CareInputException) e).field()).isEqualTo("x.baseStage"));
        StageTable r = standardWith(4, "stage", 9);
        assertThatThrownBy(() -> r.validate("x", 800_000))
                .satisfies(e -> assertThat(((CareInputException) e).field()).isEqualTo("x.stages[3].stage"));
    }

    @Test
    void theJsonFormRoundTrips() {
        String json = JsonInput.mapper().writeValueAsString(StageTables.toJson(STANDARD));
        assertThat(StageTables.parse(JsonInput.parse(json))).isEqualTo(STANDARD);
    }

    /** The standard table with one value of stage {@code n} replaced, through the JSON form. */
    @SuppressWarnings("unchecked")
    static StageTable standardWith(int n, String key, Object value) {
        java.util.Map<String, Object> json = StageTables.toJson(STANDARD);
        ((List<java.util.Map<String, Object>>) json.get("stages")).get(n - 1).put(key, value);
        return StageTables.parse(JsonInput.parse(JsonInput.mapper().writeValueAsString(json)));
    }

    private static long[] amountsOfStages(int fy, BaseAmount base, Rounding rounding, int count) {
        long[] out = new long[count];
        for (int n = 1; n <= count; n++) {
            BigDecimal m = STANDARD.stage(n).appliedMultiplier();
            out[n - 1] = PremiumEngine.calculate(fy, personIn(n), STANDARD, base, rounding, null).annualPremium();
            assertThat(PremiumEngine.calculate(fy, personIn(n), STANDARD, base, rounding, null).multiplier())
                    .isEqualByComparingTo(m);
        }
        return out;
    }

    /** A person who falls in standard stage {@code n} (checked by the assertion on the multiplier). */
    private static Facts personIn(int n) {
        return switch (n) {
            case 1 -> exempt(false, 500_000);
            case 2 -> exempt(false, 1_000_000);
            case 3 -> exempt(false, 1_500_000);
            case 4 -> exempt(true, 500_000);
            case 5 -> exempt(true, 1_000_000);
            default -> taxed(new long[] {0, 1_500_000, 2_500_000, 3_500_000, 4_500_000, 5_500_000, 6_500_000, 8_000_000}[n - 6]);
        };
    }
}

package org.kiban.care.internal;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kiban.care.internal.PremiumEngine.BaseAmount;
import org.kiban.care.internal.PremiumEngine.Facts;
import org.kiban.care.internal.PremiumEngine.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More municipalities' published 第9期 tables, reproduced by data alone (a stage table in the documented JSON form and
 * the base-amount / rounding parameters). Every expected amount is printed on the page cited, read on 2026-11-28
 * from the stored copy of the page; the stored copies end part-way through each table, so each test says which stages
 * it covers. No web page was stored whole; whole tables come from the municipalities' ordinances instead, in
 * OrdinancePremiumTablesTest. See docs/care/premium-stages.md, "What was not captured".
 */
class PublishedPremiumTablesTest {

    /**
     * 浦安市（千葉県）令和6〜8年度. Source: https://www.city.urayasu.lg.jp/fukushi/koureisha/hoken/gaiyo/1018081/1045451.html
     * (「令和6年度の介護保険料」, read 2026-11-28; the stored copy ends inside 第12段階). 基準額 年額 59,760円. A table of its
     * own: 第2段階 基準額×0.4 and 第3段階 基準額×0.65 (the standard charges 0.485 and 0.685), and every amount rounded
     * <em>up</em> to 10 yen (59,760 × 0.285 = 17,031.6 → 17,040). The rates before 公費軽減 are not on the page, so the
     * standard's stand in for them; stages 12 and 13 are the standard's rows too (their rates were not read) and no
     * test asserts them.
     */
    static final String URAYASU = """
            {"name": "浦安市 令和6〜8年度（第1〜11段階は公表どおり）", "baseStage": 5, "stages": [
             {"stage": 1, "welfareRecipients": true, "household": "ALL_EXEMPT", "person": "EXEMPT",
              "income": "JUDGEMENT", "upTo": "T1", "multiplier": 0.455, "reducedMultiplier": 0.285},
             {"stage": 2, "household": "ALL_EXEMPT", "person": "EXEMPT", "income": "JUDGEMENT",
              "above": "T1", "upTo": 1200000, "multiplier": 0.685, "reducedMultiplier": 0.40},
             {"stage": 3, "household": "ALL_EXEMPT", "person": "EXEMPT", "income": "JUDGEMENT",
              "above": 1200000, "multiplier": 0.69, "reducedMultiplier": 0.65},
             {"stage": 4, "household": "ANY_TAXED", "person": "EXEMPT", "income": "JUDGEMENT", "upTo": "T1", "multiplier": 0.9},
             {"stage": 5, "household": "ANY_TAXED", "person": "EXEMPT", "income": "JUDGEMENT", "above": "T1", "multiplier": 1.0},
             {"stage": 6, "person": "TAXED", "income": "TOTAL", "below": 1200000, "multiplier": 1.2},
             {"stage": 7, "person": "TAXED", "income": "TOTAL", "from": 1200000, "below": 2100000, "multiplier": 1.3},
             {"stage": 8, "person": "TAXED", "income": "TOTAL", "from": 2100000, "below": 3200000, "multiplier": 1.5},
             {"stage": 9, "person": "TAXED", "income": "TOTAL", "from": 3200000, "below": 4200000, "multiplier": 1.7},
             {"stage": 10, "person": "TAXED", "income": "TOTAL", "from": 4200000, "below": 5200000, "multiplier": 1.9},
             {"stage": 11, "person": "TAXED", "income": "TOTAL", "from": 5200000, "below": 6200000, "multiplier": 2.1},
             {"stage": 12, "person": "TAXED", "income": "TOTAL", "from": 6200000, "below": 7200000, "multiplier": 2.3},
             {"stage": 13, "person": "TAXED", "income": "TOTAL", "from": 7200000, "multiplier": 2.4}]}
            """;

    private static final StageTable URAYASU_TABLE = StageTables.parse(JsonInput.parse(URAYASU));
    private static final BaseAmount URAYASU_BASE = new BaseAmount(59_760, BaseAmount.Period.ANNUAL);
    private static final Rounding TEN_UP = new Rounding(10, Rounding.Mode.UP, Rounding.Basis.ANNUAL);

    private static Facts exempt(boolean householdTaxed, long judgement) {
        return new Facts(null, false, 0, judgement, 0L, 0, false, householdTaxed);
    }

    private static Facts taxed(long totalIncome) {
        return new Facts(null, true, totalIncome, 0, 0L, 0, false, true);
    }

    @Test
    void urayasuTableIsValidData() {
        URAYASU_TABLE.validate("stageTable", LowIncomeThreshold.forFiscalYear(2024));
        assertThat(URAYASU_TABLE.stage(2).appliedMultiplier()).isEqualByComparingTo("0.40");
        assertThat(URAYASU_TABLE.stage(3).appliedMultiplier()).isEqualByComparingTo("0.65");
    }

    /** Each row of the page: a person inside the stage → the stage and the 年額保険料額 printed beside it. */
    @ParameterizedTest(name = "浦安市 令和6年度 第{0}段階 → {1}円")
    @CsvSource({
            // 世帯全員非課税: 判定額 (合計所得金額 + 公的年金等収入額) 80万円以下 / 80万円超120万円以下 / 120万円超
            "1, 17040, false, false, 500000", "2, 23910, false, false, 1000000", "3, 38850, false, false, 1500000",
            // 本人非課税・世帯に課税者: 80万円以下 / それ以外
            "4, 53790, false, true, 500000", "5, 59760, false, true, 1000000",
            // 本人課税: 合計所得金額 120万円未満, 120万以上210万未満, … 520万以上620万未満
            "6, 71720, true, true, 0", "7, 77690, true, true, 1500000", "8, 89640, true, true, 2500000",
            "9, 101600, true, true, 3500000", "10, 113550, true, true, 4500000", "11, 125500, true, true, 5500000"})
    void urayasuEveryPublishedRow(int stage, long published, boolean taxed, boolean householdTaxed, long income) {
        Outcome o = urayasu(taxed ? taxed(income) : exempt(householdTaxed, income));
        assertThat(o.stage()).isEqualTo(stage);
        assertThat(o.annualPremium()).isEqualTo(published);
    }

    /** The page's bounds: 80万円以下 / を超え, 120万円以下 / 超, 120万円未満 / 以上 … 520万円以上620万円未満. */
    @ParameterizedTest(name = "浦安市 令和6年度 {0}円 → 第{1}段階 {2}円")
    @CsvSource({
            "exempt, 800000, 1, 17040", "exempt, 800001, 2, 23910", "exempt, 1200000, 2, 23910",
            "exempt, 1200001, 3, 38850", "household, 800000, 4, 53790", "household, 800001, 5, 59760",
            "taxed, 1199999, 6, 71720", "taxed, 1200000, 7, 77690", "taxed, 2099999, 7, 77690",
            "taxed, 2100000, 8, 89640", "taxed, 3199999, 8, 89640", "taxed, 3200000, 9, 101600",
            "taxed, 4199999, 9, 101600", "taxed, 4200000, 10, 113550", "taxed, 5199999, 10, 113550",
            "taxed, 5200000, 11, 125500", "taxed, 6199999, 11, 125500"})
    void urayasuBoundaries(String who, long income, int stage, long published) {
        Facts f = switch (who) {
            case "exempt" -> exempt(false, income);
            case "household" -> exempt(true, income);
            default -> taxed(income);
        };
        Outcome o = urayasu(f);
        assertThat(o.stage()).isEqualTo(stage);
        assertThat(o.annualPremium()).isEqualTo(published);
    }

    @Test
    void urayasuRoundsUpToTenYen_theStandardRoundingWouldNotMatch() {
        // 59,760 × 0.285 = 17,031.6: published 17,040, so neither 1-yen nor 10-yen flooring reproduces the page.
        Outcome o = urayasu(exempt(false, 0));
        assertThat(o.annualPremium()).isEqualTo(17_040);
        assertThat(String.join("\n", o.explanation())).contains("10円未満切上げ", "17,040円");
        Outcome floored = PremiumEngine.calculate(2024, exempt(false, 0), URAYASU_TABLE, URAYASU_BASE,
                new Rounding(10, Rounding.Mode.DOWN, Rounding.Basis.ANNUAL), null);
        assertThat(floored.annualPremium()).isEqualTo(17_030);
    }

    private static Outcome urayasu(Facts f) {
        return PremiumEngine.calculate(2024, f, URAYASU_TABLE, URAYASU_BASE, TEN_UP, null);
    }

    /**
     * 湯前町（熊本県）令和7年度. Source: https://www.town.yunomae.lg.jp/kiji0031790/index.html (「令和7年度の介護保険料」,
     * 介護保険料一覧表, read 2026-11-28; the stored copy ends inside 第11段階). 年間保険料額 only, no rate column; they are
     * the standard 13 stages' rates × 79,200円 to the yen, so the standard table and the base amount alone reproduce
     * stages 1–10. (The page states the 第1段階 line as 80万円; the law's line for 令和7年度 is 80.9万円 — not tested.)
     */
    @Test
    void yunomaeReiwa7_standardTableAndBaseAmountOnly() {
        BaseAmount base = new BaseAmount(79_200, BaseAmount.Period.ANNUAL);
        Rounding yen = new Rounding(1, Rounding.Mode.DOWN, Rounding.Basis.ANNUAL);
        StageTable standard = StageTables.standard13();
        Facts[] people = {exempt(false, 500_000), exempt(false, 1_000_000), exempt(false, 1_500_000),
                exempt(true, 500_000), exempt(true, 1_000_000), taxed(0), taxed(1_500_000), taxed(2_500_000),
                taxed(3_500_000), taxed(4_500_000)};
        long[] published = {22_572, 38_412, 54_252, 71_280, 79_200, 95_040, 102_960, 118_800, 134_640, 150_480};
        for (int i = 0; i < people.length; i++) {
            Outcome o = PremiumEngine.calculate(2025, people[i], standard, base, yen, null);
            assertThat(o.stage()).as("第%d段階", i + 1).isEqualTo(i + 1);
            assertThat(o.annualPremium()).as("第%d段階", i + 1).isEqualTo(published[i]);
        }
    }

    /**
     * 春日井市（愛知県）令和6〜8年度, 15段階. Source: https://www.city.kasugai.lg.jp/kenko/1011073/kaigo/1034313.html
     * (read 2026-11-28; the stored copy ends inside 第4段階). 基準月額 5,580円; 第2段階 基準額×0.45 (the standard 0.485),
     * amounts to the yen with fractions dropped: 19,083円 (66,960 × 0.285 = 19,083.6), 30,132円, 45,867円 (45,867.6).
     * Only stages 1–3 were read; the table below carries them and the standard rows after them, which no test asserts.
     */
    @Test
    void kasugai_ownSecondStageRateMonthlyBaseYenFloor() {
        StageTable table = PremiumStagesTest.standardWith(2, "reducedMultiplier", new BigDecimal("0.45"));
        BaseAmount base = new BaseAmount(5_580, BaseAmount.Period.MONTHLY);
        Rounding yen = new Rounding(1, Rounding.Mode.DOWN, Rounding.Basis.ANNUAL);
        table.validate("stageTable", LowIncomeThreshold.forFiscalYear(2024));
        long[] published = {19_083, 30_132, 45_867};
        Facts[] people = {exempt(false, 800_000), exempt(false, 800_001), exempt(false, 1_200_001)};
        for (int i = 0; i < people.length; i++) {
            Outcome o = PremiumEngine.calculate(2024, people[i], table, base, yen, null);
            assertThat(o.stage()).isEqualTo(i + 1);
            assertThat(o.annualPremium()).as("第%d段階", i + 1).isEqualTo(published[i]);
        }
    }
}

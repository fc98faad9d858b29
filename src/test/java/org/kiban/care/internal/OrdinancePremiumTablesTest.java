package org.kiban.care.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kiban.care.internal.PremiumEngine.BaseAmount;
import org.kiban.care.internal.PremiumEngine.Facts;
import org.kiban.care.internal.PremiumEngine.Outcome;
import org.kiban.care.internal.StageTable.Stage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole published premium tables, every stage and every amount, reproduced by data alone: a stage table in the
 * documented JSON form of docs/care/premium-stages.md plus the base-amount and rounding parameters.
 *
 * <p>The sources are the municipalities' 介護保険条例 in their 例規集: the article 保険料率 lists the 年額 of every
 * stage, first before the 公費による軽減 — paragraph 1, one item per 号 of 介護保険法施行令第38条第1項 — and then the
 * amounts after it for stages 1 to 3 — the following paragraphs, 保険料の減額賦課. Web pages about the premium were
 * stored only up to their first rows, see "What was not captured" in the document above; the ordinances are short
 * enough to have been stored whole. Every expected amount below is copied from the ordinance text read on 2026-12-02,
 * never computed. The ordinances name each stage by the 号 of 令第38条第1項 and print no rates, so a stage's
 * conditions and 標準割合 are the 政令's, cited in each table's Javadoc; that those rates times the 基準額, rounded as
 * configured, give every printed amount is what the tests show.
 */
class OrdinancePremiumTablesTest {

    /** 本人非課税: all of the 判定額 is pension revenue whose pension income is given as 0. */
    private static Facts exempt(boolean householdTaxed, long judgement) {
        return new Facts(null, false, 0, judgement, 0L, 0, false, householdTaxed);
    }

    private static Facts taxed(long totalIncome) {
        return new Facts(null, true, totalIncome, 0, 0L, 0, false, true);
    }

    private static Facts person(String who, long income) {
        return switch (who) {
            case "welfare" -> new Facts(null, false, 0, income, 0L, 0, true, false);
            case "exempt" -> exempt(false, income);
            case "household" -> exempt(true, income);
            case "taxed" -> taxed(income);
            default -> throw new IllegalArgumentException(who);
        };
    }

    /**
     * The same table without its 公費軽減 rates: what the ordinance's first paragraph charges before 減額賦課.
     */
    static StageTable beforeReduction(StageTable t) {
        List<Stage> stages = t.stages().stream().map(s -> new Stage(s.number(), s.label(), s.welfareRecipients(),
                s.household(), s.person(), s.measure(), s.above(), s.from(), s.upTo(), s.below(), s.multiplier(),
                null)).toList();
        return new StageTable(t.name() + "（公費軽減前）", t.baseStage(), stages);
    }

    /**
     * The 13 stages of 令第38条第1項 as amended by 令和6年政令第13号, in force for 令和6〜8年度, named by both ordinances
     * below: https://hourei.roken.or.jp/detail.php?uid=3346 and care_insurance.md §1.2. Conditions and rates are the
     * 政令's; only the 基準額 and the rounding differ between the two municipalities.
     */
    static final String ORDER_38_NINTH_PERIOD_ROWS = """
             {"stage": 1, "label": "令第38条第1項第1号", "welfareRecipients": true, "household": "ALL_EXEMPT",
              "person": "EXEMPT", "income": "JUDGEMENT", "upTo": "T1", "multiplier": 0.455, "reducedMultiplier": 0.285},
             {"stage": 2, "label": "令第38条第1項第2号", "household": "ALL_EXEMPT", "person": "EXEMPT",
              "income": "JUDGEMENT", "above": "T1", "upTo": 1200000, "multiplier": 0.685, "reducedMultiplier": 0.485},
             {"stage": 3, "label": "令第38条第1項第3号", "household": "ALL_EXEMPT", "person": "EXEMPT",
              "income": "JUDGEMENT", "above": 1200000, "multiplier": 0.69, "reducedMultiplier": 0.685},
             {"stage": 4, "label": "令第38条第1項第4号", "household": "ANY_TAXED", "person": "EXEMPT",
              "income": "JUDGEMENT", "upTo": "T1", "multiplier": 0.9},
             {"stage": 5, "label": "令第38条第1項第5号", "household": "ANY_TAXED", "person": "EXEMPT",
              "income": "JUDGEMENT", "above": "T1", "multiplier": 1.0},
             {"stage": 6, "label": "令第38条第1項第6号", "person": "TAXED", "income": "TOTAL", "below": 1200000,
              "multiplier": 1.2},
             {"stage": 7, "label": "令第38条第1項第7号", "person": "TAXED", "income": "TOTAL", "from": 1200000,
              "below": 2100000, "multiplier": 1.3},
             {"stage": 8, "label": "令第38条第1項第8号", "person": "TAXED", "income": "TOTAL", "from": 2100000,
              "below": 3200000, "multiplier": 1.5},
             {"stage": 9, "label": "令第38条第1項第9号", "person": "TAXED", "income": "TOTAL", "from": 3200000,
              "below": 4200000, "multiplier": 1.7},
             {"stage": 10, "label": "令第38条第1項第10号", "person": "TAXED", "income": "TOTAL", "from": 4200000,
              "below": 5200000, "multiplier": 1.9},
             {"stage": 11, "label": "令第38条第1項第11号", "person": "TAXED", "income": "TOTAL", "from": 5200000,
              "below": 6200000, "multiplier": 2.1},
             {"stage": 12, "label": "令第38条第1項第12号", "person": "TAXED", "income": "TOTAL", "from": 6200000,
              "below": 7200000, "multiplier": 2.3},
             {"stage": 13, "label": "令第38条第1項第13号", "person": "TAXED", "income": "TOTAL", "from": 7200000,
              "multiplier": 2.4}""";

    // ---------------------------------------------------------------------------------------------------------------
    // 神流町 (群馬県), 令和6〜8年度: the whole table.

    /**
     * 神流町 (群馬県) 令和6〜8年度. Source: 神流町介護保険条例, 平成15年4月1日条例第97号, 第2条 保険料率, as published in
     * the town's 例規集; read 2026-12-02 from the stored copy, which gives the whole article up to 第3条 but carries
     * no web address, so none is cited here. Paragraph 1 lists 13 amounts, one per 号 of 令第38条第1項: 36,200円,
     * 54,500円, 54,900円, 71,600円, 79,500円, 95,400円, 103,400円, 119,300円, 135,200円, 151,100円, 167,000円,
     * 182,900円 and 190,800円; paragraphs 2 to 4 the 減額賦課 of stages 1 to 3: 22,700円, 38,600円 and 54,500円.
     * 基準額 年額 79,500円 — the amount of 第5号, rate 1. Every amount is on a 100-yen step although the products are
     * not: 79,500 × 0.455 = 36,172.5 is printed 36,200, so the town rounds to 100 yen, and up, not down. Whether it
     * rounds half up or always up the ordinance cannot tell: every product here has 50 yen or more past the hundred.
     */
    static final String KANNA = "{\"name\": \"神流町 令和6〜8年度（神流町介護保険条例第2条）\", \"baseStage\": 5, \"stages\": [\n"
            + ORDER_38_NINTH_PERIOD_ROWS + "]}";

    static final StageTable KANNA_TABLE = StageTables.parse(JsonInput.parse(KANNA));
    static final BaseAmount KANNA_BASE = new BaseAmount(79_500, BaseAmount.Period.ANNUAL);
    static final Rounding KANNA_ROUNDING = new Rounding(100, Rounding.Mode.HALF_UP, Rounding.Basis.ANNUAL);

    @Test
    void kannaTableIsValidForEachYearOfThePeriod() {
        for (int fy = 2024; fy <= 2026; fy++) {
            KANNA_TABLE.validate("stageTable", LowIncomeThreshold.forFiscalYear(fy));
        }
        assertThat(KANNA_TABLE.stages()).hasSize(13);
    }

    /** 第2条第1項・第2項〜第4項: the amount charged, after 減額賦課 for stages 1 to 3. */
    @ParameterizedTest(name = "神流町介護保険条例第2条 令和6年度 第{0}段階 → {1}円")
    @CsvSource({
            "1, 22700, welfare, 2000000", "1, 22700, exempt, 500000", "2, 38600, exempt, 1000000",
            "3, 54500, exempt, 1500000", "4, 71600, household, 500000", "5, 79500, household, 1000000",
            "6, 95400, taxed, 0", "7, 103400, taxed, 1500000", "8, 119300, taxed, 2500000",
            "9, 135200, taxed, 3500000", "10, 151100, taxed, 4500000", "11, 167000, taxed, 5500000",
            "12, 182900, taxed, 6500000", "13, 190800, taxed, 7500000"})
    void kannaEveryChargedAmount(int stage, long published, String who, long income) {
        Outcome o = PremiumEngine.calculate(2024, person(who, income), KANNA_TABLE, KANNA_BASE, KANNA_ROUNDING, null);
        assertThat(o.stage()).isEqualTo(stage);
        assertThat(o.annualPremium()).isEqualTo(published);
    }

    /** 第2条第1項, stages 1 to 3: the 保険料率 before 減額賦課, from the rates before 公費軽減. */
    @ParameterizedTest(name = "神流町介護保険条例第2条第1項 第{0}号 → {1}円")
    @CsvSource({"1, 36200, exempt, 500000", "2, 54500, exempt, 1000000", "3, 54900, exempt, 1500000"})
    void kannaAmountsBeforeTheReduction(int stage, long published, String who, long income) {
        Outcome o = PremiumEngine.calculate(2024, person(who, income), beforeReduction(KANNA_TABLE), KANNA_BASE,
                KANNA_ROUNDING, null);
        assertThat(o.stage()).isEqualTo(stage);
        assertThat(o.annualPremium()).isEqualTo(published);
    }

    /** The article fixes one amount per 号 for 令和6年度から令和8年度までの各年度: the same in each year, T1 aside. */
    @ParameterizedTest(name = "神流町 {0}年度: the same 13 amounts")
    @ValueSource(ints = {2024, 2025, 2026})
    void kannaSameAmountsInEachYearOfThePeriod(int fy) {
        long[] published = {22_700, 38_600, 54_500, 71_600, 79_500, 95_400, 103_400, 119_300, 135_200, 151_100,
                167_000, 182_900, 190_800};
        assertThat(amounts(fy, KANNA_TABLE, KANNA_BASE, KANNA_ROUNDING)).containsExactly(published);
    }

    /** Half up and always up both give the printed amounts of stage 1; rounding down does not. */
    @ParameterizedTest(name = "神流町 100円単位 {0}")
    @EnumSource(Rounding.Mode.class)
    void kannaRoundsTo100YenButNotDown(Rounding.Mode mode) {
        Rounding r = new Rounding(100, mode, Rounding.Basis.ANNUAL);
        long charged = PremiumEngine.calculate(2024, exempt(false, 0), KANNA_TABLE, KANNA_BASE, r, null).annualPremium();
        long before = PremiumEngine.calculate(2024, exempt(false, 0), beforeReduction(KANNA_TABLE), KANNA_BASE, r, null)
                .annualPremium();
        if (mode == Rounding.Mode.DOWN) {
            assertThat(charged).isNotEqualTo(22_700);
            assertThat(before).isNotEqualTo(36_200);
        } else {
            assertThat(charged).isEqualTo(22_700);
            assertThat(before).isEqualTo(36_200);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 紋別市 (北海道), 令和6〜8年度: every amount but one.

    /**
     * 紋別市 (北海道) 令和6〜8年度. Source: https://mombetsu.jp/reiki/reiki_honbun/a020RG00000340.html — 紋別市介護保険条例,
     * 平成12年3月24日条例第22号, 第2条 保険料率; read 2026-12-02. Paragraph 1: 27,020円, 40,680円, 40,980円, 53,460円,
     * 59,400円, 71,280円, 77,220円, 89,100円, 100,980円, 112,860円, 124,740円, 136,620円, 142,560円 for 令第38条第1項第1号
     * to 第13号; paragraph 2: stage 1 after 減額賦課 16,920円; paragraph 3: stage 2, 28,800円. The stored copy ends at
     * the start of paragraph 4, so the amount of stage 3 after 減額賦課 was not read and no test asserts it; the table
     * charges the standard 0.685 there. 基準額 年額 59,400円, the amount of 第5号. Amounts are cut to 10 yen:
     * 59,400 × 0.455 = 27,027 is printed 27,020.
     */
    static final String MOMBETSU = "{\"name\": \"紋別市 令和6〜8年度（紋別市介護保険条例第2条）\", \"baseStage\": 5, \"stages\": [\n"
            + ORDER_38_NINTH_PERIOD_ROWS + "]}";

    static final StageTable MOMBETSU_TABLE = StageTables.parse(JsonInput.parse(MOMBETSU));
    static final BaseAmount MOMBETSU_BASE = new BaseAmount(59_400, BaseAmount.Period.ANNUAL);
    static final Rounding MOMBETSU_ROUNDING = new Rounding(10, Rounding.Mode.DOWN, Rounding.Basis.ANNUAL);

    @ParameterizedTest(name = "紋別市介護保険条例第2条 令和6年度 第{0}段階 → {1}円")
    @CsvSource({
            "1, 16920, welfare, 2000000", "1, 16920, exempt, 500000", "2, 28800, exempt, 1000000",
            "4, 53460, household, 500000", "5, 59400, household, 1000000",
            "6, 71280, taxed, 0", "7, 77220, taxed, 1500000", "8, 89100, taxed, 2500000",
            "9, 100980, taxed, 3500000", "10, 112860, taxed, 4500000", "11, 124740, taxed, 5500000",
            "12, 136620, taxed, 6500000", "13, 142560, taxed, 7500000"})
    void mombetsuEveryChargedAmountRead(int stage, long published, String who, long income) {
        Outcome o = PremiumEngine.calculate(2024, person(who, income), MOMBETSU_TABLE, MOMBETSU_BASE,
                MOMBETSU_ROUNDING, null);
        assertThat(o.stage()).isEqualTo(stage);
        assertThat(o.annualPremium()).isEqualTo(published);
    }

    @ParameterizedTest(name = "紋別市介護保険条例第2条第1項 第{0}号 → {1}円")
    @CsvSource({"1, 27020, exempt, 500000", "2, 40680, exempt, 1000000", "3, 40980, exempt, 1500000"})
    void mombetsuAmountsBeforeTheReduction(int stage, long published, String who, long income) {
        Outcome o = PremiumEngine.calculate(2024, person(who, income), beforeReduction(MOMBETSU_TABLE), MOMBETSU_BASE,
                MOMBETSU_ROUNDING, null);
        assertThat(o.stage()).isEqualTo(stage);
        assertThat(o.annualPremium()).isEqualTo(published);
    }

    @Test
    void mombetsuCutsToTenYen_roundingHalfUpWouldNotMatch() {
        Rounding halfUp = new Rounding(10, Rounding.Mode.HALF_UP, Rounding.Basis.ANNUAL);
        long before = PremiumEngine.calculate(2024, exempt(false, 0), beforeReduction(MOMBETSU_TABLE), MOMBETSU_BASE,
                halfUp, null).annualPremium();
        assertThat(before).isNotEqualTo(27_020);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 芸西村 (高知県), 令和3〜5年度 (第8期, 9 stages): the whole table.

    /**
     * 芸西村 (高知県) 令和3〜5年度, 第8期. Source: http://www.vill.geisei.kochi.jp/reiki_int/reiki_honbun/o317RG00000274.html?id=j11
     * — 芸西村介護保険条例, 平成12年3月16日条例第15号, 第2条 保険料率, in the wording for 令和3年度から令和5年度; read
     * 2026-12-02, the whole article up to 第3条. Paragraph 1: 37,800円, 56,700円, 56,700円, 68,040円, 75,600円, 90,720円,
     * 98,280円, 113,400円, 128,520円 for 令第38条第1項第1号 to 第9号; paragraphs 2 to 4 the 減額賦課 of stages 1 to 3:
     * 22,680円, 37,800円 and 52,920円. 基準額 年額 75,600円. The 9 stages are 令第38条第1項 before 令和6年政令第13号:
     * stages 1 to 5 as in 第9期 with the line T1 = 80万円, stages 6 to 9 本人課税 with 合計所得金額 below 120万円,
     * 120万円 to below 210万円, 210万円 to below 320万円 and 320万円 or more, care_insurance.md §1.2 on the 第8期 bounds;
     * rates 0.5, 0.75, 0.75, 0.9, 1, 1.2, 1.3, 1.5, 1.7 and after 公費軽減 0.3, 0.5, 0.7 — the 第8期 標準割合 of the
     * 政令, not printed in the ordinance and not in care_insurance.md, so UNVERIFIED there; each printed amount is that
     * rate times 75,600 to the yen.
     */
    static final String GEISEI = """
            {"name": "芸西村 令和3〜5年度（芸西村介護保険条例第2条・第8期9段階）", "baseStage": 5, "stages": [
             {"stage": 1, "welfareRecipients": true, "household": "ALL_EXEMPT", "person": "EXEMPT",
              "income": "JUDGEMENT", "upTo": "T1", "multiplier": 0.5, "reducedMultiplier": 0.3},
             {"stage": 2, "household": "ALL_EXEMPT", "person": "EXEMPT", "income": "JUDGEMENT",
              "above": "T1", "upTo": 1200000, "multiplier": 0.75, "reducedMultiplier": 0.5},
             {"stage": 3, "household": "ALL_EXEMPT", "person": "EXEMPT", "income": "JUDGEMENT",
              "above": 1200000, "multiplier": 0.75, "reducedMultiplier": 0.7},
             {"stage": 4, "household": "ANY_TAXED", "person": "EXEMPT", "income": "JUDGEMENT", "upTo": "T1", "multiplier": 0.9},
             {"stage": 5, "household": "ANY_TAXED", "person": "EXEMPT", "income": "JUDGEMENT", "above": "T1", "multiplier": 1.0},
             {"stage": 6, "person": "TAXED", "income": "TOTAL", "below": 1200000, "multiplier": 1.2},
             {"stage": 7, "person": "TAXED", "income": "TOTAL", "from": 1200000, "below": 2100000, "multiplier": 1.3},
             {"stage": 8, "person": "TAXED", "income": "TOTAL", "from": 2100000, "below": 3200000, "multiplier": 1.5},
             {"stage": 9, "person": "TAXED", "income": "TOTAL", "from": 3200000, "multiplier": 1.7}]}
            """;

    static final StageTable GEISEI_TABLE = StageTables.parse(JsonInput.parse(GEISEI));
    static final BaseAmount GEISEI_BASE = new BaseAmount(75_600, BaseAmount.Period.ANNUAL);
    static final Rounding YEN = new Rounding(1, Rounding.Mode.DOWN, Rounding.Basis.ANNUAL);

    @Test
    void geiseiNineStageTableIsValid() {
        for (int fy = 2021; fy <= 2023; fy++) {
            GEISEI_TABLE.validate("stageTable", LowIncomeThreshold.forFiscalYear(fy));
        }
        assertThat(GEISEI_TABLE.stages()).hasSize(9);
    }

    @ParameterizedTest(name = "芸西村介護保険条例第2条 令和3年度 第{0}段階 → {1}円")
    @CsvSource({
            "1, 22680, welfare, 2000000", "1, 22680, exempt, 800000", "2, 37800, exempt, 800001",
            "2, 37800, exempt, 1200000", "3, 52920, exempt, 1200001", "4, 68040, household, 800000",
            "5, 75600, household, 800001", "6, 90720, taxed, 1199999", "7, 98280, taxed, 1200000",
            "7, 98280, taxed, 2099999", "8, 113400, taxed, 2100000", "8, 113400, taxed, 3199999",
            "9, 128520, taxed, 3200000", "9, 128520, taxed, 50000000"})
    void geiseiEveryChargedAmount(int stage, long published, String who, long income) {
        Outcome o = PremiumEngine.calculate(2021, person(who, income), GEISEI_TABLE, GEISEI_BASE, YEN, null);
        assertThat(o.stage()).isEqualTo(stage);
        assertThat(o.annualPremium()).isEqualTo(published);
    }

    @ParameterizedTest(name = "芸西村介護保険条例第2条第1項 第{0}号 → {1}円")
    @CsvSource({"1, 37800, exempt, 500000", "2, 56700, exempt, 1000000", "3, 56700, exempt, 1500000"})
    void geiseiAmountsBeforeTheReduction(int stage, long published, String who, long income) {
        Outcome o = PremiumEngine.calculate(2021, person(who, income), beforeReduction(GEISEI_TABLE), GEISEI_BASE, YEN,
                null);
        assertThat(o.stage()).isEqualTo(stage);
        assertThat(o.annualPremium()).isEqualTo(published);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The 年額 of a person inside each stage of a 13-stage table, in stage order. */
    private static long[] amounts(int fy, StageTable table, BaseAmount base, Rounding rounding) {
        Facts[] people = {exempt(false, 500_000), exempt(false, 1_000_000), exempt(false, 1_500_000),
                exempt(true, 500_000), exempt(true, 1_000_000), taxed(0), taxed(1_500_000), taxed(2_500_000),
                taxed(3_500_000), taxed(4_500_000), taxed(5_500_000), taxed(6_500_000), taxed(7_500_000)};
        long[] out = new long[people.length];
        for (int i = 0; i < people.length; i++) {
            Outcome o = PremiumEngine.calculate(fy, people[i], table, base, rounding, null);
            assertThat(o.stage()).isEqualTo(i + 1);
            out[i] = o.annualPremium();
        }
        return out;
    }
}

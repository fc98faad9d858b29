package org.kiban.tax.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.kiban.tax.TaxCalculationRequest.Disability;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule table at its boundaries. Expected values are the published tables' formulas applied by hand (the source
 * is in each test's name); none comes from running the engine.
 */
class RuleTablesTest {

    private final ResidentTaxRules fy2025 = new Fy2025Rules();
    private final ResidentTaxRules fy2026 = new Fy2026Rules();

    // 彦根市「給与所得の計算」令和8年度以降 (HIKONE), the boundaries
    @ParameterizedTest(name = "FY2026 給与収入 {0} → {1}")
    @CsvSource({"0,0", "650999,0", "651000,1000", "1624999,974999", "1625000,975000", "1899999,1249999",
            "1900000,1250000", "1903999,1250000", "1904000,1252800", "3599999,2437200", "3600000,2440000",
            "6599999,4836800", "6600000,4840000", "8499999,6549999", "8500000,6550000", "20000000,18050000"})
    void salaryIncome_fy2026_hikoneTable(long revenue, long income) {
        assertThat(fy2026.salaryIncome(revenue)).isEqualTo(income);
    }

    // 彦根市「給与所得の計算」令和7年度以前 (HIKONE); 大和郡山市 shows the same table
    @ParameterizedTest(name = "FY2025 給与収入 {0} → {1}")
    @CsvSource({"550999,0", "551000,1000", "1618999,1068999", "1619000,1069000", "1619999,1069000",
            "1620000,1070000", "1621999,1070000", "1622000,1072000", "1623999,1072000", "1624000,1074000",
            "1627999,1074000", "1628000,1076800", "1799999,1177600", "1800000,1180000", "3599999,2437200",
            "3600000,2440000", "6599999,4836800", "6600000,4840000", "8500000,6550000"})
    void salaryIncome_fy2025_hikoneTable(long revenue, long income) {
        assertThat(fy2025.salaryIncome(revenue)).isEqualTo(income);
    }

    @Test
    void salaryIncome_publishedAnchors_osakaChofuNiigataNagoyaSagaYokohamaAnjo() {
        assertThat(fy2026.salaryIncome(5_436_629)).as("OSAKA 令和8年度 [T]").isEqualTo(3_908_800);
        assertThat(fy2026.salaryIncome(6_543_200)).as("CHOFU 令和8年度 [T]").isEqualTo(4_792_000);
        assertThat(fy2026.salaryIncome(5_000_000)).as("NIIGATA 令和8年度").isEqualTo(3_560_000);
        assertThat(fy2025.salaryIncome(5_505_000)).as("NAGOYA 令和7年度").isEqualTo(3_963_200);
        assertThat(fy2025.salaryIncome(6_000_000)).as("SAGA 令和7年度").isEqualTo(4_360_000);
        assertThat(fy2025.salaryIncome(5_500_000)).as("YOKOHAMA 令和7年度").isEqualTo(3_960_000);
        assertThat(fy2025.salaryIncome(6_050_000)).as("安城市 計算例1").isEqualTo(4_398_400);
    }

    // 新十津川町「公的年金等に係る雑所得の速算表」(SHINTOTSUKAWA), 65歳以上 / 65歳未満, other income ≤ 10,000,000
    @ParameterizedTest(name = "年金 {0} 65歳以上={1} → {2}")
    @CsvSource({"1100000,true,0", "1100001,true,1", "3299999,true,2199999", "3300000,true,2200000",
            "4099999,true,2799999", "4100000,true,2800000", "7699999,true,5859999", "7700000,true,5860000",
            "9999999,true,8044999", "10000000,true,8045000",
            "600000,false,0", "1299999,false,699999", "1300000,false,700000", "3299999,false,2199999"})
    void publicPensionIncome_shintotsukawaTable(long revenue, boolean aged65, long income) {
        assertThat(fy2026.publicPensionIncome(revenue, aged65, 0)).isEqualTo(income);
    }

    @Test
    void publicPensionIncome_otherIncomeOver10and20Million_deductionShrinks_hikoneColumns() {
        assertThat(fy2026.publicPensionIncome(2_000_000, true, 10_000_001)).isEqualTo(1_000_000);
        assertThat(fy2026.publicPensionIncome(2_000_000, true, 20_000_001)).isEqualTo(1_100_000);
        assertThat(fy2026.publicPensionIncome(2_000_000, true, 10_000_000)).isEqualTo(900_000);
    }

    @Test
    void incomeAdjustment_article41_3_3() {
        assertThat(fy2026.incomeAdjustmentForCarers(9_000_000, true)).isEqualTo(50_000);
        assertThat(fy2026.incomeAdjustmentForCarers(12_000_000, true)).isEqualTo(150_000);
        assertThat(fy2026.incomeAdjustmentForCarers(8_500_001, true)).as("1円未満切上げ").isEqualTo(1);
        assertThat(fy2026.incomeAdjustmentForCarers(9_000_000, false)).isZero();
        assertThat(fy2026.incomeAdjustmentForPensioners(50_000, 80_000)).isEqualTo(30_000);
        assertThat(fy2026.incomeAdjustmentForPensioners(500_000, 500_000)).isEqualTo(100_000);
    }

    // 地方税法第314条の2第2項 (SEIDO-VALUES)
    @ParameterizedTest(name = "基礎控除 合計所得 {0} → {1}")
    @CsvSource({"24000000,430000", "24000001,290000", "24500000,290000", "24500001,150000", "25000000,150000",
            "25000001,0"})
    void basicDeduction_article314_2_2(long income, long deduction) {
        assertThat(fy2025.basicDeduction(income)).isEqualTo(deduction);
        assertThat(fy2026.basicDeduction(income)).isEqualTo(deduction);
    }

    // 天理市 令和8年度改正 (TENRI): 配偶者・扶養の所得要件 48万 → 58万, 勤労学生 75万 → 85万
    @Test
    void dependantLimits_tenri_48to58_75to85() {
        assertThat(fy2025.spouseDeduction(5_000_000, 480_000, false)).isEqualTo(330_000);
        assertThat(fy2025.spouseDeduction(5_000_000, 480_001, false)).isZero();
        assertThat(fy2026.spouseDeduction(5_000_000, 580_000, false)).isEqualTo(330_000);
        assertThat(fy2026.spouseDeduction(5_000_000, 580_001, false)).isZero();
        assertThat(fy2025.workingStudentDeduction(true, 750_000)).isEqualTo(260_000);
        assertThat(fy2025.workingStudentDeduction(true, 750_001)).isZero();
        assertThat(fy2026.workingStudentDeduction(true, 850_000)).isEqualTo(260_000);
        assertThat(fy2026.workingStudentDeduction(true, 850_001)).isZero();
    }

    // 地方税法第314条の2第1項第10号 (SEIDO-VALUES)
    @Test
    void spouseDeduction_taxpayerIncomeTiers_article314_2_1_10() {
        assertThat(fy2026.spouseDeduction(9_000_000, 0, false)).isEqualTo(330_000);
        assertThat(fy2026.spouseDeduction(9_000_001, 0, false)).isEqualTo(220_000);
        assertThat(fy2026.spouseDeduction(9_500_001, 0, false)).isEqualTo(110_000);
        assertThat(fy2026.spouseDeduction(10_000_001, 0, false)).isZero();
        assertThat(fy2026.spouseDeduction(9_000_000, 0, true)).isEqualTo(380_000);
        assertThat(fy2026.spouseDeduction(9_500_000, 0, true)).isEqualTo(260_000);
        assertThat(fy2026.spouseDeduction(10_000_000, 0, true)).isEqualTo(130_000);
    }

    // 地方税法第314条の2第1項第10号の2 (resident-tax table)
    @ParameterizedTest(name = "配偶者特別控除 FY2026 配偶者所得 {0} → {1}")
    @CsvSource({"580000,0", "580001,330000", "1000000,330000", "1000001,310000", "1050001,260000",
            "1100001,210000", "1150001,160000", "1200001,110000", "1250001,60000", "1300001,30000",
            "1330000,30000", "1330001,0"})
    void spouseSpecialDeduction_fy2026(long spouseIncome, long deduction) {
        assertThat(fy2026.spouseSpecialDeduction(5_000_000, spouseIncome)).isEqualTo(deduction);
    }

    @Test
    void spouseSpecialDeduction_fy2025StartsAbove480000_andReducedTiers() {
        assertThat(fy2025.spouseSpecialDeduction(5_000_000, 480_001)).isEqualTo(330_000);
        assertThat(fy2025.spouseSpecialDeduction(9_200_000, 1_000_001)).isEqualTo(210_000);
        assertThat(fy2025.spouseSpecialDeduction(9_800_000, 1_300_001)).isEqualTo(10_000);
    }

    // 佐賀市・名古屋市 計算例; 地方税法第314条の2第1項第11号
    @Test
    void dependantKinds_byAgeOnDecember31() {
        assertThat(fy2026.dependantDeduction(fy2026.dependantKind(15, false))).isZero();
        assertThat(fy2026.dependantDeduction(fy2026.dependantKind(16, false))).isEqualTo(330_000);
        assertThat(fy2026.dependantDeduction(fy2026.dependantKind(18, false))).isEqualTo(330_000);
        assertThat(fy2026.dependantDeduction(fy2026.dependantKind(19, false))).isEqualTo(450_000);
        assertThat(fy2026.dependantDeduction(fy2026.dependantKind(22, false))).isEqualTo(450_000);
        assertThat(fy2026.dependantDeduction(fy2026.dependantKind(23, false))).isEqualTo(330_000);
        assertThat(fy2026.dependantDeduction(fy2026.dependantKind(69, true))).isEqualTo(330_000);
        assertThat(fy2026.dependantDeduction(fy2026.dependantKind(70, false))).isEqualTo(380_000);
        assertThat(fy2026.dependantDeduction(fy2026.dependantKind(70, true))).isEqualTo(450_000);
    }

    // 特定親族特別控除 (令和8年度), resident-tax column of the reference table
    @ParameterizedTest(name = "特定親族特別控除 所得 {0} → {1}")
    @CsvSource({"580000,0", "580001,450000", "950000,450000", "950001,410000", "1000001,310000", "1050001,210000",
            "1100001,110000", "1150001,60000", "1200001,30000", "1230000,30000", "1230001,0"})
    void specificRelativeDeduction_fy2026(long relativeIncome, long deduction) {
        assertThat(fy2026.specificRelativeDeduction(5_000_000, 20, relativeIncome)).isEqualTo(deduction);
        assertThat(fy2025.specificRelativeDeduction(5_000_000, 20, relativeIncome)).isZero();
    }

    // 知多市 生命保険料控除 (住民税), 佐賀市 (旧 25,000 → 20,000; 介護医療 18,000 → 15,000), 横浜市 (新 90,000 → 28,000)
    @Test
    void lifeInsurance_chitaSagaYokohama() {
        assertThat(fy2025.lifeInsuranceOld(25_000)).as("SAGA").isEqualTo(20_000);
        assertThat(fy2025.lifeInsuranceNew(18_000)).as("SAGA").isEqualTo(15_000);
        assertThat(fy2025.lifeInsuranceNew(90_000)).as("YOKOHAMA").isEqualTo(28_000);
        assertThat(fy2025.lifeInsuranceNew(12_000)).isEqualTo(12_000);
        assertThat(fy2025.lifeInsuranceNew(32_000)).isEqualTo(22_000);
        assertThat(fy2025.lifeInsuranceNew(32_001)).isEqualTo(22_001);
        assertThat(fy2025.lifeInsuranceNew(56_000)).isEqualTo(28_000);
        assertThat(fy2025.lifeInsuranceNew(12_001)).as("1円未満切上げ").isEqualTo(12_001);
        assertThat(fy2025.lifeInsuranceOld(15_000)).isEqualTo(15_000);
        assertThat(fy2025.lifeInsuranceOld(40_000)).isEqualTo(27_500);
        assertThat(fy2025.lifeInsuranceOld(70_000)).isEqualTo(35_000);
        assertThat(fy2025.lifeInsuranceOld(100_000)).isEqualTo(35_000);
        assertThat(fy2025.lifeInsuranceCategory(100_000, 100_000)).as("旧のみの35,000が大きい").isEqualTo(35_000);
        assertThat(fy2025.lifeInsuranceCategory(20_000, 10_000)).as("新旧合計は28,000まで").isEqualTo(26_000);
        assertThat(fy2025.lifeInsuranceDeduction(35_000, 28_000, 28_000)).as("相模原市: 合計70,000").isEqualTo(70_000);
    }

    // 横浜市 計算例 (地震保険料 20,000 → 10,000)
    @Test
    void earthquakeInsurance_yokohama() {
        assertThat(fy2025.earthquakeInsuranceDeduction(20_000, 0)).isEqualTo(10_000);
        assertThat(fy2025.earthquakeInsuranceDeduction(60_000, 0)).isEqualTo(25_000);
        assertThat(fy2025.earthquakeInsuranceDeduction(0, 15_000)).isEqualTo(10_000);
        assertThat(fy2025.earthquakeInsuranceDeduction(40_000, 15_000)).isEqualTo(25_000);
    }

    // 尼崎市 年金受給者の計算例: 医療費 200,000, 総所得金額 2,100,000 → 100,000
    @Test
    void medical_amagasaki() {
        assertThat(fy2025.medicalDeduction(200_000, 2_100_000)).isEqualTo(100_000);
        assertThat(fy2025.medicalDeduction(200_000, 1_000_000)).as("総所得金額等の5%").isEqualTo(150_000);
        assertThat(fy2025.medicalDeduction(5_000_000, 10_000_000)).as("上限200万円").isEqualTo(2_000_000);
    }

    @Test
    void disabilityDeduction_article314_2_1_6() {
        assertThat(fy2026.disabilityDeduction(Disability.GENERAL, true)).isEqualTo(260_000);
        assertThat(fy2026.disabilityDeduction(Disability.SPECIAL, true)).isEqualTo(300_000);
        assertThat(fy2026.disabilityDeduction(Disability.SPECIAL_COHABITING, false)).isEqualTo(530_000);
        assertThat(fy2026.widowOrSingleParentDeduction(false, true, 5_000_000)).isEqualTo(300_000);
        assertThat(fy2026.widowOrSingleParentDeduction(true, false, 5_000_000)).isEqualTo(260_000);
        assertThat(fy2026.widowOrSingleParentDeduction(true, false, 5_000_001)).isZero();
    }

    // 郡山市 調整控除 (KORIYAMA); 地方税法第37条・第314条の6
    @Test
    void adjustmentCredit_bothFormulas_koriyama() {
        assertThat(fy2026.adjustmentCreditBase(3_000_000, 1_300_000, 150_000)).isEqualTo(150_000);
        assertThat(fy2026.adjustmentCreditBase(3_000_000, 100_000, 150_000)).isEqualTo(100_000);
        assertThat(fy2026.adjustmentCreditBase(5_000_000, 2_100_000, 330_000)).isEqualTo(230_000);
        assertThat(fy2026.adjustmentCreditBase(5_000_000, 2_593_000, 330_000)).as("安城市: 最低5万円").isEqualTo(50_000);
        assertThat(fy2026.adjustmentCreditBase(25_000_001, 20_000_000, 50_000)).as("合計所得2,500万円超").isZero();
    }

    // 総務省 個人住民税 非課税 (SOUMU-KINTO via SEIDO-VALUES): 単身 45万/41.5万/38万; 1級地 夫婦 101万 (均等割), 112万 (所得割)
    @Test
    void exemptionLimits_byLivingCostGrade_soumu() {
        assertThat(fy2026.perCapitaExemptionLimit(1, 0)).isEqualTo(450_000);
        assertThat(fy2026.perCapitaExemptionLimit(2, 0)).isEqualTo(415_000);
        assertThat(fy2026.perCapitaExemptionLimit(3, 0)).isEqualTo(380_000);
        assertThat(fy2026.perCapitaExemptionLimit(1, 1)).isEqualTo(1_010_000);
        assertThat(fy2026.perCapitaExemptionLimit(2, 1)).isEqualTo(919_000);
        assertThat(fy2026.perCapitaExemptionLimit(3, 1)).isEqualTo(828_000);
        assertThat(fy2026.incomeLevyExemptionLimit(0)).isEqualTo(450_000);
        assertThat(fy2026.incomeLevyExemptionLimit(1)).isEqualTo(1_120_000);
        assertThat(fy2026.incomeLevyExemptionLimit(3)).isEqualTo(1_820_000);
    }

    // ふるさと納税 特例控除割合 (総務省ポータル; 90% − 所得税率 × 1.021)
    @ParameterizedTest(name = "特例控除割合 課税所得−差 {0} → {1}")
    @CsvSource({"-1,90000", "0,84895", "1950000,84895", "1951000,79790", "3300000,79790", "3301000,69580",
            "6950000,69580", "6951000,66517", "9000000,66517", "9001000,56307", "18000000,56307", "18001000,49160",
            "40000000,49160", "40001000,44055"})
    void furusatoRatio_soumu(long x, long milliPct) {
        assertThat(fy2026.furusatoSpecialRatio(x, 0)).isEqualTo(milliPct);
    }

    // 札幌市: 所得割 100円未満切捨て; 課税標準 1,000円未満切捨て
    @Test
    void rounding_sapporo() {
        assertThat(ResidentTaxRules.roundDownTo100(49_349)).isEqualTo(49_300);
        assertThat(fy2026.taxableIncome(3_960_000, 1_522_800)).isEqualTo(2_437_000);
        assertThat(fy2026.incomeLevy(2_437_000, 2_025)).as("横浜市 県民税 2.025%").isEqualTo(49_349);
    }

    @Test
    void ageOnDecember31_bornOnJanuary1CountsTheDayBefore() {
        assertThat(ResidentTaxEngine.ageOn(java.time.LocalDate.of(1961, 1, 1), java.time.LocalDate.of(2025, 12, 31)))
                .as("昭和36年1月1日生まれは令和7年12月31日に65歳（国税庁）").isEqualTo(65);
        assertThat(ResidentTaxEngine.ageOn(java.time.LocalDate.of(1961, 1, 2), java.time.LocalDate.of(2025, 12, 31)))
                .isEqualTo(64);
    }

    @Test
    void yenIsWrittenWithThousandsSeparators() {
        assertThat(ResidentTaxEngine.yen(0)).isEqualTo("0円");
        assertThat(ResidentTaxEngine.yen(999)).isEqualTo("999円");
        assertThat(ResidentTaxEngine.yen(1_000)).isEqualTo("1,000円");
        assertThat(ResidentTaxEngine.yen(1_234_567)).isEqualTo("1,234,567円");
        assertThat(ResidentTaxEngine.yen(-50_000)).isEqualTo("-50,000円");
    }
}

package org.kiban.care.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.kiban.common.LgCode;
import org.kiban.platform.BenchSubcommand;
import org.kiban.platform.DatabaseMaintenance;
import org.kiban.platform.TenantContext;
import org.kiban.resident.Residents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiban bench care --tenant 141003}: the yearly premium assessment of every 第1号被保険者 of a tenant whose
 * registry is loaded (see {@code demo-data}). Preparation, not timed as the assessment: the daily job insures
 * everyone 65 or older on 1 April, and synthetic 市町村民税 results are stored for every resident (about a third of
 * those 65+ taxed, pensions of 0–400万円, deterministic by seed). Then the assessment runs in one transaction,
 * timed: stage, rounding, 月割, 世帯 judgement on 1 April, collection method and installments for each person.
 */
@Component
@Command(name = "care", mixinStandardHelpOptions = true, description = "介護保険料の年次賦課の性能測定")
class CareBench implements Callable<Integer>, BenchSubcommand {

    @Option(names = "--tenant", required = true, description = "全国地方公共団体コード（6桁）")
    String tenant;

    @Option(names = "--fiscal-year", defaultValue = "2026", description = "賦課する年度（既定 ${DEFAULT-VALUE}）")
    int fiscalYear;

    @Option(names = "--seed", defaultValue = "42", description = "合成の課税情報の乱数の種（既定 ${DEFAULT-VALUE}）")
    long seed;

    private final CareDailyJob daily;
    private final PremiumAssessments assessments;
    private final Residents residents;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate tx;
    private final DatabaseMaintenance maintenance;

    CareBench(CareDailyJob daily, PremiumAssessments assessments, Residents residents, JdbcClient jdbc,
              JdbcTemplate jdbcTemplate, TransactionTemplate tx, DatabaseMaintenance maintenance) {
        this.daily = daily;
        this.assessments = assessments;
        this.residents = residents;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.tx = tx;
        this.maintenance = maintenance;
    }

    @Override
    public Integer call() {
        String lg = LgCode.of(tenant).value();
        LocalDate baseDate = LocalDate.of(fiscalYear, 4, 1);
        System.out.printf("== bench care: テナント %s、%d年度、賦課期日 %s%n", lg, fiscalYear, baseDate);

        long t0 = System.nanoTime();
        InsuredRegister.DailyResult d = daily.run(lg, baseDate);
        System.out.printf("準備 1: 日次処理（%s）住民 %,d 人、新たに資格取得 %,d 人（%.1f 秒）%n", baseDate, d.residentsRead(),
                d.acquired(), seconds(t0));

        long t1 = System.nanoTime();
        int stored = TenantContext.callAs(lg, PremiumAssessments.ASSESSOR, () -> tx.execute(s -> syntheticTaxResults(lg, baseDate)));
        maintenance.vacuumAnalyze("care_insured", "care_tax_result", "care_premium_assessment");
        System.out.printf("準備 2: 合成の市町村民税の結果 %,d 人分（%.1f 秒）%n", stored, seconds(t1));

        long t2 = System.nanoTime();
        PremiumAssessments.YearResult r = TenantContext.callAs(lg, PremiumAssessments.ASSESSOR,
                () -> tx.execute(s -> assessments.assessYear(fiscalYear, "性能測定")));
        double sec = seconds(t2);
        System.out.printf("賦課: 第1号被保険者 %,d 人を %.1f 秒で賦課しました（%,.0f 人/秒、住民 %,d 人の世帯を読込み）。"
                        + "特別徴収 %,d 人、保険料総額 %,d 円%n", r.assessed(), sec, r.assessed() / sec, r.residentsRead(),
                r.specialCollection(), r.totalPremium());
        Map<Integer, Integer> stages = new TreeMap<>();
        TenantContext.runAs(lg, PremiumAssessments.ASSESSOR, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                        select stage, count(*) n from (select distinct on (atena_no) stage from care_premium_assessment
                        where lg_code = ? and fiscal_year = ? order by atena_no, version desc) a group by stage""")
                .params(lg, fiscalYear).query(rs -> {
                    stages.put(rs.getInt("stage"), rs.getInt("n"));
                })));
        System.out.println("段階別の人数: " + stages);
        System.out.printf("目標 1分未満: %s%n", sec < 60 ? "達成" : "未達");
        return 0;
    }

    /** One result per resident registered on the base date, unless the tenant already has one for that year. */
    private int syntheticTaxResults(String lg, LocalDate baseDate) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Object[]> rows = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        int year = baseDate.getYear();
        residents.forEachRegisteredOn(baseDate, "性能測定：合成の課税情報", r -> {
            LocalDate birth = InsuredRegister.exactDate(r.birthDate());
            boolean aged = birth != null && !EligibilityRules.dayAttaining(birth, 65).isAfter(baseDate);
            long pension = aged ? random.nextLong(4_000_000) : 0;
            long other = random.nextInt(10) < (aged ? 2 : 6) ? random.nextLong(8_000_000) : 0;
            long pensionIncome = PensionIncome.of(pension, aged);
            long total = pensionIncome + other;
            boolean taxed = total > 450_000 && random.nextInt(10) < 8;
            rows.add(new Object[] {lg, year, r.atenaNo(), taxed, total, pension, pensionIncome, now});
        });
        jdbcTemplate.batchUpdate("""
                insert into care_tax_result (lg_code, tax_year, atena_no, version, taxed, total_income, pension_revenue,
                    pension_income, reason, recorded_at) values (?, ?, ?, 1, ?, ?, ?, ?, '性能測定', ?)
                on conflict do nothing""", rows);
        return rows.size();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

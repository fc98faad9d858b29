package org.kiban.tax.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.kiban.platform.BenchSubcommand;
import org.kiban.tax.TaxCalculationRequest;
import org.kiban.tax.TaxCalculationRequest.Dependent;
import org.kiban.tax.TaxCalculationRequest.Disability;
import org.kiban.tax.TaxCalculationResult.AppliedMunicipality;
import org.kiban.tax.engine.ResidentTaxEngine;
import org.kiban.tax.engine.ResidentTaxRules;
import org.kiban.tax.engine.RuleSets;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiban bench tax}: the engine-only rate (no I/O) over generated taxpayers. The end-to-end assessment of a
 * whole city (read the registry, compute, store) is not measured yet: the annual assessment is not built.
 */
@Component
@Command(name = "tax", mixinStandardHelpOptions = true, description = "個人住民税の性能測定（計算エンジンのみ）")
class TaxBench implements Callable<Integer>, BenchSubcommand {

    @Option(names = "--taxpayers", defaultValue = "1000000", description = "生成する納税義務者の数（既定 ${DEFAULT-VALUE}）")
    int taxpayers;

    @Option(names = "--year", defaultValue = "2026", description = "課税年度（既定 ${DEFAULT-VALUE}）")
    int year;

    @Option(names = "--seed", defaultValue = "42", description = "乱数の種")
    long seed;

    @Override
    public Integer call() {
        ResidentTaxRules rules = RuleSets.forYear(year).orElseThrow(() -> new IllegalArgumentException("年度 " + year));
        AppliedMunicipality m = new AppliedMunicipality("141003", "横浜市", new BigDecimal("8"), new BigDecimal("2.025"),
                3_900, 1_300, 1_000, "1級地-1", true, "BENCH");
        List<TaxCalculationRequest> people = generate(taxpayers, year, seed);
        long warm = 0;
        for (int i = 0; i < Math.min(people.size(), 200_000); i++) {
            warm += ResidentTaxEngine.calculate(rules, people.get(i), m).annualTotal();
        }
        long start = System.nanoTime();
        long total = 0;
        for (TaxCalculationRequest p : people) {
            total += ResidentTaxEngine.calculate(rules, p, m).annualTotal();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("engine only: %,d taxpayers in %.2f s = %,.0f /s on 1 thread (total %,d yen; warm-up %d)%n",
                people.size(), seconds, people.size() / seconds, total, warm > 0 ? 1 : 0);
        return 0;
    }

    /** Synthetic taxpayers: salaries log-normal around 4 M yen, some pensioners, families of 0–4 relatives. */
    static List<TaxCalculationRequest> generate(int n, int year, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<TaxCalculationRequest> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int age = 18 + rnd.nextInt(80);
            boolean pensioner = age >= 65 && rnd.nextInt(10) < 7;
            long salary = pensioner ? 0 : (long) Math.exp(15.2 + rnd.nextGaussian() * 0.6);
            long pension = pensioner ? 600_000 + rnd.nextLong(3_000_000) : 0;
            List<Dependent> deps = new ArrayList<>();
            for (int k = rnd.nextInt(4); k > 0; k--) {
                deps.add(new Dependent(LocalDate.of(year - 1 - rnd.nextInt(25), 7, 1), 0L, Disability.NONE, false, false));
            }
            out.add(new TaxCalculationRequest(year, new TaxCalculationRequest.Municipality("141003", null),
                    new TaxCalculationRequest.Taxpayer(LocalDate.of(year - 1 - age, 4, 1), Disability.NONE, false,
                            false, false, null, false),
                    new TaxCalculationRequest.Income(salary, pension, 0L, 0L, 0L),
                    new TaxCalculationRequest.Deductions(salary * 14 / 100, 0L,
                            new TaxCalculationRequest.LifeInsurance(rnd.nextLong(100_000), null, null, null, null),
                            0L, 0L, 0L),
                    rnd.nextBoolean() ? new TaxCalculationRequest.Spouse(LocalDate.of(year - 1 - age, 9, 1),
                            rnd.nextLong(1_500_000), Disability.NONE) : null,
                    deps, null));
        }
        return out;
    }
}

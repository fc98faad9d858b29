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
 * {@code kiban bench tax}: the engine-only rate (no I/O) over generated taxpayers; with {@code --tenant}, the annual
 * assessment of that tenant's whole registry end to end (read the registry and the reports, compute, store each
 * version and its event), after importing generated payment reports for it (not timed). Run it on a data directory
 * you can throw away: the tax tables are append-only.
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

    @Option(names = "--tenant", description = "賦課まで測る団体（住民は demo-data で読み込んでおく）")
    String tenant;

    private final org.kiban.tax.internal.AssessmentService assessments;
    private final org.kiban.tax.internal.IncomeReportImport reports;
    private final org.kiban.resident.Residents residents;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    TaxBench(org.kiban.tax.internal.AssessmentService assessments, org.kiban.tax.internal.IncomeReportImport reports,
             org.kiban.resident.Residents residents, org.springframework.transaction.support.TransactionTemplate tx,
             org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.assessments = assessments;
        this.reports = reports;
        this.residents = residents;
        this.tx = tx;
        this.jdbc = jdbc;
    }

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
        if (tenant == null) {
            return 0;
        }
        String lgCode = org.kiban.common.LgCode.of(tenant).value();
        return org.kiban.platform.TenantContext.callAs(lgCode, org.kiban.platform.Actor.system("bench-tax"),
                () -> endToEnd(lgCode));
    }

    private int endToEnd(String lgCode) {
        Long done = tx.execute(s -> jdbc.queryForObject(
                "select count(*) from tax_assessment where lg_code = ? and tax_year = ?", Long.class, lgCode, year));
        if (done != null && done > 0) {
            System.out.printf("%s の %d年度はすでに %,d 人を賦課済みです。捨ててよいデータディレクトリで測ってください。%n",
                    lgCode, year, done);
            return 1;
        }
        long t0 = System.nanoTime();
        StringBuilder salary = new StringBuilder("宛名番号,支払者番号,支払者名称,支払金額,社会保険料等の金額,新生命保険料の金額\n");
        StringBuilder pension = new StringBuilder("宛名番号,支払者番号,支払者名称,支払金額,社会保険料等の金額\n");
        SplittableRandom rnd = new SplittableRandom(seed);
        LocalDate yearEnd = LocalDate.of(year - 1, 12, 31);
        int[] counts = new int[3];
        tx.executeWithoutResult(s -> residents.forEachRegisteredOn(LocalDate.of(year, 1, 1), "性能測定の支払報告書生成", r -> {
            counts[0]++;
            int age = ResidentTaxEngine.ageOn(birth(r.birthDate()), yearEnd);
            if (age >= 18 && age < 65 && rnd.nextInt(100) < 75) {
                long revenue = Math.max(300_000, (long) Math.exp(15.2 + rnd.nextGaussian() * 0.6));
                salary.append(r.atenaNo()).append(",E").append(rnd.nextInt(20_000)).append(",株式会社テスト,")
                        .append(revenue).append(',').append(revenue * 14 / 100).append(',').append(rnd.nextInt(100_000))
                        .append('\n');
                counts[1]++;
            } else if (age >= 65 && rnd.nextInt(100) < 85) {
                long revenue = 600_000 + rnd.nextLong(3_000_000);
                pension.append(r.atenaNo()).append(",P001,日本年金機構,").append(revenue).append(',')
                        .append(revenue / 10).append('\n');
                counts[2]++;
            }
        }));
        try {
            reports.importFile(year, org.kiban.tax.internal.IncomeReportImport.Kind.SALARY, "bench-salary.csv",
                    new java.io.StringReader(salary.toString()));
            reports.importFile(year, org.kiban.tax.internal.IncomeReportImport.Kind.PENSION, "bench-pension.csv",
                    new java.io.StringReader(pension.toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.printf("setup: %,d registered, %,d salary and %,d pension reports generated and imported in %.1f s%n",
                counts[0], counts[1], counts[2], (System.nanoTime() - t0) / 1e9);
        Cpu before = cpu();
        org.kiban.tax.internal.AssessmentService.Run run = assessments.assessAll(year, n -> {
            if (n % 200_000 < 2_000) {
                System.out.printf("  %,d%n", n);
            }
        });
        Cpu after = cpu();
        System.out.printf("end to end: %,d taxpayers assessed in %.1f s = %,.0f /s (%,d levied, %,d yen in total)%n",
                run.assessed(), run.seconds(), run.assessed() / run.seconds(), run.levied(), run.totalYen());
        System.out.printf("  reading registry, reports and 申告 %.1f s; writer thread storing %.1f s (overlapping the "
                + "computing)%n", run.readSeconds(), run.storingSeconds());
        printCpu("assessment", before, after, run.assessed());
        long t1 = System.nanoTime();
        long open;
        do {
            sleep();
            open = outstandingEvents();
        } while (open > 0 && System.nanoTime() - t1 < 600e9);
        Cpu consumed = cpu();
        System.out.printf("events: every listener (care) done %.1f s after the run (%,d outstanding)%n",
                (System.nanoTime() - t1) / 1e9, open);
        printCpu("run and listeners", before, consumed, run.assessed());
        tx.executeWithoutResult(s -> jdbc.query("""
                        select count(*), avg(pg_column_size(input)), avg(pg_column_size(result)),
                               pg_total_relation_size('tax_assessment')
                        from tax_assessment where lg_code = ? and tax_year = ?""",
                rs -> {
                    System.out.printf("stored: %,d versions, input %.0f B and result %.0f B per person (as stored), "
                                    + "table with index %,d MB%n",
                            rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4) >> 20);
                }, lgCode, year));
        return 0;
    }

    /** CPU seconds of this JVM and of the PostgreSQL server (when it runs on this machine). */
    private record Cpu(double jvm, double postgres) {
    }

    private Cpu cpu() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        Integer backend = jdbc.queryForObject("select pg_backend_pid()", Integer.class);
        return new Cpu(jvm, postgresCpu(backend == null ? 0 : backend));
    }

    /**
     * The postmaster's CPU, its live children's and the reaped children's, from /proc (Linux, local server only;
     * NaN otherwise). Clock ticks are 1/100 s on Linux.
     */
    static double postgresCpu(int backendPid) {
        try {
            java.nio.file.Path status = java.nio.file.Path.of("/proc", String.valueOf(backendPid), "status");
            int postmaster = java.nio.file.Files.readAllLines(status).stream().filter(l -> l.startsWith("PPid:"))
                    .map(l -> Integer.parseInt(l.substring(5).trim())).findFirst().orElseThrow();
            long ticks = 0;
            for (ProcessHandle p : ProcessHandle.of(postmaster).orElseThrow().children().toList()) {
                long[] t = ticks(p.pid());
                ticks += t[0] + t[1];
            }
            long[] own = ticks(postmaster);
            ticks += own[0] + own[1] + own[2] + own[3];
            return ticks / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** utime, stime, cutime, cstime of a process, in clock ticks. */
    private static long[] ticks(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3 (index 0 here), utime 14 (11), stime 15, cutime 16, cstime 17
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (Exception e) {
            return new long[4]; // exited meanwhile
        }
    }

    private static void printCpu(String what, Cpu from, Cpu to, int taxpayers) {
        double jvm = to.jvm() - from.jvm();
        double pg = to.postgres() - from.postgres();
        System.out.printf("  CPU for the %s: JVM %.1f s (%.0f µs per taxpayer), PostgreSQL %.1f s (%.0f µs per "
                        + "taxpayer); on 2 idle cores at least max(JVM, PostgreSQL, (JVM + PostgreSQL) / 2) = %.1f s%n",
                what, jvm, jvm * 1e6 / taxpayers, pg, pg * 1e6 / taxpayers, Math.max(Math.max(jvm, pg), (jvm + pg) / 2));
    }

    private long outstandingEvents() {
        Long n = jdbc.queryForObject("select count(*) from event_publication where completion_date is null", Long.class);
        return n == null ? 0 : n;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static LocalDate birth(String text) {
        try {
            return org.kiban.common.ResidentDate.parse(text).toLocalDate().orElse(LocalDate.of(1960, 1, 1));
        } catch (IllegalArgumentException e) {
            return LocalDate.of(1960, 1, 1);
        }
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

package org.kiban.certificate.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.kiban.certificate.CertificateForm;
import org.kiban.certificate.CertificateIssuance;
import org.kiban.certificate.CertificateRequest;
import org.kiban.certificate.RequesterKind;
import org.kiban.certificate.internal.pdf.BareRendering;
import org.kiban.certificate.internal.pdf.PdfFonts;
import org.kiban.common.LgCode;
import org.kiban.platform.Actor;
import org.kiban.platform.BenchSubcommand;
import org.kiban.platform.TenantContext;
import org.kiban.resident.ResidentQuery;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.ResidentView;
import org.kiban.resident.Residents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiban bench certificate --tenant 141003}: certificates per second through the whole issuance (rules, 発行番号,
 * layout, rendering, signature, log, audit) for a 4-person 世帯連記式 copy and a 1-page 個人票, and the time ratio to
 * rendering the same XHTML with bare openhtmltopdf (the overhead Kiban adds). Needs residents (see demo-data).
 */
@Component
@Command(name = "certificate", mixinStandardHelpOptions = true, description = "証明書交付の性能測定")
class CertificateBench implements Callable<Integer>, BenchSubcommand {

    @Option(names = "--tenant", required = true, description = "全国地方公共団体コード（6桁）")
    String tenant;

    @Option(names = "--count", defaultValue = "300", description = "様式ごとの交付枚数（既定 ${DEFAULT-VALUE}）")
    int count;

    @Option(names = "--warmup-rounds", defaultValue = "5", description = "測定前に交互に回す回数（各 count/10 枚、既定 ${DEFAULT-VALUE}）")
    int warmupRounds;

    @Option(names = "--threads", defaultValue = "2", description = "同時に交付するスレッド数（既定 ${DEFAULT-VALUE}）")
    int threads;

    private final CertificateIssuance issuance;
    private final CertificateService service;
    private final Residents residents;
    private final ObjectProvider<PdfFonts> fonts;
    private final PdfEngine engine;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    CertificateBench(CertificateIssuance issuance, CertificateService service, Residents residents,
                     ObjectProvider<PdfFonts> fonts, PdfEngine engine, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.issuance = issuance;
        this.service = service;
        this.residents = residents;
        this.fonts = fonts;
    }

    @Override
    public Integer call() throws Exception {
        String lg = LgCode.of(tenant).value();
        Actor clerk = new Actor(Actor.Kind.STAFF, "bench-clerk", "性能測定", "001");
        String[] picked = TenantContext.callAs(lg, clerk, this::pick);
        CertificateRequest household = new CertificateRequest(CertificateForm.RESIDENT_COPY_HOUSEHOLD, picked[0], null,
                RequesterKind.SELF, null, null, null, false, null, null, null, null, null, null);
        CertificateRequest individual = new CertificateRequest(CertificateForm.RESIDENT_COPY_INDIVIDUAL, null,
                List.of(picked[1]), RequesterKind.SELF, null, null, null, false, null, null, null, null, null, null);
        System.out.printf("== bench certificate: テナント %s、%d 枚ずつ、%d スレッド、世帯 %s（4人）、個人 %s%n",
                lg, count, threads, picked[0], picked[1]);
        for (var entry : List.of(new Object[] {"世帯連記式 4人", household}, new Object[] {"個人票 1ページ", individual})) {
            String label = (String) entry[0];
            CertificateRequest request = (CertificateRequest) entry[1];
            String xhtml = TenantContext.callAs(lg, clerk, () -> service.xhtmlFor(request));
            PdfFonts parsed = fonts.getObject();
            Supplier<byte[]> issue = () -> TenantContext.callAs(lg, clerk, () -> issuance.issue(request).pdf());
            Supplier<byte[]> bare = () -> BareRendering.withParsedFonts(xhtml, parsed);
            // Warm-up of both paths, alternating as the rounds do, until the JIT has compiled them: a server issues
            // all day, and the JIT's compiler threads would otherwise bill their work to the rounds they run in (the
            // issuance has more code to compile than bare rendering).
            for (int i = 0; i < warmupRounds; i++) {
                run(Math.max(1, count / ROUNDS), issue, new ArrayList<>());
                run(Math.max(1, count / ROUNDS), bare, new ArrayList<>());
            }
            // Interleaved rounds: both sides see the same background load on a shared machine.
            int perRound = Math.max(1, count / ROUNDS);
            List<Long> issueNanos = new ArrayList<>();
            List<Long> bareNanos = new ArrayList<>();
            double issueSeconds = 0;
            double bareSeconds = 0;
            long[] kibanCpu = new long[2];
            long bareCpu = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long[] c0 = cpu();
                issueSeconds += run(perRound, issue, issueNanos);
                long[] c1 = cpu();
                bareSeconds += run(perRound, bare, bareNanos);
                long[] c2 = cpu();
                kibanCpu[0] += c1[0] - c0[0];
                kibanCpu[1] = kibanCpu[1] < 0 || c0[1] < 0 || c1[1] < 0 ? -1 : kibanCpu[1] + c1[1] - c0[1];
                bareCpu += c2[0] - c1[0];
            }
            int n = perRound * ROUNDS;
            double issuedPerSecond = n / issueSeconds;
            double barePerSecond = n / bareSeconds;
            // The stricter baseline: bare openhtmltopdf with ImageIO's file cache off (by default ImageIO puts a
            // temporary file behind every image it decodes; an integrator may turn that off for the whole JVM).
            boolean imageIoCache = javax.imageio.ImageIO.getUseCache();
            javax.imageio.ImageIO.setUseCache(false);
            long tunedCpu0 = cpu()[0];
            double tunedSeconds = run(n, bare, new ArrayList<>());
            long tunedCpu = cpu()[0] - tunedCpu0;
            javax.imageio.ImageIO.setUseCache(imageIoCache);
            double rendered = count / run(count, () -> engine.render(xhtml).pdf(), new ArrayList<>());
            byte[] sample = engine.render(xhtml).pdf();
            double signed = count / run(count, () -> engine.sign(lg, "性能測定", sample), new ArrayList<>());
            double issuedAlone = count / run(count, issue, new ArrayList<>());
            double renderedSigned = count / run(count, () -> engine.renderSigned(xhtml, lg, "性能測定").pdf(),
                    new ArrayList<>());
            double planned = count / run(count, () -> TenantContext.callAs(lg, clerk, () -> service.xhtmlFor(request))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), new ArrayList<>());
            System.out.printf("-- %s: 交付 %.1f 枚/秒（p50 %.1f ms、p99 %.1f ms）、bare openhtmltopdf %.1f 枚/秒、比 %.2f 倍"
                            + "（%d 回交互に %d 枚ずつ）%n", label, issuedPerSecond, percentile(issueNanos, 0.50),
                    percentile(issueNanos, 0.99), barePerSecond, barePerSecond / issuedPerSecond, ROUNDS, perRound);
            System.out.printf("   内訳（1枚あたり、%d スレッド）: Kiban の描画 %.1f ms、署名 %.1f ms、描画して最初の保存で署名 %.1f ms、"
                            + "確認・発行番号・XHTML（1トランザクション + Thymeleaf）%.1f ms、交付の全体を交互でなく続けて %.1f ms、"
                            + "bare の描画 %.1f ms%n",
                    threads, 1000 / rendered, 1000 / signed, 1000 / renderedSigned, 1000 / planned, 1000 / issuedAlone,
                    1000 / barePerSecond);
            double kibanJvm = kibanCpu[0] / 1e6 / n;
            double kibanDb = kibanCpu[1] < 0 ? Double.NaN : kibanCpu[1] * 10.0 / n;
            double bareJvm = bareCpu / 1e6 / n;
            System.out.printf("   CPU 時間（1枚あたり）: Kiban JVM %.1f ms + PostgreSQL %.1f ms、bare %.1f ms、比 %.2f 倍%n",
                    kibanJvm, kibanDb, bareJvm, (kibanJvm + (Double.isNaN(kibanDb) ? 0 : kibanDb)) / bareJvm);
            double tunedJvm = tunedCpu / 1e6 / n;
            System.out.printf("   bare（ImageIO のファイルキャッシュなし）: %.1f 枚/秒、CPU %.1f ms、比 %.2f 倍（CPU 比 %.2f 倍、交互でなく続けて測定）%n",
                    n / tunedSeconds, tunedJvm, (n / tunedSeconds) / issuedPerSecond,
                    (kibanJvm + (Double.isNaN(kibanDb) ? 0 : kibanDb)) / tunedJvm);
        }
        return 0;
    }

    /**
     * CPU time so far: this JVM's (ns, GC and JIT included) and, when the database runs on this machine, its server
     * processes' (clock ticks of 10 ms: the postmaster with its exited children, and its live backends), else -1.
     * Unlike throughput it is not disturbed by other work on the machine.
     */
    private long[] cpu() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        long db = -1;
        try {
            Integer backend = TenantContext.callAs(tenant, Actor.system("bench"),
                    () -> jdbc.sql("select pg_backend_pid()").query(Integer.class).single());
            String[] stat = stat(backend);
            if (stat != null) {
                int postmaster = Integer.parseInt(stat[1]);
                String[] master = stat(postmaster);
                db = Long.parseLong(master[11]) + Long.parseLong(master[12]) + Long.parseLong(master[13]) + Long.parseLong(master[14]);
                try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                    for (var p : (Iterable<java.nio.file.Path>) procs::iterator) {
                        String name = p.getFileName().toString();
                        if (name.chars().allMatch(Character::isDigit)) {
                            String[] child = stat(Integer.parseInt(name));
                            if (child != null && Integer.parseInt(child[1]) == postmaster) {
                                db += Long.parseLong(child[11]) + Long.parseLong(child[12]);
                            }
                        }
                    }
                }
            }
        } catch (RuntimeException | java.io.IOException e) {
            db = -1; // not Linux, or the database is elsewhere
        }
        return new long[] {jvm, db};
    }

    /** /proc/pid/stat after the command name: [0] state, [1] ppid, … [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] stat(int pid) {
        try {
            String s = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Integer.toString(pid), "stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** A household of exactly four and one person, found among the tenant's residents. */
    private String[] pick() {
        String household = null;
        String person = null;
        for (String kana : List.of("ア", "イ", "カ", "サ", "タ", "ナ", "ハ", "マ", "ヤ")) {
            for (ResidentView v : residents.search(new ResidentQuery(null, kana, null, null, null, null, null, null, false,
                    false, 0, 100)).results()) {
                ResidentRecord r = v.record();
                person = person == null ? r.atenaNo() : person;
                if (household == null && residents.householdForIssuance(r.householdNo()).size() == 4) {
                    household = r.householdNo();
                }
                if (household != null) {
                    return new String[] {household, person};
                }
            }
        }
        throw new IllegalStateException("no household of four in the tenant: load residents with demo-data first");
    }

    private static final int ROUNDS = 10;

    /** Runs {@code n} tasks on the threads, adds each one's nanoseconds to {@code nanos}; returns the seconds taken. */
    private double run(int n, Supplier<byte[]> task, List<Long> nanos) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    task.get();
                    return System.nanoTime() - t0;
                }));
            }
            for (Future<Long> f : futures) {
                nanos.add(f.get());
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    private static double percentile(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        java.util.Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(sorted.size() * p) - 1))) / 1e6;
    }
}

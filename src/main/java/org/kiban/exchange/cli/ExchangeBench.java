package org.kiban.exchange.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import org.kiban.common.LgCode;
import org.kiban.exchange.internal.Exporter;
import org.kiban.exchange.internal.Importer;
import org.kiban.exchange.internal.Manifest;
import org.kiban.exchange.internal.layout.LayoutFile;
import org.kiban.exchange.internal.layout.StandardLayout;
import org.kiban.platform.Actor;
import org.kiban.platform.DatabaseMaintenance;
import org.kiban.platform.BenchSubcommand;
import org.kiban.platform.TenantContext;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiban bench exchange --tenant 141003 --into 184233}: exports a tenant (MB/s, and in the same run a bare
 * {@code COPY … TO} of the same tables as the machine's limit of reading them out), imports the files into an
 * empty tenant (rows/s, validation and switch included), and in the same run loads the same rows with a bare
 * {@code COPY} into the same tables as the schema owner (rolled back) — the physical limit the import is compared
 * with — and, for reference, through the application's own bulk path and into temporary tables of text columns. The heap's
 * peak is sampled throughout. The import stays in {@code --into} (the registry is append-only): use a data directory
 * you can throw away.
 */
@Component
@Command(name = "exchange", mixinStandardHelpOptions = true, description = "標準レイアウトの書き出し・取り込みの性能測定")
class ExchangeBench implements Callable<Integer>, BenchSubcommand {

    @Option(names = "--tenant", required = true, description = "書き出すテナント（例 demo-data を入れたもの）")
    String tenant;

    @Option(names = "--into", description = "取り込み先の空のテナント（例 184233）。省略すると書き出しだけを測る")
    String into;

    @Option(names = "--exports", defaultValue = "2", description = "同じプロセスで続けて書き出す回数（1回目は JIT コンパイル前、既定 2）")
    int exports;

    @Option(names = "--dir", description = "ファイルを置くディレクトリ（既定は一時ディレクトリ）")
    Path dir;

    private final Exporter exporter;
    private final Importer importer;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate tx;
    private final DatabaseMaintenance maintenance;

    ExchangeBench(Exporter exporter, Importer importer, JdbcTemplate jdbcTemplate, TransactionTemplate tx,
                  DatabaseMaintenance maintenance) {
        this.maintenance = maintenance;
        this.exporter = exporter;
        this.importer = importer;
        this.jdbcTemplate = jdbcTemplate;
        this.tx = tx;
    }

    @Override
    public Integer call() throws Exception {
        String from = LgCode.of(tenant).value();
        String to = into == null ? null : LgCode.of(into).value();
        Path out = dir == null ? Files.createTempDirectory("kiban-exchange-bench") : Files.createDirectories(dir);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        System.out.printf("最大ヒープ %,d MB。書き出し %s → %s、取り込み先 %s%n", Runtime.getRuntime().maxMemory() >> 20, from, out,
                to == null ? "なし（書き出しだけ）" : to);

        Manifest m = null;
        double exportSeconds = 0;
        long bytes = 0;
        for (int run = 1; run <= Math.max(1, exports); run++) {
            long t0 = System.nanoTime();
            List<String> perFile = new ArrayList<>();
            long[] last = {t0};
            double[] small = new double[2];
            m = TenantContext.callAs(from, Actor.system("bench-exchange"), () -> exporter.export(from, null,
                    file -> new BufferedOutputStream(Files.newOutputStream(out.resolve(file)), 1 << 16), entry -> {
                        long now = System.nanoTime();
                        double s = (now - last[0]) / 1e9;
                        last[0] = now;
                        if (entry.bytes() >= 1_000_000) {
                            perFile.add(String.format("%s %.1f MB %.2f 秒 %.1f MB/秒", entry.file(), entry.bytes() / 1e6, s,
                                    entry.bytes() / 1e6 / s));
                        } else {
                            small[0]++;
                            small[1] += s;
                        }
                    }));
            exportSeconds = (System.nanoTime() - t0) / 1e9;
            bytes = m.files().stream().mapToLong(Manifest.FileEntry::bytes).sum();
            System.out.printf("書き出し %d 回目%s: %,d 行、%.1f MB、%.1f 秒 → %.1f MB/秒（%,.0f 行/秒）%n", run,
                    run == 1 ? "（プロセス起動直後、JIT コンパイル前）" : "", m.rows(), bytes / 1e6, exportSeconds,
                    bytes / 1e6 / exportSeconds, m.rows() / exportSeconds);
            System.out.printf("  1 MB 以上のファイル: %s（時間は前のファイルの後から。最初のファイルはスナップショットの準備を含む）、"
                    + "1 MB 未満の %.0f ファイル 計 %.2f 秒%n", String.join("、", perFile), small[0], small[1]);
        }

        // The physical limit of reading out, on this machine in this run: every table of the layout as it is stored
        // (all columns, no formatting, no order) by a bare COPY … TO on one connection, into nothing.
        long tr = System.nanoTime();
        long[] read = TenantContext.callAs(from, Actor.system("bench-exchange"), () -> tx.execute(s -> bareCopyOut(from)));
        double readSeconds = (System.nanoTime() - tr) / 1e9;
        System.out.printf("素の COPY TO（同じ表をそのまま、全列、整形・並べ替えなし、1接続）: %,d 行、%.1f MB、%.1f 秒 → %.1f MB/秒"
                        + "（書き出しはその %.0f%%）%n", read[0], read[1] / 1e6, readSeconds, read[1] / 1e6 / readSeconds,
                100 * (bytes / exportSeconds) / (read[1] / readSeconds));

        if (to == null) {
            System.out.printf("ヒープ使用量の最大: %,d MB（取り込みは --into を指定したときに測る）%n", peak.get() >> 20);
            return 0;
        }
        long t1 = System.nanoTime();
        long copied = TenantContext.callAs(to, Actor.system("bench-exchange"), () -> tx.execute(s -> bareCopy(out)));
        double copySeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf("素の COPY（同じファイル、text 列の一時表、検査なし）: %,d 行、%.1f 秒 → %,.0f 行/秒、%.1f MB/秒%n",
                copied, copySeconds, copied / copySeconds, bytes / 1e6 / copySeconds);

        TenantContext.runAs(from, Actor.system("bench-exchange"), () -> tx.executeWithoutResult(s -> dumpTableRows(from, to, out)));
        // The physical limit: the same rows into the same tables (indexes, foreign keys, triggers) by a bare COPY.
        // Rates below are the files' rows a second; resident_current (derived by the import) is loaded in both.
        List<DatabaseMaintenance.BareCopy> loads = REGISTRY_TABLES.entrySet().stream().map(e -> new DatabaseMaintenance.BareCopy(
                e.getKey(), e.getValue(), out.resolve("bare-" + e.getKey() + ".tsv"))).toList();
        double ownerSeconds = maintenance.bareCopyRolledBack(loads);
        System.out.printf("素の COPY（同じ行を同じ表へ、スキーマ所有者の COPY FROM で直接、索引・外部キー・トリガーあり、検査なし、"
                + "ロールバック）: %,d 行、%.1f 秒 → %,.0f 行/秒%n", m.rows(), ownerSeconds, m.rows() / ownerSeconds);
        long t3 = System.nanoTime();
        TenantContext.callAs(to, Actor.system("bench-exchange"), () -> tx.execute(s -> {
            s.setRollbackOnly();
            return registryCopy(out);
        }));
        double registrySeconds = (System.nanoTime() - t3) / 1e9;
        System.out.printf("アプリの一括経路（同じ行を同じ表へ: COPY で一時表、INSERT … SELECT で RLS のある表へ、検査なし、"
                + "ロールバック）: %,d 行、%.1f 秒 → %,.0f 行/秒%n", m.rows(), registrySeconds, m.rows() / registrySeconds);

        long t2 = System.nanoTime();
        Importer.Report r = TenantContext.callAs(to, Actor.system("bench-exchange"), () -> importer.importFrom(to, out,
                new Importer.Options(false, !from.equals(to)), new Importer.Listener() {
                    @Override
                    public void progress(String phase, long rows, long total, Duration elapsed) {
                        System.out.println("  " + ImportCommand.progressLine(phase, rows, total, elapsed));
                    }
                }));
        double importSeconds = (System.nanoTime() - t2) / 1e9;
        sampler.interrupt();
        if (!r.imported()) {
            System.out.println("取り込めませんでした: " + r.errors().stream().limit(5).toList() + " " + r.warnings());
            return 1;
        }
        double importRate = r.rows() / importSeconds;
        double copyRate = copied / copySeconds;
        double ownerRate = m.rows() / ownerSeconds;
        double registryRate = m.rows() / registrySeconds;
        System.out.printf("取り込み（検査・反映・索引を含む、1トランザクション）: %,d 行、%.1f 秒 → %,.0f 行/秒%n",
                r.rows(), importSeconds, importRate);
        System.out.printf("  = 同じ表への素の COPY の %.0f%%（目標の基準）、アプリの一括経路の %.0f%%、一時表への素の COPY の %.0f%%%n",
                100 * importRate / ownerRate, 100 * importRate / registryRate, 100 * importRate / copyRate);
        System.out.printf("ヒープ使用量の最大: %,d MB%n", peak.get() >> 20);
        return 0;
    }

    /** Rows and bytes of {@code copy (select * from t where lg_code = …) to stdout (format csv)} of every layout table. */
    private long[] bareCopyOut(String lg) {
        long[] rowsAndBytes = new long[2];
        for (LayoutFile f : StandardLayout.FILES) {
            String sql = "copy (select * from " + f.table() + " where lg_code = '" + LgCode.of(lg).value()
                    + "') to stdout with (format csv)";
            rowsAndBytes[0] += jdbcTemplate.execute((ConnectionCallback<Long>) con -> {
                try (OutputStream o = new OutputStream() {
                    @Override
                    public void write(int b) {
                        rowsAndBytes[1]++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        rowsAndBytes[1] += len;
                    }
                }) {
                    return con.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, o);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return rowsAndBytes;
    }

    /**
     * The rows of every layout file as the registry's tables hold them (derived columns included), for tenant
     * {@code to}, in COPY text format: the input of {@link #registryCopy}. Not timed.
     */
    private void dumpTableRows(String from, String to, Path dir) {
        for (String table : REGISTRY_TABLES.keySet()) {
            List<String> cols = REGISTRY_TABLES.get(table);
            String select = "'" + to + "', " + String.join(", ", cols.subList(1, cols.size()));
            String sql = "copy (select " + select + " from " + table + " where lg_code = '" + from + "' order by "
                    + REGISTRY_ORDER.get(table) + ") to stdout";
            jdbcTemplate.execute((ConnectionCallback<Long>) con -> {
                try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(dir.resolve("bare-" + table + ".tsv")), 1 << 16)) {
                    return con.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, o);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * The physical limit of loading these rows into Kiban's registry: the same rows into the same tables, with
     * their indexes, foreign keys and row-level security, by the only bulk path the application role has (COPY FROM
     * refuses tables under row-level security): COPY into an unindexed temporary table of the table's types, then
     * {@code INSERT … SELECT} in key order — no parsing, no checks. The caller rolls it back.
     */
    private long registryCopy(Path dir) {
        long rows = 0;
        for (String table : REGISTRY_TABLES.keySet()) {
            String cols = String.join(", ", REGISTRY_TABLES.get(table));
            String temp = "bare_load_" + table;
            jdbcTemplate.execute("create temp table " + temp + " on commit drop as select " + cols + " from " + table + " where false");
            jdbcTemplate.execute((ConnectionCallback<Long>) con -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve("bare-" + table + ".tsv")), 1 << 16)) {
                    return con.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + temp + " from stdin", in);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            rows += jdbcTemplate.update("insert into " + table + " (" + cols + ") select " + cols + " from " + temp
                    + " order by " + REGISTRY_ORDER.get(table));
        }
        return rows;
    }

    /** The tables an import fills from the files (in reference order) with their columns, and resident_current. */
    private static final Map<String, List<String>> REGISTRY_TABLES = new LinkedHashMap<>();
    private static final Map<String, String> REGISTRY_ORDER = new LinkedHashMap<>();

    static {
        for (LayoutFile f : StandardLayout.FILES) {
            REGISTRY_TABLES.put(f.table(), Importer.tableColumns(f));
            REGISTRY_ORDER.put(f.table(), String.join(", ", f.key()));
            if (f == StandardLayout.RESIDENT) {
                REGISTRY_TABLES.put("resident_current", List.of("lg_code", "atena_no", "rireki_no", "household_no", "status"));
                REGISTRY_ORDER.put("resident_current", "atena_no");
            }
        }
    }

    /** Every file into a temporary table of text columns by COPY CSV: no parsing in Java, no checks, no indexes. */
    private long bareCopy(Path dir) {
        long rows = 0;
        for (LayoutFile f : StandardLayout.FILES) {
            String table = "bare_" + f.table();
            String cols = String.join(", ", f.items().stream().map(i -> i.column() + " text").toList());
            jdbcTemplate.execute("create temp table " + table + " (" + cols + ") on commit drop");
            rows += jdbcTemplate.execute((ConnectionCallback<Long>) con -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve(f.file())), 1 << 16)) {
                    return con.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("copy " + table + " from stdin with (format csv, header true)", in);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return rows;
    }
}

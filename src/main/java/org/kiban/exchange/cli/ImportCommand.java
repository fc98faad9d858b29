package org.kiban.exchange.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.kiban.common.LgCode;
import org.kiban.exchange.internal.ImportError;
import org.kiban.exchange.internal.Importer;
import org.kiban.platform.Actor;
import org.kiban.platform.CliCommand;
import org.kiban.platform.TenantContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kiban import --tenant 141003 dir [--dry-run]}: a standard-layout file set into an empty tenant, all or
 * nothing. Prints every error (file, line, item) as it is found, and progress; exit 1 if anything is wrong.
 */
@Component
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "標準データレイアウトのファイル一式を空のテナントに取り込みます（全部か無しか）")
class ImportCommand implements CliCommand, Callable<Integer> {

    @Option(names = "--tenant", required = true, description = "取り込み先の全国地方公共団体コード（6桁）")
    String tenant;

    @Parameters(index = "0", description = "ファイル一式のディレクトリ（manifest.json のあるところ）")
    Path dir;

    @Option(names = "--dry-run", description = "検査だけして、取り込まない")
    boolean dryRun;

    @Option(names = "--allow-other-tenant", description = "別の団体から書き出したデータを取り込む（研修・検証用の複製）")
    boolean allowOtherTenant;

    private final Importer importer;
    private final org.kiban.exchange.internal.RehearsalReport rehearsals;

    ImportCommand(Importer importer, org.kiban.exchange.internal.RehearsalReport rehearsals) {
        this.importer = importer;
        this.rehearsals = rehearsals;
    }

    @Override
    public Integer call() {
        String lg = LgCode.of(tenant).value();
        System.out.printf("%s: %s → テナント %s%n", dryRun ? "検査します（取り込みません）" : "取り込みます", dir, lg);
        Importer.Report r = TenantContext.callAs(lg, Actor.system("exchange-import"), () -> importer.importFrom(lg, dir,
                new Importer.Options(dryRun, allowOtherTenant), new Importer.Listener() {
                    @Override
                    public void progress(String phase, long rows, long total, Duration elapsed) {
                        System.out.println("  " + progressLine(phase, rows, total, elapsed));
                    }

                    @Override
                    public void error(ImportError e) {
                        System.out.println("  エラー " + e);
                    }
                }));
        r.warnings().forEach(w -> System.out.println("注意: " + w));
        double seconds = r.elapsed().toNanos() / 1e9;
        if (r.alreadyImported()) {
            return 0;
        }
        if (r.dryRun()) {
            // A joining municipality's dry run is its 移行リハーサル: the onboarding plan shows the result.
            TenantContext.callAs(lg, Actor.system("exchange-import"), () -> rehearsals.record(lg, r.rows(), r.errorCount(),
                    dir.getFileName() + (r.errorCount() > 0 ? "：エラー " + r.errorCount() + " 件" : "：エラーなし")))
                    .ifPresent(x -> System.out.printf("移行リハーサル %d 回目として記録しました（%s）。%n", x.seq(), x.outcome().label()));
        }
        if (r.errorCount() > 0) {
            System.out.printf("エラーが %,d 件あります。何も取り込んでいません（%.1f 秒）。%n", r.errorCount(), seconds);
            return 1;
        }
        if (r.dryRun()) {
            System.out.printf("エラーはありません: %,d 件を検査しました（%.1f 秒）。取り込んでいません。%n", r.rows(), seconds);
            return 0;
        }
        System.out.printf("完了: %,d 件を %.1f 秒で取り込みました（%,.0f 件/秒）。%n", r.rows(), seconds, r.rows() / seconds);
        return 0;
    }

    /** Rows of the total, rate, and the time left at that rate. */
    static String progressLine(String phase, long rows, long total, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
        double rate = rows / seconds;
        String eta = rows == 0 || rows >= total ? "—" : String.format("%.0f 秒", (total - rows) / rate);
        return String.format("%s %,d / %,d 件（%.1f%%）%,.0f 件/秒  経過 %.0f 秒  残り約 %s", phase, rows, total,
                total == 0 ? 100.0 : 100.0 * rows / total, rate, seconds, eta);
    }
}

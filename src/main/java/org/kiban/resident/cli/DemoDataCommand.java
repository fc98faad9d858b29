package org.kiban.resident.cli;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.kiban.common.LgCode;
import org.kiban.resident.internal.BulkResidentLoader;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiban demo-data --tenant 141003 --residents 1000000 [--seed 42]}: loads synthetic residents (fictitious
 * persons, households of 1 to 6, ages by Japan's pyramid) into a tenant's registry, for demos and benchmarks.
 */
@Component
@Command(name = "demo-data", mixinStandardHelpOptions = true,
        description = "合成住民データ（架空の人物）をテナントの住民記録に一括投入します（デモ・性能測定用）")
class DemoDataCommand implements org.kiban.platform.CliCommand, Callable<Integer> {

    @Option(names = "--tenant", required = true, description = "全国地方公共団体コード（6桁）")
    String tenant;

    @Option(names = "--residents", defaultValue = "1000000", description = "住民数（既定 ${DEFAULT-VALUE}）")
    int residents;

    @Option(names = "--seed", defaultValue = "42", description = "乱数の種（同じ種・基準日なら同じデータ。既定 ${DEFAULT-VALUE}）")
    long seed;

    @Option(names = "--as-of", description = "基準日 YYYY-MM-DD（年齢の基準。既定は今日）")
    LocalDate asOf;

    private final BulkResidentLoader loader;
    private final org.kiban.platform.DatabaseMaintenance maintenance;

    DemoDataCommand(BulkResidentLoader loader, org.kiban.platform.DatabaseMaintenance maintenance) {
        this.loader = loader;
        this.maintenance = maintenance;
    }

    @Override
    public Integer call() {
        String lgCode = LgCode.of(tenant).value();
        LocalDate date = asOf == null ? LocalDate.now() : asOf;
        System.out.printf("合成住民データを投入します: テナント %s、%,d 人、種 %d、基準日 %s（1トランザクション）%n",
                lgCode, residents, seed, date);
        BulkResidentLoader.Result r = loader.load(new BulkResidentLoader.Request(lgCode, residents, seed, date),
                DemoDataCommand::progress, Duration.ofSeconds(5));
        double seconds = r.elapsed().toNanos() / 1e9;
        System.out.printf("完了: %,d 人・%,d 世帯を %.1f 秒で投入しました（%,.0f 人/秒）。届出番号 %d、宛名番号 %s〜%s%n",
                r.residents(), r.households(), seconds, r.residents() / seconds, r.notificationNo(),
                r.firstAtenaNo(), r.lastAtenaNo());
        long start = System.nanoTime();
        maintenance.vacuumAnalyze("resident_record", "resident_current", "household", "resident_notification");
        System.out.printf("統計情報と行の可視性を更新しました（VACUUM ANALYZE、%.1f 秒）。%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }

    static void progress(long stored, long generated, long total, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
        double rate = stored / seconds;
        String eta = stored == 0 ? "—" : String.format("%.0f 秒", (total - stored) / rate);
        System.out.printf("  %,11d / %,d 人（%5.1f%%）生成 %,d  %,8.0f 人/秒  経過 %.0f 秒  残り約 %s%n",
                stored, total, 100.0 * stored / total, generated, rate, seconds, eta);
    }
}

package org.kiban.exchange.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.kiban.common.LgCode;
import org.kiban.exchange.internal.Cursor;
import org.kiban.exchange.internal.Exporter;
import org.kiban.exchange.internal.Manifest;
import org.kiban.platform.Actor;
import org.kiban.platform.CliCommand;
import org.kiban.platform.TenantContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiban export --tenant 141003 --out dir [--since n…-c…]}: the tenant's data set in the standard layout. */
@Component
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "テナントのデータを標準データレイアウト（CSV 一式と manifest.json）で書き出します")
class ExportCommand implements CliCommand, Callable<Integer> {

    @Option(names = "--tenant", required = true, description = "全国地方公共団体コード（6桁）")
    String tenant;

    @Option(names = "--out", required = true, description = "書き出し先のディレクトリ（なければ作ります）")
    Path out;

    @Option(names = "--since", description = "差分: 前回の manifest.json の cursor（例 n1523-c2026112800003-g12）")
    String since;

    private final Exporter exporter;

    ExportCommand(Exporter exporter) {
        this.exporter = exporter;
    }

    @Override
    public Integer call() throws IOException {
        String lg = LgCode.of(tenant).value();
        Files.createDirectories(out);
        Cursor cursor = since == null ? null : Cursor.parse(since);
        long start = System.nanoTime();
        System.out.printf("書き出します: テナント %s → %s（%s）%n", lg, out, cursor == null ? "全件" : "差分 " + cursor);
        Manifest m = TenantContext.callAs(lg, Actor.system("exchange-export"), () -> exporter.export(lg, cursor,
                file -> new BufferedOutputStream(Files.newOutputStream(out.resolve(file)), 1 << 16),
                e -> System.out.printf("  %-26s %,12d 件 %,14d バイト  %s%n", e.file(), e.rows(), e.bytes(), e.sha256())));
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = m.files().stream().mapToLong(Manifest.FileEntry::bytes).sum();
        System.out.printf("完了: %,d 件、%.1f MB を %.1f 秒で書き出しました（%.1f MB/秒）。次の差分の起点 cursor: %s%n",
                m.rows(), bytes / 1e6, seconds, bytes / 1e6 / seconds, m.cursor());
        return 0;
    }
}

package org.kiban.exchange;

import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiban.KibanIntegrationTest;
import org.kiban.exchange.internal.Cursor;
import org.kiban.exchange.internal.Exporter;
import org.kiban.exchange.internal.Manifest;
import org.kiban.exchange.internal.layout.LayoutFile;
import org.kiban.exchange.internal.layout.StandardLayout;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.internal.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export generation is sound under concurrency (ADR 0016): a tax row written by a transaction still open when an
 * export starts carries a timestamp and key from before the export, yet it is neither lost nor repeated: the export
 * waits for that transaction, holds the row, and the next delta holds only what came after.
 */
@KibanIntegrationTest
class ExportGenerationTest {

    static final String LG = "013439";   // 鹿部町, for this test only
    static final String PERSON = "0000000019";

    @Autowired
    TenantService tenants;
    @Autowired
    Exporter exporter;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @TempDir
    Path tmp;

    private void fileReturn(int revision) {
        jdbc.sql("""
                insert into tax_return (lg_code, tax_year, atena_no, revision, content, recorded_at, recorded_by)
                values (?, 2026, ?, ?, '{}', '2026-03-01 09:00:00+09', 'staff:tax')""").params(LG, PERSON, revision).update();
    }

    private Manifest export(String name, Cursor since) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(name));
        return TenantContext.callAs(LG, Actor.system("test"), () -> exporter.export(LG, since,
                file -> new BufferedOutputStream(Files.newOutputStream(dir.resolve(file))), null));
    }

    private List<String> returns(String name) throws Exception {
        return Files.readString(tmp.resolve(name).resolve("tax_return.csv"), StandardCharsets.UTF_8).lines().skip(1).toList();
    }

    @Test
    void aRowOfATransactionOpenWhenTheExportStartsIsInThatExportAndNotInTheNextDelta() throws Exception {
        Scenario.registerTenant(tenants, LG);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> TenantContext.runAs(LG, Actor.system("test"), () -> tx.executeWithoutResult(s -> {
                fileReturn(1);
                written.countDown();
                try {
                    assertThat(commit.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            })));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Manifest> full = pool.submit(() -> export("full", null));

            // The export waits on the generation's lock while the writer is open.
            long waiting = 0;
            for (int i = 0; i < 300 && waiting == 0; i++) {
                Thread.sleep(100);
                waiting = jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and not granted")
                        .query(Long.class).single();
            }
            assertThat(waiting).as("an export waiting for the open writer").isPositive();
            assertThat(full.isDone()).isFalse();

            commit.countDown();
            writer.get(30, TimeUnit.SECONDS);
            Manifest m = full.get(60, TimeUnit.SECONDS);
            assertThat(returns("full")).singleElement().asString().startsWith("2026," + PERSON + ",1,");

            TenantContext.runAs(LG, Actor.system("test"), () -> tx.executeWithoutResult(s -> fileReturn(2)));
            Manifest d = export("delta", Cursor.parse(m.cursor()));
            assertThat(returns("delta")).singleElement().asString().startsWith("2026," + PERSON + ",2,");
            assertThat(Cursor.parse(d.cursor()).generation()).isGreaterThan(Cursor.parse(m.cursor()).generation());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyFileDeltaByGenerationIsStampedOnInsertAndUpdate() {
        List<LayoutFile> files = StandardLayout.FILES.stream()
                .filter(f -> LayoutFile.GENERATION.equals(f.deltaColumn())).toList();
        assertThat(files).hasSize(19);   // 12 tax and care files, 7 state files of the registry, seal and parameter
        for (LayoutFile f : files) {
            List<String> events = jdbc.sql("""
                            select event_manipulation from information_schema.triggers
                            where event_object_table = ? and trigger_name = ? order by 1""")
                    .params(f.table(), f.table() + "_export_generation").query(String.class).list();
            assertThat(events).as(f.table()).containsExactly("INSERT", "UPDATE");
        }
    }
}

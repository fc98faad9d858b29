package org.kiban.exchange;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiban.KibanIntegrationTest;
import org.kiban.exchange.internal.Exporter;
import org.kiban.exchange.internal.Importer;
import org.kiban.exchange.internal.Manifest;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.platform.db.DatabaseServer;
import org.kiban.resident.internal.BulkResidentLoader;
import org.kiban.tenancy.internal.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import killed with {@code kill -9} in the middle leaves the tenant untouched, and a rerun imports everything
 * (issue 5, reliability): {@code kiban import} runs in a child JVM on this test's database; it is killed once it has
 * reported progress (rows staged, nothing switched yet) and, in a second round, once it reports the switch; after
 * each kill the tenant is either empty or complete, never partial, and the rerun completes it.
 */
@KibanIntegrationTest
class KilledImportTest {

    static final String SOURCE = "013331";   // 知内町, for this test only
    static final String TARGET = "013340";   // 木古内町, for this test only

    @Autowired
    TenantService tenants;
    @Autowired
    BulkResidentLoader loader;
    @Autowired
    Exporter exporter;
    @Autowired
    Importer importer;
    @Autowired
    DatabaseServer db;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aKilledImportLeavesTheTenantUntouchedAndARerunCompletesIt(@TempDir Path tmp) throws Exception {
        Scenario.registerTenant(tenants, SOURCE);
        Scenario.registerTenant(tenants, TARGET);
        loader.load(new BulkResidentLoader.Request(SOURCE, 20_000, 5, LocalDate.of(2026, 10, 1)), null, Duration.ofSeconds(5));
        Manifest m = TenantContext.callAs(SOURCE, Actor.system("test"), () -> exporter.export(SOURCE, null,
                file -> new BufferedOutputStream(Files.newOutputStream(tmp.resolve(file))), null));
        long expected = m.entry("resident.csv").rows();

        for (String killWhen : List.of("検証", "反映")) {
            Process child = startImport(tmp);
            List<String> seen = new ArrayList<>();
            boolean killed = false;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
                for (String line = out.readLine(); line != null && Instant.now().isBefore(deadline); line = out.readLine()) {
                    seen.add(line);
                    if (line.contains(killWhen) && !line.contains("完了")) {
                        child.destroyForcibly();   // SIGKILL: no shutdown hook, no rollback by the JVM
                        killed = true;
                        break;
                    }
                }
            }
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(killed).as("the child reached 「" + killWhen + "」 and was killed:\n" + String.join("\n", seen)).isTrue();
            long stored = count(TARGET);
            assertThat(stored).as("after a kill at " + killWhen + ": " + String.join("\n", seen)).isIn(0L, expected);
            if (stored == expected) {
                break;   // the kill came after the commit: fully imported
            }
        }
        // Wait until PostgreSQL noticed the dead client and rolled back (the advisory lock is then free).
        Importer.Report rerun = TenantContext.callAs(TARGET, Actor.system("test"),
                () -> importer.importFrom(TARGET, tmp, new Importer.Options(false, true), null));
        assertThat(rerun.errors()).isEmpty();
        assertThat(rerun.imported() || rerun.alreadyImported()).isTrue();
        assertThat(count(TARGET)).isEqualTo(expected);
    }

    private long count(String lg) {
        return TenantContext.callAs(lg, Actor.system("test"), () -> tx.execute(s -> jdbc.sql(
                "select count(*) from resident_record where lg_code = ?").param(lg).query(Long.class).single()));
    }

    private Process startImport(Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "-Dkiban.db.url=" + db.url(), "-Dkiban.db.user=" + db.appUser(), "-Dkiban.db.password=" + db.appPassword(),
                "-Dkiban.certificate.master-secret=kill-test-secret", "-Dkiban.demo.enabled=false",
                "org.kiban.KibanApplication", "import", "--tenant", TARGET, "--allow-other-tenant", dir.toString());
        pb.redirectErrorStream(true);
        return pb.start();
    }
}

package org.kiban.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.platform.db.DatabaseServer;
import org.kiban.audit.cli.AuditCommandAccess;
import org.kiban.tenancy.internal.TenantService;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiban.TestAccounts.YOKOHAMA;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit log is append-only and hash-chained: altering or deleting any entry is detected. */
@KibanIntegrationTest
class AuditTrailTest {

    private static final Actor CLERK = new Actor(Actor.Kind.STAFF, "test-clerk", "試験 職員", "001");

    @Autowired
    AuditTrail audit;

    @Autowired
    TenantService tenants;

    @Autowired
    DatabaseServer db;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    /** A tenant of its own for each tampering test, so the demo tenants' chains stay intact. */
    private String freshTenant(String lgCode) {
        TenantContext.runAs(null, Actor.system("test"), () -> tenants.register(lgCode, LocalDate.of(2026, 1, 1), null));
        TenantContext.runAs(lgCode, CLERK, () -> {
            for (int i = 1; i <= 5; i++) {
                audit.record(new AuditEvent("resident.viewed", "resident", "00000" + i, i == 3, Map.of("n", i)));
            }
        });
        return lgCode;
    }

    private ChainVerification verify(String lgCode) {
        return TenantContext.callAs(lgCode, CLERK, () -> audit.verify());
    }

    private void tamper(String sql, Object... args) throws Exception {
        try (Connection c = db.ownerConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("set session_replication_role = replica"); // the owner bypasses the append-only trigger
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
    }

    @Test
    void entriesChainAndCarryWhoWhatAndWhetherAnIndividualNumberWasShown() {
        String lg = freshTenant("182010"); // 福井市
        ChainVerification ok = verify(lg);
        assertThat(ok.intact()).isTrue();
        assertThat(ok.entriesChecked()).isEqualTo(ok.lastSeq()).isGreaterThanOrEqualTo(6);
        var entries = TenantContext.callAs(lg, CLERK, () -> audit.search(
                new AuditQuery(null, null, "staff:test-clerk", "resident.viewed", null, null, null, 10)));
        assertThat(entries).hasSize(5);
        assertThat(entries.get(0).seq()).isGreaterThan(entries.get(1).seq());
        assertThat(entries.get(1).prevHash()).isNotEqualTo(entries.get(0).prevHash());
        assertThat(entries.get(0).prevHash()).isEqualTo(entries.get(1).hash());
        assertThat(entries).filteredOn(AuditRecord::individualNumberShown).hasSize(1)
                .first().extracting(AuditRecord::targetId).isEqualTo("000003");
        assertThat(entries.get(0).officeCode()).isEqualTo("001");
    }

    @Test
    void anAlteredEntryIsDetected() throws Exception {
        String lg = freshTenant("182028"); // 敦賀市
        long seq = verify(lg).lastSeq() - 2;
        tamper("update audit_entry set target_id = 'someone-else' where lg_code = ? and seq = ?", lg, seq);
        ChainVerification result = verify(lg);
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(seq);
        assertThat(result.reason()).contains("書き換え");
    }

    @Test
    void aDeletedEntryIsDetected() throws Exception {
        String lg = freshTenant("182044"); // 小浜市
        long seq = verify(lg).lastSeq() - 2;
        tamper("delete from audit_entry where lg_code = ? and seq = ?", lg, seq);
        ChainVerification result = verify(lg);
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(seq);
    }

    @Test
    void deletingTheNewestEntryIsDetected() throws Exception {
        String lg = freshTenant("182052"); // 大野市
        long last = verify(lg).lastSeq();
        tamper("delete from audit_entry where lg_code = ? and seq = ?", lg, last);
        ChainVerification result = verify(lg);
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(last);
        assertThat(AuditCommandAccess.verify(context, lg)).as("kiban audit verify exit code").isEqualTo(1);
    }

    @Test
    void theApplicationCannotChangeOrDeleteEntries() {
        assertThatThrownBy(() -> TenantContext.runAs(YOKOHAMA, CLERK, () -> tx.executeWithoutResult(s ->
                jdbc.sql("update audit_entry set action = 'x.y' where lg_code = ?").param(YOKOHAMA).update())))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> TenantContext.runAs(YOKOHAMA, CLERK, () -> tx.executeWithoutResult(s ->
                jdbc.sql("delete from audit_entry where lg_code = ?").param(YOKOHAMA).update())))
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void auditorsSearchAndVerifyThroughTheApiAndTheCommandLine() throws Exception {
        mvc.perform(get("/api/v1/municipalities/" + YOKOHAMA + "/audit/verification").with(as("yokohama-auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true));
        mvc.perform(get("/api/v1/municipalities/" + YOKOHAMA + "/audit").param("action", "staff.created")
                        .with(as("yokohama-auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(6))
                .andExpect(jsonPath("$[0].actor").value("system:demo-data"));
        // Reading the log is itself recorded.
        mvc.perform(get("/api/v1/municipalities/" + YOKOHAMA + "/audit").param("action", "audit.searched")
                        .with(as("yokohama-auditor")))
                .andExpect(jsonPath("$[0].actor").value("staff:yokohama-auditor"));
        assertThat(AuditCommandAccess.verify(context, YOKOHAMA)).isZero();
    }
}

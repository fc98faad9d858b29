package org.kiban.care.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's stage tables: one per 年度 from which it applies (a 第9期 table set for 2024 serves 2025 and
 * 2026 too), every revision kept and audited.
 */
@Repository
public class StageTableStore {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    StageTableStore(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The table in force in {@code fiscalYear}: the newest revision of the latest 年度 not after it. */
    @Transactional(readOnly = true)
    public Optional<Stored> inForce(int fiscalYear) {
        return jdbc.sql("""
                        select fiscal_year, revision, stage_table::text as t from care_premium_stage_table
                        where lg_code = ? and fiscal_year <= ? order by fiscal_year desc, revision desc limit 1""")
                .params(TenantContext.requireLgCode(), fiscalYear)
                .query((rs, n) -> new Stored(rs.getInt("fiscal_year"), rs.getInt("revision"),
                        StageTables.parse(JsonInput.parse(rs.getString("t")))))
                .optional();
    }

    /** Validates against every known year's T1 from {@code fiscalYear} on, then appends a revision. */
    @Transactional
    public Stored save(int fiscalYear, StageTable table, String reason) {
        for (int y = fiscalYear; y <= LowIncomeThreshold.LAST_YEAR; y++) {
            table.validate("stageTable", LowIncomeThreshold.forFiscalYear(y));
        }
        String lg = TenantContext.requireLgCode();
        int revision = jdbc.sql("select coalesce(max(revision), 0) + 1 from care_premium_stage_table where lg_code = ? and fiscal_year = ?")
                .params(lg, fiscalYear).query(Integer.class).single();
        jdbc.sql("""
                        insert into care_premium_stage_table (lg_code, fiscal_year, revision, stage_table, reason, recorded_at, recorded_by)
                        values (?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(lg, fiscalYear, revision, JsonInput.mapper().writeValueAsString(StageTables.toJson(table)),
                        reason, Timestamp.from(Instant.now()), TenantContext.currentActor().qualifiedId())
                .update();
        audit.record(AuditEvent.of("care.stage-table-changed", "parameter", "care.premium.stage-table",
                Map.of("fiscalYear", fiscalYear, "revision", revision, "stages", table.stages().size(), "reason", reason)));
        return new Stored(fiscalYear, revision, table);
    }

    public record Stored(int fiscalYear, int revision, StageTable table) {
    }
}

package org.kiban.tenancy.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.MigrationRehearsal;
import org.kiban.tenancy.MigrationRehearsals;
import org.kiban.tenancy.RehearsalOutcome;
import org.kiban.tenancy.Tenant;
import org.kiban.tenancy.TenantState;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Rehearsals in {@code migration_rehearsal}; each change is also written to the tenant's audit log. */
@Service
class MigrationRehearsalService implements MigrationRehearsals {

    private final JdbcClient jdbc;
    private final TenantService tenants;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    MigrationRehearsalService(JdbcClient jdbc, TenantService tenants, AuditTrail audit, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
        this.tx = tx;
    }

    @Override
    public MigrationRehearsal plan(String lgCode, LocalDate plannedOn, String note) {
        Tenant tenant = tenants.find(lgCode).orElseThrow(() -> ProblemException.notFound("テナント", lgCode));
        if (plannedOn == null) {
            throw ProblemException.badRequest("rehearsal-date-required");
        }
        if (tenant.state() != TenantState.PLANNED && tenant.state() != TenantState.MIGRATING) {
            throw new ProblemException(HttpStatus.CONFLICT, "rehearsal-not-migrating", tenant.name(), tenant.state().label());
        }
        return TenantContext.callAs(lgCode, TenantContext.currentActor(), () -> tx.execute(status -> {
            int seq = jdbc.sql("""
                            insert into migration_rehearsal (lg_code, seq, planned_on, outcome, note, recorded_at, recorded_by)
                            select ?, coalesce(max(seq), 0) + 1, ?, 'PLANNED', ?, ?, ? from migration_rehearsal where lg_code = ?
                            returning seq""")
                    .params(lgCode, Date.valueOf(plannedOn), note, Timestamp.from(Instant.now()),
                            TenantContext.currentActor().qualifiedId(), lgCode)
                    .query(Integer.class).single();
            audit.record(AuditEvent.of("tenant.rehearsal-planned", "tenant", lgCode,
                    Map.of("seq", seq, "plannedOn", plannedOn.toString())));
            return find(lgCode, seq);
        }));
    }

    @Override
    public MigrationRehearsal recordResult(String lgCode, int seq, RehearsalOutcome outcome, LocalDate performedOn,
                                           Integer recordsImported, Integer errors, String note) {
        if (outcome == null) {
            throw ProblemException.badRequest("rehearsal-outcome-required");
        }
        boolean ran = outcome == RehearsalOutcome.SUCCEEDED || outcome == RehearsalOutcome.FAILED;
        if (ran && performedOn == null) {
            throw ProblemException.badRequest("rehearsal-performed-on-required");
        }
        if ((recordsImported != null && recordsImported < 0) || (errors != null && errors < 0)) {
            throw ProblemException.badRequest("rehearsal-negative-count");
        }
        return TenantContext.callAs(lgCode, TenantContext.currentActor(), () -> tx.execute(status -> {
            int updated = jdbc.sql("""
                            update migration_rehearsal set outcome = ?, performed_on = ?, records_imported = ?, errors = ?,
                                note = coalesce(?, note), recorded_at = ?, recorded_by = ?
                            where lg_code = ? and seq = ?""")
                    .params(outcome.name(), performedOn == null ? null : Date.valueOf(performedOn), recordsImported,
                            errors, note, Timestamp.from(Instant.now()), TenantContext.currentActor().qualifiedId(),
                            lgCode, seq)
                    .update();
            if (updated == 0) {
                throw ProblemException.notFound("移行リハーサル", lgCode + "/" + seq);
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("seq", seq);
            detail.put("outcome", outcome.name());
            detail.put("performedOn", String.valueOf(performedOn));
            detail.put("recordsImported", String.valueOf(recordsImported));
            detail.put("errors", String.valueOf(errors));
            audit.record(AuditEvent.of("tenant.rehearsal-recorded", "tenant", lgCode, detail));
            return find(lgCode, seq);
        }));
    }

    @Override
    public List<MigrationRehearsal> of(String lgCode) {
        return jdbc.sql("select * from migration_rehearsal where lg_code = ? order by seq").param(lgCode)
                .query(this::map).list();
    }

    @Override
    public List<MigrationRehearsal> all() {
        return jdbc.sql("select * from migration_rehearsal order by lg_code, seq").query(this::map).list();
    }

    private MigrationRehearsal find(String lgCode, int seq) {
        return jdbc.sql("select * from migration_rehearsal where lg_code = ? and seq = ?").params(lgCode, seq)
                .query(this::map).single();
    }

    private MigrationRehearsal map(ResultSet rs, int n) throws SQLException {
        return new MigrationRehearsal(rs.getString("lg_code"), rs.getInt("seq"), rs.getObject("planned_on", LocalDate.class),
                rs.getObject("performed_on", LocalDate.class), RehearsalOutcome.valueOf(rs.getString("outcome")),
                (Integer) rs.getObject("records_imported"), (Integer) rs.getObject("errors"), rs.getString("note"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    }
}

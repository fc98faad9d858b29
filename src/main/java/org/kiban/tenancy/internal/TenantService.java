package org.kiban.tenancy.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.LocalGovernmentKind;
import org.kiban.tenancy.Municipalities;
import org.kiban.tenancy.OfficeKind;
import org.kiban.tenancy.Tenant;
import org.kiban.tenancy.TenantState;
import org.kiban.tenancy.TenantStateChanged;
import org.kiban.tenancy.Tenants;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers municipalities as tenants and moves them through their lifecycle. Each change is recorded in
 * {@code tenant_state_change} and in the tenant's own audit log, and published as {@link TenantStateChanged}.
 */
@Service
public class TenantService implements Tenants {

    private final JdbcClient jdbc;
    private final Municipalities municipalities;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final OfficeService offices;

    TenantService(JdbcClient jdbc, Municipalities municipalities, AuditTrail audit, ApplicationEventPublisher events,
                  TransactionTemplate tx, OfficeService offices) {
        this.jdbc = jdbc;
        this.municipalities = municipalities;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.offices = offices;
    }

    @Override
    public Optional<Tenant> find(String lgCode) {
        return jdbc.sql("select * from tenant where lg_code = ?").param(lgCode).query(this::map).optional();
    }

    @Override
    public List<Tenant> all() {
        return jdbc.sql("select * from tenant order by lg_code").query(this::map).list();
    }

    private Tenant map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String code = rs.getString("lg_code");
        LocalGovernment lg = municipalities.find(code).orElseThrow();
        String prefecture = municipalities.find(org.kiban.common.LgCode.fromFiveDigits(lg.prefectureCode() + "000").value())
                .map(LocalGovernment::name).orElse("");
        return new Tenant(code, lg.name(), lg.kind(), TenantState.valueOf(rs.getString("state")),
                rs.getObject("planned_on", LocalDate.class), rs.getObject("migration_started_on", LocalDate.class),
                rs.getObject("live_on", LocalDate.class), rs.getObject("exited_on", LocalDate.class),
                rs.getObject("previous_system_contract_end", LocalDate.class), prefecture + lg.name() + "長",
                rs.getString("mayor_name"));
    }

    /** Sets the name of the tenant's head (市区町村長), printed on certificates; audited. */
    public Tenant setMayorName(String lgCode, String mayorName) {
        if (mayorName == null || mayorName.isBlank() || mayorName.length() > 50) {
            throw ProblemException.badRequest("invalid-mayor-name");
        }
        return TenantContext.callAs(lgCode, TenantContext.currentActor(), () -> tx.execute(status -> {
            jdbc.sql("update tenant set mayor_name = ? where lg_code = ?").params(mayorName.strip(), lgCode).update();
            audit.record(AuditEvent.of("tenant.mayor-set", "tenant", lgCode, Map.of("mayorName", mayorName.strip())));
            return find(lgCode).orElseThrow();
        }));
    }

    /**
     * Registers a municipality as a PLANNED tenant with its head office (and, for a designated city, one ward
     * office per ward).
     */
    public Tenant register(String lgCode, LocalDate plannedOn, LocalDate previousSystemContractEnd) {
        LocalGovernment lg = municipalities.find(lgCode)
                .orElseThrow(() -> ProblemException.notFound("団体", lgCode));
        if (!lg.kind().isMunicipality()) {
            throw ProblemException.badRequest("not-a-municipality", lgCode, lg.name(), lg.kind().label());
        }
        if (find(lgCode).isPresent()) {
            throw ProblemException.conflict("tenant-exists", lgCode, lg.name());
        }
        LocalDate planned = plannedOn == null ? LocalDate.now() : plannedOn;
        return TenantContext.callAs(lgCode, TenantContext.currentActor(), () -> tx.execute(status -> {
            jdbc.sql("""
                            insert into tenant (lg_code, state, planned_on, previous_system_contract_end, created_at)
                            values (?, 'PLANNED', ?, ?, ?)""")
                    .params(lgCode, Date.valueOf(planned),
                            previousSystemContractEnd == null ? null : Date.valueOf(previousSystemContractEnd),
                            Timestamp.from(Instant.now()))
                    .update();
            appendChange(lgCode, null, TenantState.PLANNED, planned, "登録");
            // 町村 call their head office 役場, cities and special wards 役所.
            boolean townOrVillage = lg.kind() == LocalGovernmentKind.TOWN || lg.kind() == LocalGovernmentKind.VILLAGE;
            offices.create(lgCode, "001", OfficeKind.HEAD_OFFICE, lg.name() + (townOrVillage ? "役場" : "役所"), null, planned);
            if (lg.kind() == LocalGovernmentKind.DESIGNATED_CITY) {
                for (LocalGovernment ward : municipalities.wardsOf(lgCode)) {
                    offices.create(lgCode, ward.lgCode(), OfficeKind.WARD_OFFICE, ward.name() + "役所", ward.lgCode(), planned);
                }
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("plannedOn", planned.toString());
            detail.put("previousSystemContractEnd", String.valueOf(previousSystemContractEnd));
            audit.record(AuditEvent.of("tenant.registered", "tenant", lgCode, detail));
            events.publishEvent(new TenantStateChanged(lgCode, null, TenantState.PLANNED, planned));
            return find(lgCode).orElseThrow();
        }));
    }

    /** Moves a tenant to {@code to} on {@code effectiveOn}; only the lifecycle's transitions are allowed. */
    public Tenant transition(String lgCode, TenantState to, LocalDate effectiveOn, String note) {
        Tenant tenant = find(lgCode).orElseThrow(() -> ProblemException.notFound("テナント", lgCode));
        if (!tenant.state().next().contains(to)) {
            throw new ProblemException(HttpStatus.CONFLICT, "invalid-transition", tenant.state().label(), to.label());
        }
        LocalDate on = effectiveOn == null ? LocalDate.now() : effectiveOn;
        LocalDate last = jdbc.sql("select max(effective_on) from tenant_state_change where lg_code = ?")
                .param(lgCode).query(LocalDate.class).single();
        if (last != null && on.isBefore(last)) {
            throw ProblemException.badRequest("transition-before-last", on, last);
        }
        return TenantContext.callAs(lgCode, TenantContext.currentActor(), () -> tx.execute(status -> {
            String column = switch (to) {
                case PLANNED -> "planned_on";
                case MIGRATING -> "migration_started_on";
                case LIVE -> "live_on";
                case EXITED -> "exited_on";
            };
            jdbc.sql("update tenant set state = ?, " + column + " = ? where lg_code = ?")
                    .params(to.name(), Date.valueOf(on), lgCode).update();
            appendChange(lgCode, tenant.state(), to, on, note);
            audit.record(AuditEvent.of("tenant.state-changed", "tenant", lgCode,
                    Map.of("from", tenant.state().name(), "to", to.name(), "effectiveOn", on.toString())));
            events.publishEvent(new TenantStateChanged(lgCode, tenant.state(), to, on));
            return find(lgCode).orElseThrow();
        }));
    }

    public List<Map<String, Object>> stateChanges(String lgCode) {
        return jdbc.sql("""
                        select seq, from_state, to_state, effective_on, recorded_at, recorded_by, note
                        from tenant_state_change where lg_code = ? order by seq""")
                .param(lgCode).query().listOfRows();
    }

    private void appendChange(String lgCode, TenantState from, TenantState to, LocalDate on, String note) {
        jdbc.sql("""
                        insert into tenant_state_change (lg_code, seq, from_state, to_state, effective_on, recorded_at,
                            recorded_by, note)
                        select ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ?, ? from tenant_state_change where lg_code = ?""")
                .params(lgCode, from == null ? null : from.name(), to.name(), Date.valueOf(on), Timestamp.from(Instant.now()),
                        TenantContext.currentActor().qualifiedId(), note, lgCode)
                .update();
    }
}

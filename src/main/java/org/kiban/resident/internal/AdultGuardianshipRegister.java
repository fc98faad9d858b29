package org.kiban.resident.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.resident.AdultGuardianships;
import org.kiban.resident.FollowUpContribution;
import org.kiban.resident.NotificationResult;
import org.kiban.resident.NotificationType;
import org.kiban.resident.ResidentRecord;
import org.kiban.platform.Permissions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 成年被後見人 per person (標準仕様書 j1310), append-only, audited; after a 国内転出 of such a person, the notice to the
 * 転入地 is offered as follow-up work.
 */
@Service
class AdultGuardianshipRegister implements AdultGuardianships, FollowUpContribution {

    private final JdbcClient jdbc;
    private final ResidentStore store;
    private final AuditTrail audit;

    AdultGuardianshipRegister(JdbcClient jdbc, ResidentStore store, AuditTrail audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Recorded record(String atenaNo, Period period) {
        String lg = TenantContext.requireLgCode();
        if (period == null || period.startOn() == null) {
            throw ProblemException.badRequest("guardianship-start-required");
        }
        LocalDate today = LocalDate.now();
        if (period.startOn().isAfter(today) || (period.endOn() != null && period.endOn().isAfter(today))) {
            throw ProblemException.badRequest("guardianship-date-in-future");
        }
        if (period.endOn() != null && !period.endOn().isAfter(period.startOn())) {
            throw ProblemException.badRequest("guardianship-end-before-start", period.endOn(), period.startOn());
        }
        if (atenaNo == null || store.currentForUpdate(lg, atenaNo).isEmpty()) {
            throw ProblemException.notFound("住民", atenaNo);
        }
        Optional<Guardianship> current = latest(lg, atenaNo);
        if (current.isPresent() && current.get().startOn().equals(period.startOn())
                && Objects.equals(current.get().endOn(), period.endOn())) {
            return new Recorded(current.get(), false);
        }
        int seq = current.map(g -> g.seq() + 1).orElse(1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String by = TenantContext.currentActor().qualifiedId();
        jdbc.sql("""
                        insert into adult_guardianship (lg_code, atena_no, seq, start_on, end_on, recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(lg, atenaNo, seq, period.startOn(), period.endOn(), Timestamp.from(now), by).update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("seq", seq);
        detail.put("startOn", period.startOn().toString());
        if (period.endOn() != null) {
            detail.put("endOn", period.endOn().toString());
        }
        audit.record(AuditEvent.of("resident.guardianship-recorded", "resident", atenaNo, detail));
        return new Recorded(new Guardianship(atenaNo, seq, period.startOn(), period.endOn(), now, by), true);
    }

    @Override
    @Transactional
    public Optional<Guardianship> current(String atenaNo) {
        Optional<Guardianship> g = latest(TenantContext.requireLgCode(), atenaNo);
        g.ifPresent(x -> audit.record(AuditEvent.of("resident.guardianship-read", "resident", atenaNo)));
        return g;
    }

    @Override
    @Transactional
    public List<Guardianship> history(String atenaNo) {
        List<Guardianship> all = jdbc.sql("select * from adult_guardianship where lg_code = ? and atena_no = ? order by seq")
                .params(TenantContext.requireLgCode(), atenaNo).query((rs, n) -> map(rs)).list();
        if (!all.isEmpty()) {
            audit.record(AuditEvent.of("resident.guardianship-read", "resident", atenaNo));
        }
        return all;
    }

    private Optional<Guardianship> latest(String lg, String atenaNo) {
        return jdbc.sql("select * from adult_guardianship where lg_code = ? and atena_no = ? order by seq desc limit 1")
                .params(lg, atenaNo).query((rs, n) -> map(rs)).optional();
    }

    private static Guardianship map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Guardianship(rs.getString("atena_no"), rs.getInt("seq"), rs.getObject("start_on", LocalDate.class),
                rs.getObject("end_on", LocalDate.class), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    }

    // ---- after a 転出: the notice to the 転入地 (j1310)

    @Override
    public String permission() {
        return Permissions.RESIDENT_WRITE;
    }

    @Override
    @Transactional
    public List<FollowUpContribution.Item> after(String lgCode, NotificationResult result) {
        if (result.type() != NotificationType.MOVE_OUT_DOMESTIC) {
            return List.of();
        }
        LocalDate today = LocalDate.now();
        List<FollowUpContribution.Item> items = new java.util.ArrayList<>();
        for (ResidentRecord r : result.records()) {
            if (latest(lgCode, r.atenaNo()).filter(g -> g.on(today)).isPresent()) {
                audit.record(AuditEvent.of("resident.guardianship-read", "resident", r.atenaNo()));
                items.add(new FollowUpContribution.Item("成年被後見人である旨を転入地に通知する（" + r.name() + "）",
                        "/municipalities/" + lgCode + "/residents/" + r.atenaNo(),
                        "成年被後見人の転出です。転入地の市区町村へその旨を通知してください（住民記録システム標準仕様書 成年被後見人）。"));
            }
        }
        return items;
    }
}

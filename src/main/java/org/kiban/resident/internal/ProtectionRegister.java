package org.kiban.resident.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.common.InvalidValueException;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.resident.ProtectedOperation;
import org.kiban.resident.ProtectionMeasure;
import org.kiban.resident.ProtectionMeasures;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 支援措置 in {@code protection_measure}; releases in {@code protection_release}. Every change is audited. */
@Service
class ProtectionRegister implements ProtectionMeasures {

    static final Duration RELEASE_VALIDITY = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final ResidentStore store;
    private final AuditTrail audit;

    ProtectionRegister(JdbcClient jdbc, ResidentStore store, AuditTrail audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
    }

    /** The period of a 支援措置: one year (例：令和2年4月1日から令和3年3月31日まで, standards.md §1.10). */
    static LocalDate endOfPeriod(LocalDate start) {
        return start.plusYears(1).minusDays(1);
    }

    @Override
    @Transactional
    public List<ProtectionMeasure> register(Registration r) {
        String lg = TenantContext.requireLgCode();
        if (r.applicantAtenaNo() == null) {
            throw new InvalidValueException("applicant-required", "申出者の宛名番号（applicantAtenaNo）を指定してください。");
        }
        Set<ProtectedOperation> ops = r.blockedOperations() == null || r.blockedOperations().isEmpty()
                ? EnumSet.allOf(ProtectedOperation.class) : EnumSet.copyOf(r.blockedOperations());
        LocalDate start = r.startOn() == null ? LocalDate.now() : r.startOn();
        List<String> persons = new ArrayList<>();
        persons.add(r.applicantAtenaNo());
        if (r.covered() != null) {
            persons.addAll(r.covered().keySet());
        }
        if (r.perpetratorAtenaNo() != null && persons.contains(r.perpetratorAtenaNo())) {
            throw new InvalidValueException("perpetrator-protected", "加害者を支援の対象にはできません。");
        }
        List<ProtectionMeasure> created = new ArrayList<>();
        for (String atenaNo : persons) {
            store.current(lg, atenaNo).orElseThrow(() -> ProblemException.notFound("住民", atenaNo));
            String relation = atenaNo.equals(r.applicantAtenaNo()) ? null : r.covered().get(atenaNo);
            if (relation != null) {
                relation = PersonItems.text(relation, "申出者との関係", 50);
            }
            long no = store.nextNumberBase(lg, "PROTECTION");
            jdbc.sql("""
                            insert into protection_measure (lg_code, measure_no, atena_no, applicant_atena_no,
                                relation_to_applicant, perpetrator_name, perpetrator_atena_no, perpetrator_birth_date,
                                perpetrator_sex, perpetrator_address, perpetrator_note, blocked_operations, start_on,
                                end_on, provisional, former_address, first_received_lg_code, contact, created_at,
                                created_by, version)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, 1)""")
                    .params(lg, no, atenaNo, r.applicantAtenaNo(), relation, PersonItems.text(r.perpetratorName(), "加害者の氏名", 100),
                            r.perpetratorAtenaNo(), PersonItems.text(r.perpetratorBirthDate(), "加害者の生年月日", 40),
                            PersonItems.text(r.perpetratorSex(), "加害者の性別", 10),
                            PersonItems.text(r.perpetratorAddress(), "加害者の住所", 200),
                            PersonItems.text(r.perpetratorNote(), "加害者について", 1000),
                            ops.stream().map(Enum::name).sorted().toArray(String[]::new), Date.valueOf(start),
                            Date.valueOf(endOfPeriod(start)), Boolean.TRUE.equals(r.provisional()), r.firstReceivedLgCode(),
                            PersonItems.text(r.contact(), "連絡先", 200), Timestamp.from(Instant.now()),
                            TenantContext.currentActor().qualifiedId())
                    .update();
            audit.record(AuditEvent.of("protection.registered", "resident", atenaNo,
                    Map.of("measureNo", no, "operations", ops.stream().map(Enum::name).sorted().toList(),
                            "provisional", Boolean.TRUE.equals(r.provisional()))));
            created.add(get(no));
        }
        return created;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProtectionMeasure> list(Integer expiringWithinDays) {
        String lg = TenantContext.requireLgCode();
        if (expiringWithinDays == null) {
            return jdbc.sql("select * from protection_measure where lg_code = ? and ended_on is null order by end_on, measure_no")
                    .param(lg).query(this::map).list();
        }
        if (expiringWithinDays < 0 || expiringWithinDays > 366) {
            throw new InvalidValueException("invalid-days", "expiringWithinDays は0〜366で指定してください。");
        }
        return jdbc.sql("select * from protection_measure where lg_code = ? and ended_on is null and end_on <= ? order by end_on, measure_no")
                .params(lg, Date.valueOf(LocalDate.now().plusDays(expiringWithinDays))).query(this::map).list();
    }

    @Override
    @Transactional(readOnly = true)
    public ProtectionMeasure get(long measureNo) {
        return jdbc.sql("select * from protection_measure where lg_code = ? and measure_no = ?")
                .params(TenantContext.requireLgCode(), measureNo).query(this::map).optional()
                .orElseThrow(() -> ProblemException.notFound("支援措置", measureNo));
    }

    @Override
    @Transactional
    public ProtectionMeasure extend(long measureNo, LocalDate on) {
        ProtectionMeasure m = inForce(measureNo);
        LocalDate today = on == null ? LocalDate.now() : on;
        if (today.isBefore(m.endOn().minusMonths(1))) {
            // Extension is accepted from one month before the end (standards.md §1.10).
            throw new ProblemException(HttpStatus.CONFLICT, "extension-too-early", m.endOn().minusMonths(1));
        }
        LocalDate newEnd = endOfPeriod(m.endOn().plusDays(1));
        jdbc.sql("update protection_measure set end_on = ?, version = version + 1 where lg_code = ? and measure_no = ?")
                .params(Date.valueOf(newEnd), m.lgCode(), measureNo).update();
        audit.record(AuditEvent.of("protection.extended", "resident", m.atenaNo(),
                Map.of("measureNo", measureNo, "endOn", newEnd.toString())));
        return get(measureNo);
    }

    @Override
    @Transactional
    public ProtectionMeasure confirm(long measureNo) {
        ProtectionMeasure m = inForce(measureNo);
        if (!m.provisional()) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-provisional", measureNo);
        }
        jdbc.sql("update protection_measure set provisional = false, version = version + 1 where lg_code = ? and measure_no = ?")
                .params(m.lgCode(), measureNo).update();
        audit.record(AuditEvent.of("protection.confirmed", "resident", m.atenaNo(), Map.of("measureNo", measureNo)));
        return get(measureNo);
    }

    @Override
    @Transactional
    public ProtectionMeasure end(long measureNo, LocalDate on, String reason) {
        ProtectionMeasure m = inForce(measureNo);
        LocalDate day = on == null ? LocalDate.now() : on;
        jdbc.sql("update protection_measure set ended_on = ?, version = version + 1 where lg_code = ? and measure_no = ?")
                .params(Date.valueOf(day), m.lgCode(), measureNo).update();
        audit.record(AuditEvent.of("protection.ended", "resident", m.atenaNo(),
                Map.of("measureNo", measureNo, "endedOn", day.toString(), "reason", String.valueOf(reason))));
        return get(measureNo);
    }

    @Override
    @Transactional
    public long release(long measureNo, ProtectedOperation operation, String reason) {
        ProtectionMeasure m = inForce(measureNo);
        if (operation == null || !m.blockedOperations().contains(operation)) {
            throw new InvalidValueException("operation-not-blocked", "この支援措置はその事務を抑止していません。");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("reason-required", "解除の理由（審査の結果）を指定してください。");
        }
        String lg = m.lgCode();
        long no = store.nextNumberBase(lg, "RELEASE");
        Instant now = Instant.now();
        jdbc.sql("""
                        insert into protection_release (lg_code, release_no, measure_no, atena_no, operation, reason,
                            released_by, released_at, valid_until)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lg, no, measureNo, m.atenaNo(), operation.name(), PersonItems.text(reason, "理由", 500),
                        TenantContext.currentActor().qualifiedId(), Timestamp.from(now),
                        Timestamp.from(now.plus(RELEASE_VALIDITY)))
                .update();
        audit.record(AuditEvent.of("protection.released", "resident", m.atenaNo(),
                Map.of("measureNo", measureNo, "operation", operation.name(), "releaseNo", no, "reason", reason)));
        return no;
    }

    @Override
    @Transactional
    public Decision check(String atenaNo, ProtectedOperation operation, Requester requester) {
        String lg = TenantContext.requireLgCode();
        List<ProtectionMeasure> measures = jdbc.sql("select * from protection_measure where lg_code = ? and atena_no = ? and ended_on is null")
                .params(lg, atenaNo).query(this::map).list().stream()
                .filter(m -> m.blockedOperations().contains(operation)).toList();
        if (measures.isEmpty()) {
            return new Decision(true, false, null);
        }
        if (requester == Requester.SELF) {
            return new Decision(true, true, null);
        }
        Long release = jdbc.sql("""
                        select release_no from protection_release
                        where lg_code = ? and atena_no = ? and operation = ? and used_at is null and valid_until > ?
                        order by release_no limit 1 for update""")
                .params(lg, atenaNo, operation.name(), Timestamp.from(Instant.now())).query(Long.class).optional().orElse(null);
        if (release == null) {
            audit.record(AuditEvent.of("protection.refused", "resident", atenaNo,
                    Map.of("operation", operation.name(), "requester", requester.name())));
            return new Decision(false, true, null);
        }
        jdbc.sql("update protection_release set used_at = ? where lg_code = ? and release_no = ?")
                .params(Timestamp.from(Instant.now()), lg, release).update();
        audit.record(AuditEvent.of("protection.release-used", "resident", atenaNo,
                Map.of("operation", operation.name(), "releaseNo", release, "requester", requester.name())));
        return new Decision(true, true, release);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isProtected(String atenaNo) {
        return !protectedAmong(List.of(atenaNo)).isEmpty();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> protectedAmong(Collection<String> atenaNos) {
        if (atenaNos.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select distinct atena_no from protection_measure where lg_code = ? and ended_on is null and atena_no = any (?)")
                .params(TenantContext.requireLgCode(), atenaNos.toArray(String[]::new)).query(String.class).list());
    }

    /**
     * After a 転出 the municipality keeps protecting the person as the former-address municipality, provisionally
     * until the new municipality's measure is known (standards.md §1.10, 仮支援措置).
     */
    void movedOut(String lg, Collection<String> atenaNos) {
        if (atenaNos.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update protection_measure set former_address = true, provisional = true, version = version + 1
                        where lg_code = ? and ended_on is null and atena_no = any (?)""")
                .params(lg, atenaNos.toArray(String[]::new)).update();
    }

    private ProtectionMeasure inForce(long measureNo) {
        ProtectionMeasure m = get(measureNo);
        if (m.endedOn() != null) {
            throw new ProblemException(HttpStatus.CONFLICT, "protection-ended", measureNo);
        }
        return m;
    }

    private ProtectionMeasure map(ResultSet rs, int n) throws SQLException {
        LocalDate end = rs.getObject("end_on", LocalDate.class);
        LocalDate today = LocalDate.now();
        String alert = rs.getObject("ended_on") != null ? null
                : end.isBefore(today) ? "期間満了" : !end.isAfter(today.plusMonths(1)) ? "期間満了まで1か月以内" : null;
        Set<ProtectedOperation> ops = EnumSet.noneOf(ProtectedOperation.class);
        Arrays.stream((String[]) rs.getArray("blocked_operations").getArray()).map(ProtectedOperation::valueOf).forEach(ops::add);
        return new ProtectionMeasure(rs.getString("lg_code"), rs.getLong("measure_no"), rs.getString("atena_no"),
                rs.getString("applicant_atena_no"), rs.getString("relation_to_applicant"), rs.getString("perpetrator_name"),
                rs.getString("perpetrator_atena_no"), rs.getString("perpetrator_birth_date"), rs.getString("perpetrator_sex"),
                rs.getString("perpetrator_address"), rs.getString("perpetrator_note"), ops,
                rs.getObject("start_on", LocalDate.class), end, rs.getBoolean("provisional"),
                rs.getBoolean("former_address"), rs.getString("first_received_lg_code"),
                rs.getObject("ended_on", LocalDate.class), rs.getInt("version"), alert);
    }
}

package org.kiban.resident.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.common.CheckDigits;
import org.kiban.parameter.Parameters;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.resident.Address;
import org.kiban.resident.ChangeReason;
import org.kiban.resident.MoveInNotices;
import org.kiban.resident.ResidentStatus;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.Municipalities;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 転入通知 received for the tenant's 除票 (住民基本台帳法第9条第1項), one per 転出, append-only, audited; and the
 * persons whose notice is missing (標準仕様書 j680–j710: 転入通知未着者一覧).
 */
@Service
class MoveInNoticeRegister implements MoveInNotices {

    private final JdbcClient jdbc;
    private final ResidentStore store;
    private final Municipalities municipalities;
    private final Parameters parameters;
    private final AuditTrail audit;

    MoveInNoticeRegister(JdbcClient jdbc, ResidentStore store, Municipalities municipalities, Parameters parameters,
                         AuditTrail audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.municipalities = municipalities;
        this.parameters = parameters;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Recorded record(String atenaNo, Receipt receipt) {
        return record(atenaNo, receipt, "MANUAL", null);
    }

    /** Records a notice; {@code channel} AUTOMATIC when another Kiban tenant sent it with its 転入's number. */
    @Transactional
    public Recorded record(String atenaNo, Receipt receipt, String channel, Long sourceNotificationNo) {
        String lg = TenantContext.requireLgCode();
        if (receipt == null) {
            throw ProblemException.badRequest("move-in-notice-required");
        }
        LocalDate today = LocalDate.now();
        if (receipt.receivedOn() == null) {
            throw ProblemException.badRequest("move-in-notice-item-required", "転入通知を受けた日（receivedOn）");
        }
        if (receipt.movedInOn() == null) {
            throw ProblemException.badRequest("move-in-notice-item-required", "転入日（movedInOn）");
        }
        if (receipt.receivedOn().isAfter(today)) {
            throw ProblemException.badRequest("move-in-notice-date-in-future", "転入通知を受けた日", receipt.receivedOn());
        }
        if (receipt.movedInOn().isAfter(receipt.receivedOn())) {
            throw ProblemException.badRequest("move-in-notice-before-move-in", receipt.movedInOn(), receipt.receivedOn());
        }
        if (receipt.newAddress() == null || receipt.newAddress().isBlank()) {
            throw ProblemException.badRequest("move-in-notice-item-required", "転入先の住所（newAddress）");
        }
        String newAddress = Address.of(receipt.newAddress()).full();
        String from = receipt.notifyingLgCode() == null ? null : receipt.notifyingLgCode().strip();
        if (from == null || from.isEmpty()) {
            throw ProblemException.badRequest("move-in-notice-item-required", "通知した市区町村の団体コード（notifyingLgCode）");
        }
        if (!CheckDigits.isValidLgCode(from) || municipalities.find(from).isEmpty()) {
            throw ProblemException.badRequest("move-in-notice-unknown-municipality", from);
        }
        if (from.equals(lg)) {
            throw ProblemException.badRequest("move-in-notice-own-municipality", from);
        }
        if (atenaNo == null || atenaNo.isBlank()) {
            throw ProblemException.badRequest("move-in-notice-item-required", "宛名番号");
        }
        Row current = store.currentForUpdate(lg, atenaNo).orElseThrow(() -> ProblemException.notFound("住民", atenaNo));
        if (current.status != ResidentStatus.MOVED_OUT || current.removalReason != ChangeReason.MOVE_OUT_DOMESTIC
                || current.moveOutPlannedOn == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-moved-out", atenaNo, current.status.label());
        }
        Optional<MoveInNotice> earlier = notice(lg, atenaNo, current.rirekiNo, current.moveOutPlannedOn);
        if (earlier.isPresent()) {
            MoveInNotice e = earlier.get();
            boolean same = e.receivedOn().equals(receipt.receivedOn()) && e.movedInOn().equals(receipt.movedInOn())
                    && e.newAddress().equals(newAddress) && e.notifyingLgCode().equals(from);
            if (!same) {
                throw new ProblemException(HttpStatus.CONFLICT, "move-in-notice-exists", atenaNo, e.receivedOn());
            }
            return new Recorded(e, false);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String by = TenantContext.currentActor().qualifiedId();
        jdbc.sql("""
                        insert into move_in_notice (lg_code, atena_no, rireki_no, received_on, moved_in_on, new_address,
                            notifying_lg_code, channel, source_notification_no, recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lg, atenaNo, current.rirekiNo, receipt.receivedOn(), receipt.movedInOn(), newAddress, from, channel,
                        sourceNotificationNo, Timestamp.from(now), by)
                .update();
        LocalDate movedOutOn = MoveInNotices.movedOutOn(current.moveOutPlannedOn, receipt.movedInOn());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("rirekiNo", current.rirekiNo);
        detail.put("notifyingLgCode", from);
        detail.put("channel", channel);
        detail.put("movedOutOn", movedOutOn.toString());
        if (sourceNotificationNo != null) {
            detail.put("sourceNotificationNo", sourceNotificationNo);
        }
        audit.record(AuditEvent.of("resident.move-in-notice-recorded", "resident", atenaNo, detail));
        return new Recorded(new MoveInNotice(atenaNo, current.rirekiNo, receipt.receivedOn(), receipt.movedInOn(),
                newAddress, from, name(from), channel, sourceNotificationNo, current.moveOutPlannedOn, movedOutOn, now, by), true);
    }

    @Override
    @Transactional
    public Optional<MoveInNotice> find(String atenaNo) {
        String lg = TenantContext.requireLgCode();
        Optional<MoveInNotice> found = store.current(lg, atenaNo)
                .filter(r -> r.status == ResidentStatus.MOVED_OUT && r.moveOutPlannedOn != null)
                .flatMap(r -> notice(lg, atenaNo, r.rirekiNo, r.moveOutPlannedOn));
        found.ifPresent(n -> audit.record(AuditEvent.of("resident.move-in-notice-read", "resident", atenaNo,
                Map.of("rirekiNo", n.rirekiNo()))));
        return found;
    }

    private Optional<MoveInNotice> notice(String lg, String atenaNo, int rirekiNo, LocalDate plannedOn) {
        return jdbc.sql("select * from move_in_notice where lg_code = ? and atena_no = ? and rireki_no = ?")
                .params(lg, atenaNo, rirekiNo)
                .query((rs, n) -> {
                    LocalDate movedIn = rs.getObject("moved_in_on", LocalDate.class);
                    String from = rs.getString("notifying_lg_code");
                    long source = rs.getLong("source_notification_no");
                    return new MoveInNotice(atenaNo, rirekiNo, rs.getObject("received_on", LocalDate.class), movedIn,
                            rs.getString("new_address"), from, name(from), rs.getString("channel"),
                            rs.wasNull() ? null : source, plannedOn, MoveInNotices.movedOutOn(plannedOn, movedIn),
                            rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
                }).optional();
    }

    private String name(String lgCode) {
        return municipalities.find(lgCode).map(LocalGovernment::name).orElse(lgCode);
    }

    @Override
    @Transactional
    public List<Outstanding> outstanding(LocalDate today) {
        String lg = TenantContext.requireLgCode();
        LocalDate due = today.minusDays(waitDays(today));
        List<Outstanding> list = jdbc.sql("""
                        select r.atena_no, r.name, r.birth_date, r.move_out_planned_on, r.move_out_destination,
                               r.move_out_destination_code
                        from resident_current c
                        join resident_record r on r.lg_code = c.lg_code and r.atena_no = c.atena_no and r.rireki_no = c.rireki_no
                        where c.lg_code = ? and c.status = 'MOVED_OUT' and r.removal_reason = ?
                          and r.move_out_planned_on < ?
                          and not exists (select 1 from move_in_notice n
                                          where n.lg_code = r.lg_code and n.atena_no = r.atena_no and n.rireki_no = r.rireki_no)
                        order by r.move_out_planned_on, r.atena_no""")
                .params(lg, ChangeReason.MOVE_OUT_DOMESTIC.name(), due)
                .query((rs, n) -> {
                    LocalDate planned = rs.getObject("move_out_planned_on", LocalDate.class);
                    return new Outstanding(rs.getString("atena_no"), rs.getString("name"), rs.getString("birth_date"),
                            planned, rs.getString("move_out_destination"), rs.getString("move_out_destination_code"),
                            ChronoUnit.DAYS.between(planned, today));
                }).list();
        if (!list.isEmpty()) {
            audit.record(new AuditEvent("resident.move-in-notice-outstanding-read", "resident", "*", false,
                    Map.of("date", today.toString(), "persons", list.stream().map(Outstanding::atenaNo).toList())));
        }
        return list;
    }

    @Override
    @Transactional(readOnly = true)
    public int waitDays(LocalDate today) {
        return (int) parameters.longValue(WAIT_DAYS, today);
    }
}

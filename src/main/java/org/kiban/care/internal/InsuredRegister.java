package org.kiban.care.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.care.internal.EligibilityRules.FacilityKind;
import org.kiban.common.ResidentDate;
import org.kiban.platform.Actor;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.resident.ChangeReason;
import org.kiban.resident.ResidentEvent;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.ResidentStatus;
import org.kiban.resident.Residents;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 第1号被保険者 status, kept by the machine: 資格取得 on 転入 at 65 or older (from the registry's events) and at the
 * 65th birthday (the daily job), 喪失 on 転出・死亡・消除, the 住所地特例 that keeps a person who moved into a facility
 * elsewhere insured here, and 適用除外. Every change appends to the person's history; nothing is overwritten there.
 */
@Service
public class InsuredRegister {

    static final Actor ELIGIBILITY = Actor.system("care-eligibility");

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Residents residents;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final PremiumAssessments assessments;

    InsuredRegister(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Residents residents, AuditTrail audit,
                    TransactionTemplate tx, org.springframework.context.ApplicationEventPublisher events,
                    PremiumAssessments assessments) {
        this.events = events;
        this.assessments = assessments;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.residents = residents;
        this.audit = audit;
        this.tx = tx;
    }

    public record Insured(String atenaNo, String insuredNo, LocalDate birthDate, String status, LocalDate eligibleFrom,
                          LocalDate eligibleUntil, boolean addressException, List<Event> history) {
        public boolean insuredOn(LocalDate date) {
            return !eligibleFrom.isAfter(date) && (eligibleUntil == null || eligibleUntil.isAfter(date));
        }
    }

    public record Event(int seq, String kind, LocalDate effectiveOn, String reason, Long notificationNo, String note,
                       Instant recordedAt, String recordedBy) {
    }

    public record SpecialStatus(int seq, String kind, String facilityName, FacilityKind facilityKind, LocalDate fromOn,
                                LocalDate untilOn) {
    }

    public record DailyResult(LocalDate date, int residentsRead, int acquired, List<String> atenaNos) {
    }

    // ------------------------------------------------------------------ events of the registry

    /** The tenant comes from the event, so the transaction starts only once it is in context (RLS). */
    @Async
    @TransactionalEventListener
    void on(ResidentEvent event) {
        TenantContext.runAs(event.lgCode(), ELIGIBILITY, () -> tx.executeWithoutResult(s -> apply(event)));
    }

    void apply(ResidentEvent e) {
        String lg = e.lgCode();
        for (ResidentEvent.PersonChange p : e.persons()) {
            if (alreadyApplied(lg, p.atenaNo(), e.notificationNo())) {
                continue;
            }
            LocalDate on = e.effectiveOn();
            if (e instanceof ResidentEvent.ResidentMovedIn) {
                if (p.status() != ResidentStatus.RESIDENT || p.birthDate() == null || on == null) {
                    continue;
                }
                if (e.reason() == ChangeReason.CANCELLATION_INCREASE) {
                    // 取消し（増）restores a person removed by mistake: the status they lost continues.
                    current(lg, p.atenaNo()).filter(i -> "LOST".equals(i.status()))
                            .ifPresent(i -> acquire(lg, p.atenaNo(), p.birthDate(), i.eligibleFrom(), "CANCELLATION",
                                    e.notificationNo(), "異動の取消しにより資格を回復"));
                    continue;
                }
                LocalDate from = EligibilityRules.acquisitionOnMoveIn(p.birthDate(), on);
                if (from != null && !excludedOn(lg, p.atenaNo(), from)) {
                    acquire(lg, p.atenaNo(), p.birthDate(), from, "MOVE_IN", e.notificationNo(), e.reason().label());
                }
            } else if (e instanceof ResidentEvent.ResidentMovedOut) {
                if (on != null) {
                    moveOut(lg, p.atenaNo(), e.reason(), on, e.notificationNo());
                }
            } else if (e instanceof ResidentEvent.ResidentDied) {
                if (on != null) {
                    lose(lg, p.atenaNo(), EligibilityRules.lossDate(ChangeReason.DEATH, on), "DEATH", e.notificationNo(), null);
                }
            } else if (e instanceof ResidentEvent.ResidentRemoved) {
                Optional<Insured> i = current(lg, p.atenaNo());
                if (i.isEmpty() || !"INSURED".equals(i.get().status())) {
                    continue;
                }
                if (e.reason() == ChangeReason.CANCELLATION_DECREASE) {
                    // 取消し（減）: the 転入 never happened, so neither did the 資格取得.
                    lose(lg, p.atenaNo(), i.get().eligibleFrom(), "CANCELLATION", e.notificationNo(), "異動の取消し");
                } else if (on != null) {
                    lose(lg, p.atenaNo(), EligibilityRules.lossDate(e.reason(), on), e.reason().name(), e.notificationNo(), null);
                }
            }
        }
    }

    private void moveOut(String lg, String atenaNo, ChangeReason reason, LocalDate on, long notificationNo) {
        Optional<Insured> i = current(lg, atenaNo);
        if (i.isEmpty() || !"INSURED".equals(i.get().status())) {
            return;
        }
        if (openStatus(lg, atenaNo, "ADDRESS_EXCEPTION", on).isPresent()) {
            addressException(lg, atenaNo, on, notificationNo);
            return;
        }
        lose(lg, atenaNo, EligibilityRules.lossDate(reason, on), reason.name(), notificationNo, null);
    }

    // ------------------------------------------------------------------ the daily job

    /**
     * Everyone registered on {@code date} who is 65 or older by then and not yet insured becomes insured from the
     * day they attained 65 (or became a resident, if later): on an ordinary day, those whose 65th birthday is
     * tomorrow; after days without a run, everyone missed. Call inside a transaction of the tenant.
     */
    public DailyResult daily(LocalDate date) {
        String lg = TenantContext.requireLgCode();
        Set<String> known = new HashSet<>(jdbc.sql("select atena_no from care_insured where lg_code = ?").param(lg)
                .query(String.class).list());
        Set<String> excluded = new HashSet<>(jdbc.sql("""
                        select atena_no from care_special_status where lg_code = ? and kind in ('EXCLUDED_FACILITY', 'OTHER_INSURER')
                        and from_on <= ? and (until_on is null or until_on > ?)""")
                .params(lg, Date.valueOf(date), Date.valueOf(date)).query(String.class).list());
        List<Object[]> due = new ArrayList<>();
        int[] read = {0};
        residents.forEachRegisteredOn(date, "介護保険 第1号被保険者の資格取得（" + date + "）", r -> {
            read[0]++;
            if (known.contains(r.atenaNo()) || excluded.contains(r.atenaNo())) {
                return;
            }
            LocalDate birth = exactDate(r.birthDate());
            if (birth == null) {
                return;
            }
            LocalDate at65 = EligibilityRules.dayAttaining(birth, EligibilityRules.CATEGORY_1_AGE);
            if (at65.isAfter(date)) {
                return;
            }
            LocalDate resident = exactDate(r.becameResidentOn());
            LocalDate from = resident != null && resident.isAfter(at65) ? resident : at65;
            due.add(new Object[] {r.atenaNo(), birth, from});
        });
        if (!due.isEmpty()) {
            insertAcquisitions(lg, due, date);
        }
        List<String> atenaNos = due.stream().map(d -> (String) d[0]).toList();
        audit.record(AuditEvent.of("care.eligibility-daily", "care", lg, Map.of("date", date.toString(),
                "acquired", atenaNos.size(), "atenaNos", atenaNos.size() <= 1000 ? atenaNos : List.of())));
        return new DailyResult(date, read[0], atenaNos.size(), atenaNos);
    }

    private void insertAcquisitions(String lg, List<Object[]> due, LocalDate date) {
        long last = jdbc.sql("""
                        insert into care_counter (lg_code, last_insured_no) values (?, ?)
                        on conflict (lg_code) do update set last_insured_no = care_counter.last_insured_no + excluded.last_insured_no
                        returning last_insured_no""")
                .params(lg, due.size()).query(Long.class).single();
        long first = last - due.size() + 1;
        Timestamp now = Timestamp.from(Instant.now());
        String by = TenantContext.currentActor().qualifiedId();
        List<Object[]> insured = new ArrayList<>(due.size());
        List<Object[]> events = new ArrayList<>(due.size());
        for (int k = 0; k < due.size(); k++) {
            Object[] d = due.get(k);
            Date from = Date.valueOf((LocalDate) d[2]);
            insured.add(new Object[] {lg, d[0], insuredNo(first + k), Date.valueOf((LocalDate) d[1]), from});
            events.add(new Object[] {lg, d[0], from, "AGE_65", "日次処理 " + date, now, by});
        }
        jdbcTemplate.batchUpdate("""
                insert into care_insured (lg_code, atena_no, insured_no, birth_date, status, eligible_from, last_seq)
                values (?, ?, ?, ?, 'INSURED', ?, 1)""", insured);
        jdbcTemplate.batchUpdate("""
                insert into care_insured_event (lg_code, atena_no, seq, kind, effective_on, reason, note, recorded_at, recorded_by)
                values (?, ?, 1, 'ACQUIRED', ?, ?, ?, ?, ?)""", events);
        // Premiums of a year already assessed: the newcomers are assessed at once (one check, not one per person).
        int fy = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
        if (assessments.yearAssessed(lg, fy)) {
            for (Object[] d : due) {
                assessments.reassess((String) d[0], fy, "資格取得（65歳到達）", (LocalDate) d[2]);
            }
        }
    }

    // ------------------------------------------------------------------ 住所地特例 and 適用除外

    /**
     * Registers a facility stay. {@code ADDRESS_EXCEPTION}: a person of ours moved (or moves) into a covered facility
     * in another municipality and stays insured here (法第13条). {@code EXCLUDED_FACILITY}: entering an 適用除外施設
     * loses the status the next day (施行法第11条). {@code OTHER_INSURER}: a resident here insured by another
     * municipality under its 住所地特例; any status here is void.
     */
    @Transactional
    public SpecialStatus registerSpecialStatus(String atenaNo, String kind, String facilityName, FacilityKind facilityKind,
                                               LocalDate from) {
        String lg = TenantContext.requireLgCode();
        if (!List.of("ADDRESS_EXCEPTION", "EXCLUDED_FACILITY", "OTHER_INSURER").contains(kind)) {
            throw new CareInputException("kind", "ADDRESS_EXCEPTION、EXCLUDED_FACILITY、OTHER_INSURER のいずれかです。");
        }
        if (kind.equals("ADDRESS_EXCEPTION") && !facilityKind.addressException()) {
            throw new ProblemException(HttpStatus.CONFLICT, "care-not-address-exception", facilityKind.label());
        }
        if (kind.equals("EXCLUDED_FACILITY") && facilityKind != FacilityKind.EXCLUDED) {
            throw new CareInputException("facilityKind", "適用除外施設は EXCLUDED です。");
        }
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from care_special_status where lg_code = ? and atena_no = ?")
                .params(lg, atenaNo).query(Integer.class).single();
        jdbc.sql("""
                        insert into care_special_status (lg_code, atena_no, seq, kind, facility_name, facility_kind, from_on,
                            recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lg, atenaNo, seq, kind, facilityName, facilityKind.name(), Date.valueOf(from),
                        Timestamp.from(Instant.now()), TenantContext.currentActor().qualifiedId())
                .update();
        audit.record(AuditEvent.of("care.special-status-registered", "resident", atenaNo,
                Map.of("kind", kind, "facilityKind", facilityKind.name(), "from", from.toString())));
        Optional<Insured> i = current(lg, atenaNo);
        switch (kind) {
            case "ADDRESS_EXCEPTION" -> i.filter(x -> "LOST".equals(x.status()) && lostByMoveOut(x))
                    .ifPresent(x -> {
                        // Registered after the 転出 was processed: the status continues without a break.
                        reinstate(lg, atenaNo, x.eligibleUntil(), "ADDRESS_EXCEPTION", facilityName);
                    });
            case "EXCLUDED_FACILITY" -> i.filter(x -> "INSURED".equals(x.status()))
                    .ifPresent(x -> lose(lg, atenaNo, from.plusDays(1), "EXCLUDED_FACILITY", null, facilityName));
            default -> i.filter(x -> "INSURED".equals(x.status()))
                    .ifPresent(x -> lose(lg, atenaNo, x.eligibleFrom(), "OTHER_INSURER", null, facilityName));
        }
        return new SpecialStatus(seq, kind, facilityName, facilityKind, from, null);
    }

    /** Leaving an 適用除外施設 or ending another insurer's 住所地特例 while living here: insured from that day if 65+. */
    @Transactional
    public void endSpecialStatus(String atenaNo, int seq, LocalDate until) {
        String lg = TenantContext.requireLgCode();
        SpecialStatus s = jdbc.sql("select * from care_special_status where lg_code = ? and atena_no = ? and seq = ?")
                .params(lg, atenaNo, seq).query(InsuredRegister::special).optional()
                .orElseThrow(() -> ProblemException.notFound("施設入所の登録", atenaNo + "/" + seq));
        if (s.untilOn() != null || until.isBefore(s.fromOn())) {
            throw new CareInputException("until", "終了日は開始日以後で、まだ終了していない登録に限ります。");
        }
        jdbc.sql("update care_special_status set until_on = ? where lg_code = ? and atena_no = ? and seq = ?")
                .params(Date.valueOf(until), lg, atenaNo, seq).update();
        audit.record(AuditEvent.of("care.special-status-ended", "resident", atenaNo, Map.of("seq", seq, "until", until.toString())));
        if (s.kind().equals("ADDRESS_EXCEPTION")) {
            return;
        }
        residents.recordsForIssuance(List.of(atenaNo), until).stream().findFirst().ifPresent(r -> {
            LocalDate birth = exactDate(r.birthDate());
            if (birth != null && !EligibilityRules.dayAttaining(birth, EligibilityRules.CATEGORY_1_AGE).isAfter(until)) {
                acquire(lg, atenaNo, birth, until, s.kind().equals("EXCLUDED_FACILITY") ? "EXCLUDED_FACILITY_EXIT" : "OTHER_INSURER_END",
                        null, s.facilityName());
            }
        });
    }

    // ------------------------------------------------------------------ reads

    /** A person's status and history, audited as a read of personal data. */
    @Transactional
    public Insured read(String atenaNo) {
        String lg = TenantContext.requireLgCode();
        Insured i = current(lg, atenaNo).orElseThrow(() -> ProblemException.notFound("被保険者", atenaNo));
        audit.record(AuditEvent.of("care.insured-read", "resident", atenaNo));
        return i;
    }

    /** Unaudited: for modules and jobs that audit their own use. */
    @Transactional(readOnly = true)
    public Optional<Insured> find(String atenaNo) {
        return current(TenantContext.requireLgCode(), atenaNo);
    }

    /**
     * The status and its history read by one statement, so from one snapshot: two reads under read committed could see
     * the status before and the history after an eligibility change committed between them.
     */
    Optional<Insured> current(String lg, String atenaNo) {
        List<Insured> rows = new ArrayList<>();
        List<Event> history = new ArrayList<>();
        jdbc.sql("""
                        select i.*, e.seq, e.kind, e.effective_on, e.reason, e.notification_no, e.note,
                            e.recorded_at as event_recorded_at, e.recorded_by as event_recorded_by
                        from care_insured i
                        left join care_insured_event e on e.lg_code = i.lg_code and e.atena_no = i.atena_no
                        where i.lg_code = ? and i.atena_no = ? order by e.seq""")
                .params(lg, atenaNo)
                .query(rs -> {
                    if (rows.isEmpty()) {
                        rows.add(new Insured(rs.getString("atena_no"), rs.getString("insured_no"),
                                rs.getObject("birth_date", LocalDate.class), rs.getString("status"),
                                rs.getObject("eligible_from", LocalDate.class), rs.getObject("eligible_until", LocalDate.class),
                                rs.getBoolean("address_exception"), history));
                    }
                    if (rs.getObject("seq") != null) {
                        history.add(new Event(rs.getInt("seq"), rs.getString("kind"),
                                rs.getObject("effective_on", LocalDate.class), rs.getString("reason"),
                                (Long) rs.getObject("notification_no"), rs.getString("note"),
                                rs.getTimestamp("event_recorded_at").toInstant(), rs.getString("event_recorded_by")));
                    }
                });
        return rows.stream().findFirst();   // its history list is complete once the query has run
    }

    // ------------------------------------------------------------------ writes

    void acquire(String lg, String atenaNo, LocalDate birth, LocalDate from, String reason, Long notificationNo, String note) {
        Optional<Insured> i = current(lg, atenaNo);
        if (i.isPresent() && "INSURED".equals(i.get().status())) {
            return;
        }
        int seq;
        if (i.isEmpty()) {
            long no = jdbc.sql("""
                            insert into care_counter (lg_code, last_insured_no) values (?, 1)
                            on conflict (lg_code) do update set last_insured_no = care_counter.last_insured_no + 1
                            returning last_insured_no""").param(lg).query(Long.class).single();
            seq = 1;
            jdbc.sql("""
                            insert into care_insured (lg_code, atena_no, insured_no, birth_date, status, eligible_from, last_seq)
                            values (?, ?, ?, ?, 'INSURED', ?, 1)""")
                    .params(lg, atenaNo, insuredNo(no), birth == null ? null : Date.valueOf(birth), Date.valueOf(from)).update();
        } else {
            seq = i.get().history().size() + 1;
            jdbc.sql("""
                            update care_insured set status = 'INSURED', eligible_from = ?, eligible_until = null,
                                address_exception = false, last_seq = ? where lg_code = ? and atena_no = ?""")
                    .params(Date.valueOf(from), seq, lg, atenaNo).update();
        }
        event(lg, atenaNo, seq, "ACQUIRED", from, reason, notificationNo, note);
    }

    void lose(String lg, String atenaNo, LocalDate on, String reason, Long notificationNo, String note) {
        Optional<Insured> i = current(lg, atenaNo);
        if (i.isEmpty() || !"INSURED".equals(i.get().status())) {
            return;
        }
        int seq = i.get().history().size() + 1;
        jdbc.sql("update care_insured set status = 'LOST', eligible_until = ?, last_seq = ? where lg_code = ? and atena_no = ?")
                .params(Date.valueOf(on), seq, lg, atenaNo).update();
        event(lg, atenaNo, seq, "LOST", on, reason, notificationNo, note);
    }

    private void addressException(String lg, String atenaNo, LocalDate on, long notificationNo) {
        int seq = current(lg, atenaNo).orElseThrow().history().size() + 1;
        jdbc.sql("update care_insured set address_exception = true, last_seq = ? where lg_code = ? and atena_no = ?")
                .params(seq, lg, atenaNo).update();
        event(lg, atenaNo, seq, "ADDRESS_EXCEPTION", on, "MOVE_OUT_DOMESTIC", notificationNo, "住所地特例（介護保険法第13条）");
    }

    private void reinstate(String lg, String atenaNo, LocalDate on, String reason, String note) {
        int seq = current(lg, atenaNo).orElseThrow().history().size() + 1;
        jdbc.sql("""
                        update care_insured set status = 'INSURED', eligible_until = null, address_exception = true, last_seq = ?
                        where lg_code = ? and atena_no = ?""").params(seq, lg, atenaNo).update();
        event(lg, atenaNo, seq, "ADDRESS_EXCEPTION", on, reason, null, note);
    }

    private void event(String lg, String atenaNo, int seq, String kind, LocalDate on, String reason, Long notificationNo,
                       String note) {
        jdbc.sql("""
                        insert into care_insured_event (lg_code, atena_no, seq, kind, effective_on, reason, notification_no,
                            note, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lg, atenaNo, seq, kind, Date.valueOf(on), reason, notificationNo, note,
                        Timestamp.from(Instant.now()), TenantContext.currentActor().qualifiedId())
                .update();
        audit.record(AuditEvent.of("care.eligibility-changed", "resident", atenaNo,
                Map.of("kind", kind, "effectiveOn", on.toString(), "reason", reason)));
        events.publishEvent(new org.kiban.care.InsuredStatusChanged(lg, atenaNo, kind, on, reason));
    }

    private boolean alreadyApplied(String lg, String atenaNo, long notificationNo) {
        return jdbc.sql("select count(*) from care_insured_event where lg_code = ? and atena_no = ? and notification_no = ?")
                .params(lg, atenaNo, notificationNo).query(Integer.class).single() > 0;
    }

    private static boolean lostByMoveOut(Insured i) {
        Event last = i.history().get(i.history().size() - 1);
        return last.kind().equals("LOST") && last.reason().startsWith("MOVE_OUT");
    }

    private boolean excludedOn(String lg, String atenaNo, LocalDate date) {
        return openStatus(lg, atenaNo, "EXCLUDED_FACILITY", date).isPresent()
                || openStatus(lg, atenaNo, "OTHER_INSURER", date).isPresent();
    }

    private Optional<SpecialStatus> openStatus(String lg, String atenaNo, String kind, LocalDate date) {
        return jdbc.sql("""
                        select * from care_special_status where lg_code = ? and atena_no = ? and kind = ?
                        and from_on <= ? and (until_on is null or until_on > ?) order by seq desc limit 1""")
                .params(lg, atenaNo, kind, Date.valueOf(date), Date.valueOf(date)).query(InsuredRegister::special).optional();
    }

    private static SpecialStatus special(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SpecialStatus(rs.getInt("seq"), rs.getString("kind"), rs.getString("facility_name"),
                FacilityKind.valueOf(rs.getString("facility_kind")), rs.getObject("from_on", LocalDate.class),
                rs.getObject("until_on", LocalDate.class));
    }

    /** 被保険者番号: 10 digits, per municipality. */
    static String insuredNo(long n) {
        return String.format("%010d", n);
    }

    /** A 住民記録 date as written (和暦, or 西暦 for 外国人住民) when it is an exact calendar date, else null. */
    static LocalDate exactDate(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            return ResidentDate.parse(written).toLocalDate().orElse(null);
        } catch (RuntimeException e) {
            try {
                return LocalDate.parse(written, DateTimeFormatter.ofPattern("uuuu年M月d日"));
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }
}

package org.kiban.care.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.care.internal.CertificationRules.CareLevel;
import org.kiban.care.internal.CertificationRules.Kind;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 要介護認定 workflow of the current tenant: 申請 → 認定調査 and 主治医意見書 (either order) → 一次判定 →
 * 介護認定審査会 (二次判定) → 決定 → 通知, with the 30-day deadline of each case, 延期通知 when it cannot be met,
 * and every step appended to the case's history.
 */
@Service
public class Certifications {

    private final JdbcClient jdbc;
    private final InsuredRegister insured;
    private final AuditTrail audit;

    Certifications(JdbcClient jdbc, InsuredRegister insured, AuditTrail audit) {
        this.jdbc = jdbc;
        this.insured = insured;
        this.audit = audit;
    }

    public record CaseView(long caseNo, String atenaNo, Kind kind, LocalDate appliedOn, LocalDate deadlineOn,
                           String status, LocalDate surveyedOn, LocalDate opinionOn, CareLevel primaryLevel,
                           CareLevel boardLevel, CareLevel decidedLevel, LocalDate decidedOn, LocalDate validFrom,
                           LocalDate validUntil, LocalDate notifiedOn, LocalDate postponedUntil, Long previousCaseNo,
                           Integer benefitLimitUnits, List<Map<String, Object>> steps) {
    }

    @Transactional
    public CaseView apply(String atenaNo, Kind kind, LocalDate appliedOn) {
        String lg = TenantContext.requireLgCode();
        InsuredRegister.Insured person = insured.find(atenaNo).filter(i -> i.insuredOn(appliedOn))
                .orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "care-not-insured", atenaNo));
        Optional<CaseView> current = currentCertification(atenaNo, appliedOn);
        boolean open = jdbc.sql("select count(*) from care_certification_case where lg_code = ? and atena_no = ? and status not in ('NOTIFIED', 'WITHDRAWN')")
                .params(lg, atenaNo).query(Integer.class).single() > 0;
        if (open) {
            throw new ProblemException(HttpStatus.CONFLICT, "care-application-open", atenaNo);
        }
        Long previous = null;
        if (kind != Kind.NEW) {
            CaseView c = current.orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "care-no-certification", atenaNo));
            if (kind == Kind.RENEWAL && appliedOn.isBefore(CertificationRules.renewalOpensOn(c.validUntil()))) {
                throw new ProblemException(HttpStatus.CONFLICT, "care-renewal-too-early", CertificationRules.renewalOpensOn(c.validUntil()));
            }
            previous = c.caseNo();
        }
        long caseNo = jdbc.sql("""
                        insert into care_certification_counter (lg_code, last) values (?, 1)
                        on conflict (lg_code) do update set last = care_certification_counter.last + 1 returning last""")
                .param(lg).query(Long.class).single();
        jdbc.sql("""
                        insert into care_certification_case (lg_code, case_no, atena_no, kind, applied_on, deadline_on, status, previous_case_no)
                        values (?, ?, ?, ?, ?, ?, 'APPLIED', ?)""")
                .params(lg, caseNo, atenaNo, kind.name(), Date.valueOf(appliedOn),
                        Date.valueOf(CertificationRules.deadline(appliedOn)), previous).update();
        step(lg, caseNo, "APPLIED", appliedOn, Map.of("kind", kind.name(), "insuredNo", person.insuredNo()));
        return get(caseNo);
    }

    /**
     * Records a step. {@code level} for 一次判定・二次判定; {@code months} (有効期間) for 決定, the standard length if
     * null; {@code expectedBy} and {@code reason} for 延期通知 (法第27条第11項ただし書).
     */
    @Transactional
    public CaseView record(long caseNo, String step, LocalDate on, CareLevel level, Integer months, LocalDate expectedBy,
                           String reason) {
        String lg = TenantContext.requireLgCode();
        CaseView c = get(caseNo);
        if (c.status().equals("NOTIFIED")) {
            throw new ProblemException(HttpStatus.CONFLICT, "care-step-out-of-order", step, c.status());
        }
        if (on.isBefore(c.appliedOn())) {
            throw new CareInputException("on", "申請日より前の日付です。");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        switch (step) {
            case "SURVEYED" -> update(lg, caseNo, "surveyed_on = ?", Date.valueOf(on), after(c, "SURVEYED"));
            case "OPINION_RECEIVED" -> update(lg, caseNo, "opinion_on = ?", Date.valueOf(on), after(c, "OPINION_RECEIVED"));
            case "PRIMARY_JUDGED" -> {
                require(c.surveyedOn() != null && c.opinionOn() != null, step, c);
                update(lg, caseNo, "primary_level = ?", need(level, "level").name(), "PRIMARY_JUDGED");
                detail.put("level", level.name());
            }
            case "BOARD_REVIEWED" -> {
                require(c.primaryLevel() != null, step, c);
                jdbc.sql("update care_certification_case set board_level = ?, board_on = ?, status = 'BOARD_REVIEWED' where lg_code = ? and case_no = ?")
                        .params(need(level, "level").name(), Date.valueOf(on), lg, caseNo).update();
                detail.put("level", level.name());
            }
            case "DECIDED" -> {
                require(c.boardLevel() != null, step, c);
                decide(lg, c, on, months, detail);
            }
            case "NOTIFIED" -> {
                require(c.decidedLevel() != null, step, c);
                update(lg, caseNo, "notified_on = ?", Date.valueOf(on), "NOTIFIED");
            }
            case "POSTPONED" -> {
                // 延期通知: the expected date and the reason; again whenever the delay grows.
                if (expectedBy == null || !expectedBy.isAfter(c.deadlineOn())) {
                    throw new CareInputException("expectedBy", "処理見込期日（30日の期限より後）を指定してください。");
                }
                if (reason == null || reason.isBlank()) {
                    throw new CareInputException("reason", "延期の理由を指定してください。");
                }
                jdbc.sql("update care_certification_case set postponed_until = ? where lg_code = ? and case_no = ?")
                        .params(Date.valueOf(expectedBy), lg, caseNo).update();
                detail.put("expectedBy", expectedBy.toString());
                detail.put("reason", reason);
            }
            default -> throw new CareInputException("step",
                    "SURVEYED、OPINION_RECEIVED、PRIMARY_JUDGED、BOARD_REVIEWED、DECIDED、NOTIFIED、POSTPONED のいずれかです。");
        }
        step(lg, caseNo, step, on, detail);
        return get(caseNo);
    }

    private void decide(String lg, CaseView c, LocalDate on, Integer months, Map<String, Object> detail) {
        CareLevel level = c.boardLevel();
        Optional<CaseView> previous = c.previousCaseNo() == null ? Optional.empty() : Optional.of(get(c.previousCaseNo()));
        boolean same = previous.map(p -> p.decidedLevel() == level).orElse(false);
        CertificationRules.Range range = CertificationRules.range(c.kind(), same);
        int n = months == null ? range.standard() : months;
        if (level != CareLevel.NOT_APPLICABLE && !range.allows(n)) {
            throw new CareInputException("validityMonths", "有効期間は" + range.min() + "〜" + range.max() + "か月です（施行規則第38条・第41条）。");
        }
        LocalDate from = null;
        LocalDate until = null;
        if (level != CareLevel.NOT_APPLICABLE) {
            LocalDate[] v = CertificationRules.validity(c.kind(), c.appliedOn(),
                    previous.map(CaseView::validUntil).orElse(null), n);
            from = v[0];
            until = v[1];
            if (c.kind() == Kind.CHANGE && previous.isPresent()) {
                // 区分変更: the old certification ends the day before the new one starts.
                jdbc.sql("update care_certification_case set valid_until = ? where lg_code = ? and case_no = ?")
                        .params(Date.valueOf(from.minusDays(1)), lg, previous.get().caseNo()).update();
            }
        }
        jdbc.sql("""
                        update care_certification_case set decided_level = ?, decided_on = ?, valid_from = ?, valid_until = ?,
                            status = 'DECIDED' where lg_code = ? and case_no = ?""")
                .params(level.name(), Date.valueOf(on), from == null ? null : Date.valueOf(from),
                        until == null ? null : Date.valueOf(until), lg, c.caseNo()).update();
        detail.put("level", level.name());
        detail.put("months", n);
        if (from != null) {
            detail.put("validFrom", from.toString());
            detail.put("validUntil", until.toString());
        }
    }

    private static CareLevel need(CareLevel level, String field) {
        if (level == null) {
            throw new CareInputException(field, "要介護状態区分（NOT_APPLICABLE、SUPPORT_1〜2、CARE_1〜5）を指定してください。");
        }
        return level;
    }

    private static void require(boolean ok, String step, CaseView c) {
        if (!ok) {
            throw new ProblemException(HttpStatus.CONFLICT, "care-step-out-of-order", step, c.status());
        }
    }

    /** 調査 and 意見書 in either order: the status says what is still missing. */
    private static String after(CaseView c, String step) {
        boolean surveyed = c.surveyedOn() != null || step.equals("SURVEYED");
        boolean opinion = c.opinionOn() != null || step.equals("OPINION_RECEIVED");
        return surveyed && opinion ? "READY_FOR_JUDGEMENT" : surveyed ? "SURVEYED" : "OPINION_RECEIVED";
    }

    private void update(String lg, long caseNo, String set, Object value, String status) {
        jdbc.sql("update care_certification_case set " + set + ", status = ? where lg_code = ? and case_no = ?")
                .params(value, status, lg, caseNo).update();
    }

    private void step(String lg, long caseNo, String step, LocalDate on, Map<String, Object> detail) {
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from care_certification_step where lg_code = ? and case_no = ?")
                .params(lg, caseNo).query(Integer.class).single();
        jdbc.sql("""
                        insert into care_certification_step (lg_code, case_no, seq, step, on_date, detail, recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(lg, caseNo, seq, step, Date.valueOf(on), JsonInput.mapper().writeValueAsString(detail),
                        Timestamp.from(Instant.now()), TenantContext.currentActor().qualifiedId()).update();
        String atena = jdbc.sql("select atena_no from care_certification_case where lg_code = ? and case_no = ?")
                .params(lg, caseNo).query(String.class).single();
        audit.record(AuditEvent.of("care.certification-" + step.toLowerCase().replace('_', '-'), "resident", atena,
                Map.of("caseNo", caseNo, "on", on.toString())));
    }

    @Transactional(readOnly = true)
    public CaseView get(long caseNo) {
        String lg = TenantContext.requireLgCode();
        return jdbc.sql("select * from care_certification_case where lg_code = ? and case_no = ?").params(lg, caseNo)
                .query((rs, n) -> view(rs, steps(lg, caseNo))).optional()
                .orElseThrow(() -> ProblemException.notFound("認定の申請", caseNo));
    }

    /** {@link #get} for showing it to someone: one audit entry naming the person and the case. */
    @Transactional
    public CaseView read(long caseNo) {
        CaseView c = get(caseNo);
        audit.record(AuditEvent.of("care.certification-read", "resident", c.atenaNo(), Map.of("caseNo", c.caseNo())));
        return c;
    }

    /** Every application of a person, newest first, without their steps (unaudited; the caller audits). */
    @Transactional(readOnly = true)
    public List<CaseView> cases(String atenaNo) {
        return jdbc.sql("select * from care_certification_case where lg_code = ? and atena_no = ? order by case_no desc")
                .params(TenantContext.requireLgCode(), atenaNo).query((rs, n) -> view(rs, List.of())).list();
    }

    /** The decided certification in force on {@code date}, if any. */
    @Transactional(readOnly = true)
    public Optional<CaseView> currentCertification(String atenaNo, LocalDate date) {
        String lg = TenantContext.requireLgCode();
        return jdbc.sql("""
                        select * from care_certification_case where lg_code = ? and atena_no = ? and decided_level is not null
                        and decided_level <> 'NOT_APPLICABLE' and valid_from <= ? and valid_until >= ? order by case_no desc limit 1""")
                .params(lg, atenaNo, Date.valueOf(date), Date.valueOf(date))
                .query((rs, n) -> view(rs, List.of())).optional();
    }

    /** Applications not yet notified. */
    @Transactional(readOnly = true)
    public List<Long> openCases(String atenaNo) {
        return jdbc.sql("select case_no from care_certification_case where lg_code = ? and atena_no = ? and status not in ('NOTIFIED', 'WITHDRAWN')")
                .params(TenantContext.requireLgCode(), atenaNo).query(Long.class).list();
    }

    @Transactional
    public void recordEligibilityCertificate(String atenaNo, long caseNo) {
        jdbc.sql("insert into care_eligibility_certificate_issue (lg_code, atena_no, case_no, issued_at, issued_by) values (?, ?, ?, ?, ?)")
                .params(TenantContext.requireLgCode(), atenaNo, caseNo, Timestamp.from(Instant.now()),
                        TenantContext.currentActor().qualifiedId()).update();
    }

    private List<Map<String, Object>> steps(String lg, long caseNo) {
        return jdbc.sql("select step, on_date, detail::text as d, recorded_by from care_certification_step where lg_code = ? and case_no = ? order by seq")
                .params(lg, caseNo).query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("step", rs.getString("step"));
                    m.put("on", rs.getObject("on_date", LocalDate.class).toString());
                    m.put("detail", JsonInput.mapper().readValue(rs.getString("d"), Map.class));
                    m.put("recordedBy", rs.getString("recorded_by"));
                    return m;
                }).list();
    }

    static CaseView view(java.sql.ResultSet rs, List<Map<String, Object>> steps) throws java.sql.SQLException {
        CareLevel decided = level(rs.getString("decided_level"));
        return new CaseView(rs.getLong("case_no"), rs.getString("atena_no"), Kind.valueOf(rs.getString("kind")),
                rs.getObject("applied_on", LocalDate.class), rs.getObject("deadline_on", LocalDate.class), rs.getString("status"),
                rs.getObject("surveyed_on", LocalDate.class), rs.getObject("opinion_on", LocalDate.class),
                level(rs.getString("primary_level")), level(rs.getString("board_level")), decided,
                rs.getObject("decided_on", LocalDate.class), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), rs.getObject("notified_on", LocalDate.class),
                rs.getObject("postponed_until", LocalDate.class), (Long) rs.getObject("previous_case_no"),
                decided == null ? null : decided.benefitLimitUnits(), steps);
    }

    private static CareLevel level(String s) {
        return s == null ? null : CareLevel.valueOf(s);
    }

    // ------------------------------------------------------------------ work lists

    public record WorkItem(String workflowRole, String task, long caseNo, String atenaNo, LocalDate dueOn, boolean overdue) {
    }

    /**
     * What is due on {@code date} and what is overdue, by who does it: 認定調査 (survey), 主治医意見書 (opinion
     * request), 審査会事務局 (judgement and board), 認定担当 (decision, notice, 延期通知, renewal reminders,
     * 受給資格証明書 on 転出).
     */
    @Transactional(readOnly = true)
    public Map<String, List<WorkItem>> workList(LocalDate date) {
        String lg = TenantContext.requireLgCode();
        List<WorkItem> items = new ArrayList<>();
        jdbc.sql("select * from care_certification_case where lg_code = ? and status not in ('NOTIFIED', 'WITHDRAWN') order by deadline_on, case_no")
                .param(lg).query((rs, n) -> view(rs, List.of())).list().forEach(c -> {
                    LocalDate due = c.postponedUntil() != null ? c.postponedUntil() : c.deadlineOn();
                    boolean overdue = date.isAfter(due);
                    if (!due.isAfter(date) || overdue) {
                        if (c.surveyedOn() == null) {
                            items.add(new WorkItem("SURVEY", "認定調査", c.caseNo(), c.atenaNo(), due, overdue));
                        }
                        if (c.opinionOn() == null) {
                            items.add(new WorkItem("OPINION", "主治医意見書の督促", c.caseNo(), c.atenaNo(), due, overdue));
                        }
                        if (c.surveyedOn() != null && c.opinionOn() != null && c.boardLevel() == null) {
                            items.add(new WorkItem("BOARD", c.primaryLevel() == null ? "一次判定" : "介護認定審査会", c.caseNo(),
                                    c.atenaNo(), due, overdue));
                        }
                        if (c.boardLevel() != null) {
                            items.add(new WorkItem("CERTIFICATION", c.decidedLevel() == null ? "認定の決定" : "結果の通知",
                                    c.caseNo(), c.atenaNo(), due, overdue));
                        }
                    }
                    if (c.decidedLevel() == null && date.isAfter(due)) {
                        // 法第27条第11項: past 30 days (or past the date last notified) without a decision → 延期通知.
                        items.add(new WorkItem("CERTIFICATION", "延期通知", c.caseNo(), c.atenaNo(), due, true));
                    }
                });
        // Renewal reminders: certifications ending within 60 days with no application since.
        jdbc.sql("""
                        select c.* from care_certification_case c where c.lg_code = ? and c.decided_level is not null
                        and c.decided_level <> 'NOT_APPLICABLE' and c.valid_until >= ? and c.valid_until <= ?
                        and not exists (select 1 from care_certification_case n where n.lg_code = c.lg_code
                                        and n.atena_no = c.atena_no and n.case_no > c.case_no)
                        and exists (select 1 from care_insured i where i.lg_code = c.lg_code and i.atena_no = c.atena_no and i.status = 'INSURED')""")
                .params(lg, Date.valueOf(date), Date.valueOf(date.plusDays(CertificationRules.RENEWAL_WINDOW_DAYS)))
                .query((rs, n) -> view(rs, List.of())).list()
                .forEach(c -> items.add(new WorkItem("CERTIFICATION", "更新申請の勧奨（有効期間満了 " + c.validUntil() + "）",
                        c.caseNo(), c.atenaNo(), CertificationRules.renewalOpensOn(c.validUntil()), false)));
        // 受給資格証明書: certified persons who lost status by 転出 and have no certificate issued since.
        jdbc.sql("""
                        select c.* from care_certification_case c join care_insured i on i.lg_code = c.lg_code and i.atena_no = c.atena_no
                        where c.lg_code = ? and i.status = 'LOST' and c.decided_level is not null and c.decided_level <> 'NOT_APPLICABLE'
                        and c.valid_from <= i.eligible_until and c.valid_until >= i.eligible_until
                        and exists (select 1 from care_insured_event e where e.lg_code = i.lg_code and e.atena_no = i.atena_no
                                    and e.seq = i.last_seq and e.reason = 'MOVE_OUT_DOMESTIC')
                        and not exists (select 1 from care_eligibility_certificate_issue x where x.lg_code = c.lg_code
                                        and x.atena_no = c.atena_no and x.case_no = c.case_no)""")
                .param(lg).query((rs, n) -> view(rs, List.of())).list()
                .forEach(c -> items.add(new WorkItem("CERTIFICATION", "受給資格証明書の交付（転出）", c.caseNo(), c.atenaNo(), date, false)));
        Map<String, List<WorkItem>> out = new LinkedHashMap<>();
        out.put("overdue", items.stream().filter(WorkItem::overdue).toList());
        out.put("dueToday", items.stream().filter(i -> !i.overdue()).toList());
        return out;
    }
}

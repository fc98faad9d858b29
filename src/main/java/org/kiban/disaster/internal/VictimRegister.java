package org.kiban.disaster.internal;

import java.math.BigDecimal;
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
import org.kiban.common.InvalidValueException;
import org.kiban.disaster.DamageLevel;
import org.kiban.disaster.Disaster;
import org.kiban.disaster.Flooding;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.resident.Relationship;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.Residents;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 被災者台帳 (災害対策基本法第90条の3): per disaster and household, the 被災住家, the damage as surveyed (each survey or
 * 再調査 appended, the newest counts), the support given (援護の実施の状況) and the 罹災証明書 issued. The household
 * is the registry's household as it was on the day of the disaster.
 */
@Service
public class VictimRegister {

    private final JdbcClient jdbc;
    private final Residents residents;
    private final Declarations declarations;
    private final AuditTrail audit;

    VictimRegister(JdbcClient jdbc, Residents residents, Declarations declarations, AuditTrail audit) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.declarations = declarations;
        this.audit = audit;
    }

    /** A survey's result (住家の被害認定) for a household. */
    public record DamageInput(String householdNo, DamageLevel damageLevel, BigDecimal damageRatio, Flooding flooding,
                              LocalDate surveyedOn, String survey, String note, String damagedAddress,
                              String needsCare, String contact) {
    }

    /** Support given to a household (援護). */
    public record SupportInput(String kind, Long amountYen, LocalDate providedOn, String note) {
    }

    public record Assessment(int seq, DamageLevel damageLevel, String damageLevelLabel, BigDecimal damageRatio,
                             Flooding flooding, LocalDate surveyedOn, String survey, String note, Instant recordedAt,
                             String recordedBy) {
    }

    public record Support(int seq, String kind, Long amountYen, LocalDate providedOn, String note, Instant recordedAt,
                          String recordedBy) {
    }

    public record CertificateIssue(String issueNo, int assessmentSeq, Instant issuedAt, String issuedBy) {
    }

    public record Member(String atenaNo, String name, String relationship, String birthDate) {
    }

    /** One household of the register. */
    public record Entry(int disasterNo, String householdNo, String headAtenaNo, String headName, String damagedAddress,
                        String needsCare, String contact, List<Member> members, List<Assessment> assessments,
                        List<Support> supports, List<CertificateIssue> certificates, DamageLevel currentLevel,
                        String currentLevelLabel, long supportTotalYen) {

        Entry(int disasterNo, String householdNo, String headAtenaNo, String headName, String damagedAddress,
              String needsCare, String contact, List<Member> members, List<Assessment> assessments,
              List<Support> supports, List<CertificateIssue> certificates) {
            this(disasterNo, householdNo, headAtenaNo, headName, damagedAddress, needsCare, contact, members, assessments,
                    supports, certificates,
                    assessments.isEmpty() ? null : assessments.get(assessments.size() - 1).damageLevel(),
                    assessments.isEmpty() ? null : assessments.get(assessments.size() - 1).damageLevelLabel(),
                    supports.stream().mapToLong(s -> s.amountYen() == null ? 0 : s.amountYen()).sum());
        }

        /** The newest assessment: the one that counts. */
        public Optional<Assessment> current() {
            return assessments.isEmpty() ? Optional.empty() : Optional.of(assessments.get(assessments.size() - 1));
        }
    }

    /** Records a survey's result, entering the household in the register on its first survey. */
    @Transactional
    public Entry recordDamage(int disasterNo, DamageInput in) {
        Disaster d = declarations.disaster(disasterNo);
        String lg = TenantContext.requireLgCode();
        if (in.householdNo() == null || in.householdNo().isBlank()) {
            throw new InvalidValueException("household-required", "世帯番号（householdNo）を指定してください。");
        }
        DamageLevel level = level(in.damageLevel(), in.damageRatio());
        LocalDate surveyed = in.surveyedOn() == null ? LocalDate.now(Declarations.JAPAN) : in.surveyedOn();
        if (surveyed.isBefore(d.occurredOn())) {
            throw new InvalidValueException("invalid-surveyed-on", "調査日は災害の発生日以降で指定してください。");
        }
        String householdNo = in.householdNo().strip();
        boolean known = jdbc.sql("select count(*) from victim_household where lg_code = ? and disaster_no = ? and household_no = ?")
                .params(lg, disasterNo, householdNo).query(Integer.class).single() > 0;
        if (!known) {
            List<ResidentRecord> members = residents.householdMembersOn(householdNo, d.occurredOn());
            ResidentRecord head = members.stream().filter(m -> Relationship.HEAD.equals(m.relationship())).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("被災日の世帯", householdNo));
            String address = in.damagedAddress() == null || in.damagedAddress().isBlank()
                    ? head.address().full() : Declarations.required(in.damagedAddress(), "被災住家の所在地", 200);
            jdbc.sql("""
                            insert into victim_household (lg_code, disaster_no, household_no, head_atena_no, damaged_address,
                                needs_care, contact, recorded_at, recorded_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(lg, disasterNo, householdNo, head.atenaNo(), address, blankToNull(in.needsCare()),
                            blankToNull(in.contact()), Timestamp.from(Instant.now()),
                            TenantContext.currentActor().qualifiedId())
                    .update();
        }
        if (known && (blankToNull(in.needsCare()) != null || blankToNull(in.contact()) != null)) {
            // 要配慮者・連絡先 are facts of the household, kept current (not survey results).
            jdbc.sql("""
                            update victim_household set needs_care = coalesce(?, needs_care), contact = coalesce(?, contact)
                            where lg_code = ? and disaster_no = ? and household_no = ?""")
                    .params(blankToNull(in.needsCare()), blankToNull(in.contact()), lg, disasterNo, householdNo).update();
        }
        String survey = in.survey() == null || in.survey().isBlank() ? "第1次調査" : Declarations.required(in.survey(), "調査の区分", 50);
        int seq = jdbc.sql("""
                        insert into damage_assessment (lg_code, disaster_no, household_no, seq, damage_level, damage_ratio,
                            flooding, surveyed_on, survey, note, recorded_at, recorded_by)
                        select ?, ?, ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?
                        from damage_assessment where lg_code = ? and disaster_no = ? and household_no = ?
                        returning seq""")
                .params(lg, disasterNo, householdNo, level.name(), in.damageRatio(),
                        in.flooding() == null ? null : in.flooding().name(), Date.valueOf(surveyed), survey,
                        blankToNull(in.note()), Timestamp.from(Instant.now()), TenantContext.currentActor().qualifiedId(),
                        lg, disasterNo, householdNo)
                .query(Integer.class).single();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("disasterNo", disasterNo);
        detail.put("seq", seq);
        detail.put("damageLevel", level.name());
        audit.record(AuditEvent.of("disaster.damage-recorded", "household", householdNo, detail));
        return load(d, householdNo);
    }

    @Transactional
    public Entry addSupport(int disasterNo, String householdNo, SupportInput in) {
        Disaster d = declarations.disaster(disasterNo);
        String lg = TenantContext.requireLgCode();
        requireEntry(lg, disasterNo, householdNo);
        String kind = Declarations.required(in.kind(), "援護の種類", 100);
        if (in.amountYen() != null && in.amountYen() < 0) {
            throw new InvalidValueException("invalid-amount", "金額は0円以上で指定してください。");
        }
        LocalDate on = in.providedOn() == null ? LocalDate.now(Declarations.JAPAN) : in.providedOn();
        int seq = jdbc.sql("""
                        insert into victim_support (lg_code, disaster_no, household_no, seq, kind, amount_yen, provided_on,
                            note, recorded_at, recorded_by)
                        select ?, ?, ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ?, ?
                        from victim_support where lg_code = ? and disaster_no = ? and household_no = ?
                        returning seq""")
                .params(lg, disasterNo, householdNo, kind, in.amountYen(), Date.valueOf(on), blankToNull(in.note()),
                        Timestamp.from(Instant.now()), TenantContext.currentActor().qualifiedId(), lg, disasterNo, householdNo)
                .query(Integer.class).single();
        audit.record(AuditEvent.of("disaster.support-recorded", "household", householdNo,
                Map.of("disasterNo", disasterNo, "seq", seq, "kind", kind)));
        return load(d, householdNo);
    }

    /** One household's entry, audited as a read of the persons in it. */
    @Transactional
    public Entry entry(int disasterNo, String householdNo) {
        Disaster d = declarations.disaster(disasterNo);
        requireEntry(TenantContext.requireLgCode(), disasterNo, householdNo);
        Entry e = load(d, householdNo);
        audit.record(AuditEvent.of("disaster.register-viewed", "household", householdNo,
                Map.of("disasterNo", disasterNo, "persons", e.members().stream().map(Member::atenaNo).toList())));
        return e;
    }

    /** Every household of a disaster's register, audited as one read of the register. */
    @Transactional
    public List<Entry> entries(int disasterNo) {
        Disaster d = declarations.disaster(disasterNo);
        List<String> households = jdbc.sql("select household_no from victim_household where lg_code = ? and disaster_no = ? order by household_no")
                .params(TenantContext.requireLgCode(), disasterNo).query(String.class).list();
        List<Entry> out = new ArrayList<>();
        for (String h : households) {
            out.add(load(d, h));
        }
        audit.record(AuditEvent.of("disaster.register-viewed", "disaster", Integer.toString(disasterNo),
                Map.of("households", out.size())));
        return out;
    }

    /** The current assessment of a household, for a 罹災証明書. */
    Entry forCertificate(Disaster d, String householdNo) {
        requireEntry(TenantContext.requireLgCode(), d.disasterNo(), householdNo);
        return load(d, householdNo);
    }

    void recordCertificate(Disaster d, String householdNo, int assessmentSeq, String issueNo) {
        jdbc.sql("""
                        insert into disaster_certificate_issue (lg_code, issue_no, disaster_no, household_no, assessment_seq,
                            issued_at, issued_by)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(TenantContext.requireLgCode(), issueNo, d.disasterNo(), householdNo, assessmentSeq,
                        Timestamp.from(Instant.now()), TenantContext.currentActor().qualifiedId())
                .update();
    }

    /** The damage level: given, or read from the 損害割合; both given must agree (運用指針の判定). */
    static DamageLevel level(DamageLevel given, BigDecimal ratio) {
        if (ratio == null) {
            if (given == null) {
                throw new InvalidValueException("damage-level-required", "被害の程度（damageLevel）か損害割合（damageRatio）を指定してください。");
            }
            return given;
        }
        DamageLevel byRatio = DamageLevel.ofDamageRatio(ratio);
        if (given != null && given != byRatio) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "damage-level-mismatch", ratio.toPlainString(),
                    byRatio.label(), given.label());
        }
        return byRatio;
    }

    private void requireEntry(String lg, int disasterNo, String householdNo) {
        boolean known = jdbc.sql("select count(*) from victim_household where lg_code = ? and disaster_no = ? and household_no = ?")
                .params(lg, disasterNo, householdNo).query(Integer.class).single() > 0;
        if (!known) {
            throw ProblemException.notFound("被災者台帳の世帯", householdNo);
        }
    }

    private Entry load(Disaster d, String householdNo) {
        String lg = TenantContext.requireLgCode();
        Map<String, Object> row = jdbc.sql("select * from victim_household where lg_code = ? and disaster_no = ? and household_no = ?")
                .params(lg, d.disasterNo(), householdNo).query().singleRow();
        List<ResidentRecord> members = residents.householdMembersOn(householdNo, d.occurredOn());
        String headAtenaNo = (String) row.get("head_atena_no");
        String headName = members.stream().filter(m -> m.atenaNo().equals(headAtenaNo)).map(ResidentRecord::name)
                .findFirst().orElse("");
        List<Assessment> assessments = jdbc.sql("""
                        select * from damage_assessment where lg_code = ? and disaster_no = ? and household_no = ? order by seq""")
                .params(lg, d.disasterNo(), householdNo)
                .query((rs, n) -> {
                    DamageLevel level = DamageLevel.valueOf(rs.getString("damage_level"));
                    String flooding = rs.getString("flooding");
                    return new Assessment(rs.getInt("seq"), level, level.label(), rs.getBigDecimal("damage_ratio"),
                            flooding == null ? null : Flooding.valueOf(flooding), rs.getObject("surveyed_on", LocalDate.class),
                            rs.getString("survey"), rs.getString("note"), rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("recorded_by"));
                }).list();
        List<Support> supports = jdbc.sql("""
                        select * from victim_support where lg_code = ? and disaster_no = ? and household_no = ? order by seq""")
                .params(lg, d.disasterNo(), householdNo)
                .query((rs, n) -> new Support(rs.getInt("seq"), rs.getString("kind"),
                        rs.getObject("amount_yen") == null ? null : rs.getLong("amount_yen"),
                        rs.getObject("provided_on", LocalDate.class), rs.getString("note"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"))).list();
        List<CertificateIssue> certificates = jdbc.sql("""
                        select * from disaster_certificate_issue where lg_code = ? and disaster_no = ? and household_no = ?
                        order by issued_at""")
                .params(lg, d.disasterNo(), householdNo)
                .query((rs, n) -> new CertificateIssue(rs.getString("issue_no"), rs.getInt("assessment_seq"),
                        rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"))).list();
        return new Entry(d.disasterNo(), householdNo, headAtenaNo, headName, (String) row.get("damaged_address"),
                (String) row.get("needs_care"), (String) row.get("contact"),
                members.stream().map(m -> new Member(m.atenaNo(), m.name(), m.relationship(), m.birthDate())).toList(),
                assessments, supports, certificates);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}

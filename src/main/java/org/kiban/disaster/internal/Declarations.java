package org.kiban.disaster.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.common.CheckDigits;
import org.kiban.common.InvalidValueException;
import org.kiban.disaster.AidScope;
import org.kiban.disaster.Disaster;
import org.kiban.disaster.MutualAidAgreement;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.Tenants;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The own municipality's side: its copies of mutual-aid agreements, and the disasters it declares (with the aid
 * period the other parties may act in). Each change is audited.
 */
@Service
public class Declarations {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final DisasterStore store;
    private final Tenants tenants;
    private final AuditTrail audit;

    Declarations(DisasterStore store, Tenants tenants, AuditTrail audit) {
        this.store = store;
        this.tenants = tenants;
        this.audit = audit;
    }

    /** What a party enters to register its copy of an agreement. */
    public record AgreementInput(String agreementNo, String title, List<String> parties, LocalDate validFrom,
                                 LocalDate validTo, Integer aidDays, List<AidScope> scope) {
    }

    /** What the affected municipality enters to declare a disaster. */
    public record Declaration(String name, String kind, LocalDate occurredOn, String agreementNo, LocalDate aidFrom) {
    }

    @Transactional(readOnly = true)
    public List<MutualAidAgreement> agreements() {
        return store.agreements();
    }

    @Transactional
    public MutualAidAgreement register(AgreementInput in) {
        String lg = TenantContext.requireLgCode();
        if (in.agreementNo() == null || !in.agreementNo().matches("[0-9A-Za-z_-]{1,40}")) {
            throw new InvalidValueException("invalid-agreement-no", "協定番号は英数字・ハイフン40文字以内で指定してください（全当事者で同じ番号）。");
        }
        String title = required(in.title(), "協定の名称", 200);
        Set<String> parties = new LinkedHashSet<>();
        parties.add(lg);
        for (String p : in.parties() == null ? List.<String>of() : in.parties()) {
            String code = p == null ? "" : p.strip();
            if (!CheckDigits.isValidLgCode(code)) {
                throw new InvalidValueException("invalid-lg-code", "当事者の団体コード「" + code + "」が正しくありません。");
            }
            if (tenants.find(code).isEmpty()) {
                throw ProblemException.notFound("団体", code);
            }
            parties.add(code);
        }
        if (parties.size() < 2) {
            throw new InvalidValueException("parties-required", "協定の相手方の団体コード（parties）を1つ以上指定してください。");
        }
        if (in.validFrom() == null || in.validTo() == null || in.validTo().isBefore(in.validFrom())) {
            throw new InvalidValueException("invalid-period", "協定の有効期間（validFrom〜validTo）を正しく指定してください。");
        }
        int aidDays = in.aidDays() == null ? 0 : in.aidDays();
        if (aidDays < 1 || aidDays > 366) {
            throw new InvalidValueException("invalid-aid-days", "応援できる日数（aidDays）は1から366日で指定してください。");
        }
        if (in.scope() != null && in.scope().contains(null)) {
            throw new InvalidValueException("scope-required", "協定の範囲（scope）に応援する事務を1つ以上指定してください。");
        }
        Set<AidScope> scope = in.scope() == null || in.scope().isEmpty() ? EnumSet.noneOf(AidScope.class) : EnumSet.copyOf(in.scope());
        if (scope.stream().noneMatch(s -> !s.isItem())) {
            throw new InvalidValueException("scope-required", "協定の範囲（scope）に応援する事務を1つ以上指定してください。");
        }
        if (scope.contains(AidScope.RESIDENT_LOOKUP) && scope.stream().noneMatch(AidScope::isItem)) {
            throw new InvalidValueException("scope-items-required", "住民の照会を含む協定には、照会できる項目を指定してください。");
        }
        if (store.agreement(in.agreementNo()).isPresent()) {
            throw ProblemException.conflict("agreement-exists", in.agreementNo());
        }
        MutualAidAgreement a = new MutualAidAgreement(lg, in.agreementNo(), title, List.copyOf(parties), in.validFrom(),
                in.validTo(), aidDays, scope);
        store.insert(a);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("parties", a.parties());
        detail.put("validFrom", a.validFrom().toString());
        detail.put("validTo", a.validTo().toString());
        detail.put("aidDays", aidDays);
        detail.put("scope", scope.stream().map(Enum::name).toList());
        audit.record(AuditEvent.of("mutual-aid.agreement-registered", "mutual-aid-agreement", a.agreementNo(), detail));
        return a;
    }

    @Transactional(readOnly = true)
    public List<Disaster> disasters() {
        return store.disasters();
    }

    @Transactional(readOnly = true)
    public Disaster disaster(int disasterNo) {
        return store.disaster(disasterNo).orElseThrow(() -> ProblemException.notFound("災害", disasterNo));
    }

    /**
     * Declares a disaster. With an agreement, the other parties may act from {@code aidFrom} (today when not given)
     * for the agreed number of days, never outside the agreement's period.
     */
    @Transactional
    public Disaster declare(Declaration in) {
        LocalDate today = LocalDate.now(JAPAN);
        String name = required(in.name(), "災害名", 100);
        String kind = required(in.kind(), "災害の種類", 50);
        if (in.occurredOn() == null || in.occurredOn().isAfter(today)) {
            throw new InvalidValueException("invalid-occurred-on", "発生日（occurredOn）を今日以前の日付で指定してください。");
        }
        LocalDate aidFrom = null;
        LocalDate aidUntil = null;
        String agreementNo = in.agreementNo() == null || in.agreementNo().isBlank() ? null : in.agreementNo().strip();
        if (agreementNo != null) {
            MutualAidAgreement a = store.agreement(agreementNo)
                    .orElseThrow(() -> ProblemException.notFound("相互応援協定", agreementNo));
            aidFrom = in.aidFrom() == null ? today : in.aidFrom();
            if (aidFrom.isBefore(in.occurredOn()) || aidFrom.isBefore(a.validFrom()) || aidFrom.isAfter(a.validTo())) {
                throw ProblemException.conflict("aid-outside-agreement", agreementNo, a.validFrom(), a.validTo());
            }
            LocalDate byDays = aidFrom.plusDays(a.aidDays() - 1L);
            aidUntil = byDays.isAfter(a.validTo()) ? a.validTo() : byDays;
        }
        Disaster d = store.insert(name, kind, in.occurredOn(), agreementNo, aidFrom, aidUntil);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", name);
        detail.put("occurredOn", d.occurredOn().toString());
        if (agreementNo != null) {
            detail.put("agreementNo", agreementNo);
            detail.put("aidFrom", d.aidFrom().toString());
            detail.put("aidUntil", d.aidUntil().toString());
        }
        audit.record(AuditEvent.of("disaster.declared", "disaster", Integer.toString(d.disasterNo()), detail));
        return d;
    }

    /** Ends the other parties' aid after {@code lastDay} (today when not given); it cannot be extended here. */
    @Transactional
    public Disaster endAid(int disasterNo, LocalDate lastDay) {
        Disaster d = disaster(disasterNo);
        if (d.agreementNo() == null) {
            throw ProblemException.conflict("no-aid-to-end", d.name());
        }
        LocalDate last = lastDay == null ? LocalDate.now(JAPAN) : lastDay;
        if (last.isBefore(d.aidFrom().minusDays(1))) {
            throw new InvalidValueException("invalid-last-day", "応援の最終日は応援開始日の前日以降で指定してください。");
        }
        store.endAid(disasterNo, last);
        audit.record(AuditEvent.of("disaster.aid-ended", "disaster", Integer.toString(disasterNo),
                Map.of("lastDay", last.toString())));
        return disaster(disasterNo);
    }

    static String required(String value, String item, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new InvalidValueException("required", item + "を" + max + "文字以内で指定してください。");
        }
        return value.strip();
    }
}

package org.kiban.disaster.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditQuery;
import org.kiban.audit.AuditRecord;
import org.kiban.audit.AuditTrail;
import org.kiban.common.CheckDigits;
import org.kiban.common.InvalidValueException;
import org.kiban.disaster.AidScope;
import org.kiban.disaster.Disaster;
import org.kiban.disaster.MutualAidAgreement;
import org.kiban.platform.Actor;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.Tenant;
import org.kiban.tenancy.Tenants;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only way into another municipality's data (ADR 0013). Staff of the helping municipality (the current tenant)
 * act, for one operation, in the context of the affected municipality, after the gate has checked — with the
 * affected municipality's own rows, in its own row-level security — that both have registered the same agreement
 * naming each other, that the affected municipality declared the disaster under it, that today lies in the aid
 * period, and that the operation and items are in the agreement's scope ({@link AidRule}).
 * <p>
 * Every attempt is written to the helper's audit chain, and to the affected municipality's chain whenever its own
 * copy of an agreement names the helper; both entries carry {@code targetType = mutual-aid}, so the report of
 * each municipality is a search of its own chain. Nothing leaves the gate before both entries are committed.
 */
@Service
public class MutualAid {

    /** Audit entries of cross-tenant access share this target type; the report lists them. */
    public static final String TARGET_TYPE = "mutual-aid";

    private final DisasterStore store;
    private final Tenants tenants;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    MutualAid(DisasterStore store, Tenants tenants, AuditTrail audit, TransactionTemplate tx) {
        this.store = store;
        this.tenants = tenants;
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * What the work inside the gate sees and reports: the disaster and agreement, and what it disclosed or did.
     */
    public static final class Access {
        private final Disaster disaster;
        private final MutualAidAgreement agreement;
        private final String helperLgCode;
        private final String helperName;
        private final List<String> persons = new ArrayList<>();
        private final Map<String, Object> facts = new LinkedHashMap<>();

        Access(Disaster disaster, MutualAidAgreement agreement, String helperLgCode, String helperName) {
            this.disaster = disaster;
            this.agreement = agreement;
            this.helperLgCode = helperLgCode;
            this.helperName = helperName;
        }

        public Disaster disaster() {
            return disaster;
        }

        public MutualAidAgreement agreement() {
            return agreement;
        }

        public String helperLgCode() {
            return helperLgCode;
        }

        public String helperName() {
            return helperName;
        }

        /** Records that a person's data was shown or printed. */
        public void disclosed(String atenaNo) {
            if (!persons.contains(atenaNo)) {
                persons.add(atenaNo);
            }
        }

        /** Adds a fact to both audit entries (no personal data beyond 宛名番号 and 世帯番号). */
        public void fact(String name, Object value) {
            facts.put(name, value);
        }
    }

    /**
     * Runs {@code work} in {@code affected}'s context as the current staff member acting as 応援職員, if the
     * agreement allows {@code operation} with {@code items} today; otherwise refuses (403), the refusal audited.
     * Must not be called inside a transaction: each municipality's part runs in its own.
     */
    public <T> T act(String affected, int disasterNo, AidScope operation, Set<AidScope> items, Function<Access, T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the mutual-aid gate opens its own transactions per municipality");
        }
        if (affected == null || !CheckDigits.isValidLgCode(affected)) {
            throw new InvalidValueException("invalid-lg-code", "被災団体の団体コード「" + affected + "」が正しくありません。");
        }
        String helper = TenantContext.requireLgCode();
        Actor staff = TenantContext.currentActor();
        String helperName = tenants.find(helper).map(Tenant::name).orElse(helper);
        String affectedName = tenants.find(affected).map(Tenant::name).orElse(affected);
        LocalDate today = LocalDate.now(Declarations.JAPAN);
        Set<AidScope> wanted = EnumSet.of(operation);
        wanted.addAll(items);
        String target = affected + "-" + disasterNo;

        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("helper", helper);
        detail.put("helperName", helperName);
        detail.put("affected", affected);
        detail.put("affectedName", affectedName);
        detail.put("disasterNo", disasterNo);
        detail.put("staff", staff.qualifiedId());
        detail.put("staffName", staff.name());
        detail.put("operation", operation.name());
        detail.put("items", items.stream().map(Enum::name).sorted().toList());

        List<MutualAidAgreement> helperCopies = tx.execute(s -> store.agreementsNaming(affected));
        if (helperCopies == null || helperCopies.isEmpty() || !tenants.find(affected).isPresent()) {
            // No agreement of our own with that municipality: its data is never touched, not even to check.
            throw refused(helper, target, detail, new AidRule.Refusal("no-mutual-aid-agreement", affected));
        }

        Actor aidActor = new Actor(staff.kind(), staff.id() + "@" + helper,
                staff.name() + "（" + helperName + " 応援職員）", null);
        Gate gate = TenantContext.callAs(affected, aidActor, () -> tx.execute(s -> {
            Optional<Disaster> disaster = store.disaster(disasterNo);
            Optional<MutualAidAgreement> affectedCopy = disaster.map(Disaster::agreementNo).flatMap(store::agreement);
            Optional<MutualAidAgreement> helperCopy = disaster.map(Disaster::agreementNo).flatMap(no -> helperCopies.stream()
                    .filter(a -> a.agreementNo().equals(no)).findFirst());
            Optional<AidRule.Refusal> refusal = AidRule.check(helper, affected, helperCopy, affectedCopy, disaster, wanted, today);
            disaster.map(Disaster::agreementNo).ifPresent(no -> detail.put("agreementNo", no));
            if (refusal.isPresent()) {
                // The affected municipality hears of attempts by a municipality it has an agreement with.
                if (!store.agreementsNaming(helper).isEmpty()) {
                    audit.record(refusalEvent(target, detail, refusal.get()));
                }
                return new Gate(null, null, refusal.get());
            }
            return new Gate(disaster.get(), affectedCopy.get(), null);
        }));
        if (gate.refusal() != null) {
            throw refused(helper, target, detail, gate.refusal());
        }

        Access access = new Access(gate.disaster(), gate.agreement(), helper, helperName);
        T result;
        try {
            result = TenantContext.callAs(affected, aidActor, () -> work.apply(access));
        } catch (RuntimeException e) {
            detail.put("outcome", "error");
            detail.put("error", e instanceof ProblemException p ? p.code()
                    : e instanceof InvalidValueException v ? v.code() : e.getClass().getSimpleName());
            tx.executeWithoutResult(s -> audit.record(AuditEvent.of("mutual-aid.failed", TARGET_TYPE, target, detail)));
            throw e;
        }
        detail.put("outcome", "allowed");
        detail.put("persons", List.copyOf(access.persons));
        detail.putAll(access.facts);
        String action = "mutual-aid." + switch (operation) {
            case RESIDENT_LOOKUP -> "residents-looked-up";
            case VICTIM_REGISTER -> "damage-recorded";
            case DISASTER_CERTIFICATE -> "certificate-issued";
            default -> throw new IllegalArgumentException(operation.name());
        };
        // The affected municipality's entry first (its data was used), then the helper's; the answer leaves after both.
        TenantContext.runAs(affected, aidActor, () -> tx.executeWithoutResult(s ->
                audit.record(AuditEvent.of(action, TARGET_TYPE, target, detail))));
        tx.executeWithoutResult(s -> audit.record(AuditEvent.of(action, TARGET_TYPE, target, detail)));
        return result;
    }

    private record Gate(Disaster disaster, MutualAidAgreement agreement, AidRule.Refusal refusal) {
    }

    private ProblemException refused(String helper, String target, Map<String, Object> detail, AidRule.Refusal refusal) {
        tx.executeWithoutResult(s -> audit.record(refusalEvent(target, detail, refusal)));
        HttpStatus status = "aid-to-self".equals(refusal.code()) ? HttpStatus.BAD_REQUEST : HttpStatus.FORBIDDEN;
        return new ProblemException(status, refusal.code(), refusal.args());
    }

    private static AuditEvent refusalEvent(String target, Map<String, Object> detail, AidRule.Refusal refusal) {
        Map<String, Object> d = new LinkedHashMap<>(detail);
        d.put("outcome", "refused");
        d.put("reason", refusal.code());
        return AuditEvent.of("mutual-aid.refused", TARGET_TYPE, target, d);
    }

    /**
     * Disasters of other parties this municipality's staff may help with today. Each party's declarations are read
     * in that party's own context, only for agreements both have registered; they hold no personal data.
     */
    public List<Disaster> disastersToHelp() {
        String helper = TenantContext.requireLgCode();
        LocalDate today = LocalDate.now(Declarations.JAPAN);
        List<MutualAidAgreement> mine = tx.execute(s -> store.agreements());
        List<Disaster> out = new ArrayList<>();
        for (MutualAidAgreement a : mine == null ? List.<MutualAidAgreement>of() : mine) {
            for (String party : a.parties()) {
                if (party.equals(helper) || tenants.find(party).isEmpty()) {
                    continue;
                }
                List<Disaster> found = TenantContext.callAs(party, Actor.system("mutual-aid"), () -> tx.execute(s ->
                        store.agreement(a.agreementNo()).filter(theirs -> theirs.parties().contains(helper))
                                .filter(theirs -> theirs.sameTermsAs(a))
                                .map(theirs -> store.disastersInAid(a.agreementNo(), today)).orElse(List.of())));
                if (found != null && !today.isBefore(a.validFrom()) && !today.isAfter(a.validTo())) {
                    out.addAll(found);
                }
            }
        }
        return out;
    }

    /** The cross-tenant accesses in the current municipality's own audit chain, newest first. */
    public List<AuditRecord> report(int limit) {
        return tx.execute(s -> {
            List<AuditRecord> entries = audit.search(new AuditQuery(null, null, null, null, TARGET_TYPE, null, null,
                    Math.max(1, Math.min(500, limit))));
            audit.record(AuditEvent.of("audit.searched", "audit", null, Map.of("results", entries.size(),
                    "view", "mutual-aid report")));
            return entries;
        });
    }
}

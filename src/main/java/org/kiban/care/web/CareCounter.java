package org.kiban.care.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.care.internal.Certifications;
import org.kiban.care.internal.EligibilityRules;
import org.kiban.care.internal.InsuredRegister;
import org.kiban.common.ResidentDate;
import org.kiban.platform.Permissions;
import org.kiban.platform.TenantContext;
import org.kiban.resident.FollowUpContribution;
import org.kiban.resident.NotificationResult;
import org.kiban.resident.NotificationType;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.ResidentViewContribution;
import org.kiban.resident.WorkListContribution;
import org.springframework.stereotype.Component;

/**
 * 介護保険 on the counter: the person's insured status and 認定 as flags, the 要介護認定 deadlines on the work lists,
 * and after a 異動 the care work it causes (資格取得 at 転入, 受給資格証明書 at 転出 of a certified person).
 */
@Component
class CareCounter implements ResidentViewContribution, WorkListContribution, FollowUpContribution {

    private final InsuredRegister register;
    private final Certifications certifications;
    private final AuditTrail audit;

    CareCounter(InsuredRegister register, Certifications certifications, AuditTrail audit) {
        this.register = register;
        this.certifications = certifications;
        this.audit = audit;
    }

    @Override
    public String area() {
        return "介護保険";
    }

    @Override
    public String permission() {
        return Permissions.CARE_READ;
    }

    @Override
    public List<Flag> flags(String atenaNo) {
        String base = "/municipalities/" + TenantContext.requireLgCode() + "/care";
        LocalDate today = LocalDate.now();
        List<Flag> flags = new ArrayList<>();
        Optional<InsuredRegister.Insured> insured = register.find(atenaNo);
        insured.ifPresent(i -> flags.add("INSURED".equals(i.status())
                ? new Flag("第1号被保険者（" + i.eligibleFrom() + "から" + (i.addressException() ? "・住所地特例" : "") + "）",
                        "info", base + "/residents/" + atenaNo)
                : new Flag("資格喪失（" + i.eligibleUntil() + "）", "info", base + "/residents/" + atenaNo)));
        certifications.currentCertification(atenaNo, today).ifPresent(c -> flags.add(new Flag(
                c.decidedLevel().label() + "（" + c.validUntil() + "まで）", "warn", base + "/certifications/" + c.caseNo())));
        for (Certifications.CaseView c : certifications.cases(atenaNo)) {
            if (!c.status().equals("NOTIFIED") && !c.status().equals("WITHDRAWN")) {
                LocalDate due = c.postponedUntil() != null ? c.postponedUntil() : c.deadlineOn();
                flags.add(new Flag("認定申請中（" + CareLabels.of(CareLabels.KINDS, c.kind().name()) + "、期限 " + due
                        + (today.isAfter(due) ? "・期限超過" : "") + "）", today.isAfter(due) ? "alert" : "warn",
                        base + "/certifications/" + c.caseNo()));
            }
        }
        if (!flags.isEmpty()) {
            audit.record(AuditEvent.of("care.status-read", "resident", atenaNo));
        }
        return flags;
    }

    // ------------------------------------------------------------------ work lists

    @Override
    public String heading() {
        return "要介護認定の期限";
    }

    @Override
    public String moreHref(String lgCode) {
        return "/municipalities/" + lgCode + "/care/work-list";
    }

    @Override
    public List<WorkListContribution.Item> items(String lgCode, LocalDate date) {
        Map<String, List<Certifications.WorkItem>> lists = certifications.workList(date);
        List<WorkListContribution.Item> items = new ArrayList<>();
        for (String list : List.of("overdue", "dueToday")) {
            for (Certifications.WorkItem w : lists.getOrDefault(list, List.of())) {
                items.add(new WorkListContribution.Item(w.task(), CareLabels.of(CareLabels.ROLES, w.workflowRole()),
                        w.atenaNo(), "申請 " + w.caseNo(), "/municipalities/" + lgCode + "/care/certifications/" + w.caseNo(),
                        w.dueOn(), w.overdue()));
            }
        }
        return items;
    }

    // ------------------------------------------------------------------ after a 異動

    @Override
    public List<FollowUpContribution.Item> after(String lgCode, NotificationResult result) {
        NotificationType type = result.type();
        List<FollowUpContribution.Item> items = new ArrayList<>();
        for (ResidentRecord r : result.records()) {
            String href = "/municipalities/" + lgCode + "/care/residents/" + r.atenaNo();
            if ((type == NotificationType.MOVE_IN_DOMESTIC || type == NotificationType.MOVE_IN_FROM_ABROAD)
                    && agedOnOrAfter65(r)) {
                items.add(new FollowUpContribution.Item("介護保険の資格取得を確認する（" + r.name() + "）", href,
                        "65歳以上の転入者は転入日に第1号被保険者の資格を取得します（介護保険法第10条）。資格は自動で記録され、"
                                + "被保険者証は介護保険担当が交付します。"));
            } else if (type == NotificationType.MOVE_OUT_DOMESTIC
                    && certifications.currentCertification(r.atenaNo(), LocalDate.now()).isPresent()) {
                items.add(new FollowUpContribution.Item("受給資格証明書を交付する（" + r.name() + "）",
                        "/municipalities/" + lgCode + "/care/residents/" + r.atenaNo(),
                        "要介護・要支援認定を受けている人が転出します。転入先で14日以内に申請すると認定が引き継がれます（介護保険法第36条）。"));
            }
        }
        return items;
    }

    private static boolean agedOnOrAfter65(ResidentRecord r) {
        try {
            LocalDate movedIn = r.effectiveDate() == null ? LocalDate.now()
                    : ResidentDate.parse(r.effectiveDate()).toLocalDate().orElse(LocalDate.now());
            return ResidentDate.parse(r.birthDate()).toLocalDate()
                    .map(b -> EligibilityRules.acquisitionOnMoveIn(b, movedIn) != null).orElse(false);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

package org.kiban.tax.web;

import java.util.ArrayList;
import java.util.List;

import org.kiban.common.Yen;
import org.kiban.platform.Permissions;
import org.kiban.platform.TenantContext;
import org.kiban.resident.FollowUpContribution;
import org.kiban.resident.NotificationResult;
import org.kiban.resident.NotificationType;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.ResidentViewContribution;
import org.kiban.tax.Exemption;
import org.kiban.tax.internal.AssessmentService;
import org.springframework.stereotype.Component;

/**
 * 税 on the counter: the person's latest assessment as a flag (to 税務担当 only — 地方税法第22条, the tax secret), and
 * after a 転出 or death a link to the assessment, since the 年度's tax stays with the 1 January address (第318条).
 */
@Component
class TaxCounter implements ResidentViewContribution, FollowUpContribution {

    private final AssessmentService assessments;

    TaxCounter(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public String area() {
        return "個人住民税";
    }

    @Override
    public String permission() {
        return Permissions.TAX_READ;
    }

    @Override
    public List<Flag> flags(String atenaNo) {
        String href = "/municipalities/" + TenantContext.requireLgCode() + "/tax/residents/" + atenaNo;
        return List.of(assessments.latest(atenaNo).map(s -> new Flag(label(s), s.exemption() == Exemption.ALL ? "info" : "warn",
                href + "?year=" + s.taxYear())).orElse(new Flag("賦課の記録なし", "info", href)));
    }

    static String label(AssessmentService.Summary s) {
        String year = "令和" + (s.taxYear() - 2018) + "年度 ";
        if (s.exemption() == Exemption.ALL) {
            return year + "非課税";
        }
        String how = switch (s.collection()) {
            case "SPECIAL" -> "特別徴収";
            case "ORDINARY" -> "普通徴収";
            default -> "";
        };
        if (s.pension()) {
            how = how.isEmpty() ? "年金特別徴収" : how + "・年金特別徴収";
        }
        return year + (s.exemption() == Exemption.INCOME_LEVY ? "均等割のみ課税 " : "課税 ") + Yen.of(s.annualTotal()).format()
                + (how.isEmpty() ? "" : "（" + how + "）") + (s.version() > 1 ? "・更正" + (s.version() - 1) + "回" : "");
    }

    @Override
    public List<Item> after(String lgCode, NotificationResult result) {
        NotificationType type = result.type();
        List<Item> items = new ArrayList<>();
        if (type == NotificationType.MOVE_OUT_DOMESTIC || type == NotificationType.MOVE_OUT_ABROAD
                || type == NotificationType.DEATH) {
            for (ResidentRecord r : result.records()) {
                items.add(new Item("個人住民税の賦課を確認する（" + r.name() + "）",
                        "/municipalities/" + lgCode + "/tax/residents/" + r.atenaNo(),
                        "今年度の課税は1月1日の住所地で変わりません（地方税法第318条）。特別徴収・納付の確認は税務担当が行います。"));
            }
        } else if (type == NotificationType.MOVE_IN_DOMESTIC || type == NotificationType.MOVE_IN_FROM_ABROAD) {
            items.add(new Item("個人住民税", null,
                    "今年度分は1月1日の住所地で課税されます（地方税法第318条）。翌年度から当団体で課税します。"));
        }
        return items;
    }
}

package org.kiban.resident.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.kiban.resident.FollowUpContribution;
import org.kiban.resident.NotificationResult;
import org.kiban.resident.NotificationType;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.ResidentStatus;
import org.springframework.security.core.Authentication;

/**
 * The work that follows a 異動 at the same counter visit (ワンストップ): certificates the resident usually needs next,
 * and what other offices learn through the change feed. Other modules add theirs through {@link FollowUpContribution}.
 */
final class FollowUps {

    /** One follow-up: a screen to open ({@code href}), or a note of what happens without the clerk. */
    record FollowUp(String label, String href, String note) {
    }

    private FollowUps() {
    }

    static List<FollowUp> after(String lgCode, NotificationResult result, List<FollowUpContribution> contributions,
                                Authentication user) {
        List<FollowUp> list = new ArrayList<>();
        List<ResidentRecord> records = result.records();
        NotificationType type = result.type();
        String base = "/municipalities/" + lgCode + "/certificates/new";
        List<ResidentRecord> residentsNow = records.stream().filter(r -> r.status() == ResidentStatus.RESIDENT).toList();
        if (!residentsNow.isEmpty()) {
            ResidentRecord first = residentsNow.get(0);
            list.add(new FollowUp("住民票の写しを交付する", base + "?householdNo=" + first.householdNo() + "&atenaNos="
                    + residentsNow.stream().map(ResidentRecord::atenaNo).collect(Collectors.joining(",")), null));
        }
        if (type == NotificationType.MOVE_OUT_DOMESTIC) {
            list.add(new FollowUp("転出証明書を交付する", base + "?form=MOVE_OUT_CERTIFICATE&atenaNos="
                    + records.stream().map(ResidentRecord::atenaNo).collect(Collectors.joining(",")), null));
        }
        if (type == NotificationType.MOVE_OUT_DOMESTIC || type == NotificationType.MOVE_OUT_ABROAD
                || type == NotificationType.DEATH) {
            list.add(new FollowUp("印鑑登録", null, "登録があれば自動で廃止されました（印鑑登録証明事務処理要領）。"));
        }
        for (FollowUpContribution c : contributions) {
            boolean allowed = CounterScreen.has(user, c.permission());
            for (FollowUpContribution.Item item : c.after(lgCode, result)) {
                list.add(new FollowUp(item.label(), allowed ? item.href() : null, item.note()));
            }
        }
        list.add(new FollowUp("国民健康保険ほか", null,
                "異動は変更フィードで関係各課のシステムに連携されます。介護保険の資格・税は各担当の画面で確認します。"));
        return list;
    }
}

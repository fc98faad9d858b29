package org.kiban.resident.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.kiban.resident.NotificationResult;
import org.kiban.resident.NotificationType;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.ResidentStatus;

/**
 * The work that follows a 異動 at the same counter visit (ワンストップ): certificates the resident usually needs next,
 * and what other offices learn through the change feed. Care and tax modules will add their own procedures here.
 */
final class FollowUps {

    /** One follow-up: a screen to open ({@code href}), or a note of what happens without the clerk. */
    record FollowUp(String label, String href, String note) {
    }

    private FollowUps() {
    }

    static List<FollowUp> after(String lgCode, NotificationResult result) {
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
        list.add(new FollowUp("介護保険・国民健康保険・税", null,
                "異動は変更フィードで関係各課のシステムに連携されます。介護保険の資格・税の確認は各担当の画面で行います。"));
        return list;
    }
}

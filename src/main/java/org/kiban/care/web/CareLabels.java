package org.kiban.care.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Japanese names the care screens show for the codes the care module stores. */
final class CareLabels {

    /** The steps of a 要介護認定 (法第27条), in their usual order. */
    static final Map<String, String> STEPS = new LinkedHashMap<>();
    /** Who does the work on the work list. */
    static final Map<String, String> ROLES = new LinkedHashMap<>();
    static final Map<String, String> STATUS = Map.ofEntries(Map.entry("INSURED", "第1号被保険者"),
            Map.entry("LOST", "資格喪失"), Map.entry("APPLIED", "申請受付"), Map.entry("SURVEYED", "認定調査済み"),
            Map.entry("OPINION_RECEIVED", "意見書受領済み"), Map.entry("PRIMARY_JUDGED", "一次判定済み"),
            Map.entry("BOARD_REVIEWED", "審査会済み"), Map.entry("DECIDED", "決定済み"), Map.entry("NOTIFIED", "通知済み"),
            Map.entry("WITHDRAWN", "取下げ"));
    static final Map<String, String> KINDS = Map.of("NEW", "新規", "RENEWAL", "更新", "CHANGE", "区分変更");
    static final Map<String, String> EVENTS = Map.of("ACQUIRED", "資格取得", "LOST", "資格喪失",
            "ADDRESS_EXCEPTION", "住所地特例");
    static final Map<String, String> COLLECTION = Map.of("SPECIAL", "特別徴収（年金から）", "ORDINARY", "普通徴収（納付書・口座振替）");

    static {
        STEPS.put("APPLIED", "申請");
        STEPS.put("SURVEYED", "認定調査");
        STEPS.put("OPINION_RECEIVED", "主治医意見書の受領");
        STEPS.put("PRIMARY_JUDGED", "一次判定");
        STEPS.put("BOARD_REVIEWED", "介護認定審査会（二次判定）");
        STEPS.put("DECIDED", "認定の決定");
        STEPS.put("NOTIFIED", "結果の通知");
        STEPS.put("POSTPONED", "延期通知（法第27条第11項ただし書）");
        ROLES.put("SURVEY", "認定調査員");
        ROLES.put("OPINION", "主治医意見書担当");
        ROLES.put("BOARD", "審査会事務局");
        ROLES.put("CERTIFICATION", "認定担当");
    }

    private CareLabels() {
    }

    static String of(Map<String, String> labels, String code) {
        return code == null ? "" : labels.getOrDefault(code, code);
    }
}

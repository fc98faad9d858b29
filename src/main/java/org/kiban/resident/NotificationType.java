package org.kiban.resident;

/**
 * The 異動 Kiban accepts through {@code POST …/notifications}: each 届出 or 職権 action of the standard, with the
 * 異動事由 it records.
 */
public enum NotificationType {
    MOVE_IN_DOMESTIC("国内転入", ChangeReason.MOVE_IN_DOMESTIC),
    MOVE_IN_FROM_ABROAD("国外転入", ChangeReason.MOVE_IN_FROM_ABROAD),
    BIRTH("出生", ChangeReason.BIRTH),
    EX_OFFICIO_ENTRY("職権記載", ChangeReason.EX_OFFICIO_ENTRY),
    MOVE_WITHIN("転居", ChangeReason.MOVE_WITHIN),
    MOVE_OUT_DOMESTIC("国内転出", ChangeReason.MOVE_OUT_DOMESTIC),
    MOVE_OUT_ABROAD("国外転出", ChangeReason.MOVE_OUT_ABROAD),
    DEATH("死亡", ChangeReason.DEATH),
    /** 失踪宣告: the person is removed ex officio (職権消除, standard §4.2 830). */
    DISAPPEARANCE("失踪", ChangeReason.EX_OFFICIO_REMOVAL),
    EX_OFFICIO_REMOVAL("職権消除", ChangeReason.EX_OFFICIO_REMOVAL),
    HOUSEHOLD_SPLIT("世帯分離", ChangeReason.HOUSEHOLD_SPLIT),
    HOUSEHOLD_MERGE("世帯合併", ChangeReason.HOUSEHOLD_MERGE),
    HOUSEHOLD_CHANGE("世帯変更", ChangeReason.HOUSEHOLD_CHANGE),
    HEAD_CHANGE("世帯主変更", ChangeReason.HEAD_CHANGE),
    EX_OFFICIO_CORRECTION("職権修正", ChangeReason.EX_OFFICIO_CORRECTION),
    CLERICAL_CORRECTION("誤記修正", ChangeReason.CLERICAL_CORRECTION),
    MINOR_CORRECTION("軽微な修正", ChangeReason.MINOR_CORRECTION),
    INDIVIDUAL_NUMBER_EX_OFFICIO_ENTRY("個人番号の職権記載", ChangeReason.INDIVIDUAL_NUMBER_EX_OFFICIO_ENTRY),
    INDIVIDUAL_NUMBER_CHANGE_REQUEST("個人番号の変更請求", ChangeReason.INDIVIDUAL_NUMBER_CHANGE_REQUEST),
    INDIVIDUAL_NUMBER_EX_OFFICIO_CORRECTION("個人番号の職権修正", ChangeReason.INDIVIDUAL_NUMBER_EX_OFFICIO_CORRECTION),
    JUMINHYO_CODE_EX_OFFICIO_ENTRY("住民票コードの職権記載", ChangeReason.JUMINHYO_CODE_EX_OFFICIO_ENTRY),
    JUMINHYO_CODE_CHANGE_REQUEST("住民票コードの変更請求", ChangeReason.JUMINHYO_CODE_CHANGE_REQUEST),
    FORMER_SURNAME_ENTRY("旧氏の記載", ChangeReason.FORMER_SURNAME_ENTRY),
    FORMER_SURNAME_CHANGE("旧氏の変更", ChangeReason.FORMER_SURNAME_CHANGE),
    FORMER_SURNAME_DELETION("旧氏の削除", ChangeReason.FORMER_SURNAME_DELETION),
    ALIAS_ENTRY("通称の記載", ChangeReason.ALIAS_ENTRY),
    ALIAS_DELETION("通称の削除", ChangeReason.ALIAS_DELETION),
    /** 異動の取消し: the reason recorded (増・減・修正) follows from what is undone. */
    CANCELLATION("異動の取消し", null);

    private final String label;
    private final ChangeReason reason;

    NotificationType(String label, ChangeReason reason) {
        this.label = label;
        this.reason = reason;
    }

    public String label() {
        return label;
    }

    public ChangeReason reason() {
        return reason;
    }
}

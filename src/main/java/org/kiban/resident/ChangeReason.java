package org.kiban.resident;

/**
 * 異動事由 of the 住民記録システム標準仕様書 §1.2.2 (standards.md §1.6), each in its group: 記載 creates a record,
 * 消除 removes it (a 除票 remains), 修正 amends it. Codes are Kiban's; the exchange layout maps them.
 */
public enum ChangeReason {
    MOVE_IN_DOMESTIC("国内転入", Group.ENTRY),
    MOVE_IN_FROM_ABROAD("国外転入等", Group.ENTRY),
    BIRTH("出生", Group.ENTRY),
    EX_OFFICIO_ENTRY("職権記載", Group.ENTRY),
    CANCELLATION_INCREASE("異動の取消し（増）", Group.ENTRY),

    MOVE_OUT_DOMESTIC("国内転出", Group.REMOVAL),
    MOVE_OUT_ABROAD("国外転出", Group.REMOVAL),
    DEATH("死亡", Group.REMOVAL),
    EX_OFFICIO_REMOVAL("職権消除", Group.REMOVAL),
    CANCELLATION_DECREASE("異動の取消し（減）", Group.REMOVAL),

    MOVE_WITHIN("転居", Group.AMENDMENT),
    MINOR_CORRECTION("軽微な修正", Group.AMENDMENT),
    EX_OFFICIO_CORRECTION("職権修正", Group.AMENDMENT),
    CLERICAL_CORRECTION("誤記修正", Group.AMENDMENT),
    INDIVIDUAL_NUMBER_CHANGE_REQUEST("個人番号の変更請求", Group.AMENDMENT),
    INDIVIDUAL_NUMBER_EX_OFFICIO_CORRECTION("個人番号の職権修正", Group.AMENDMENT),
    INDIVIDUAL_NUMBER_EX_OFFICIO_ENTRY("個人番号の職権記載", Group.AMENDMENT),
    JUMINHYO_CODE_CHANGE_REQUEST("住民票コードの変更請求", Group.AMENDMENT),
    JUMINHYO_CODE_EX_OFFICIO_ENTRY("住民票コードの職権記載", Group.AMENDMENT),
    HOUSEHOLD_SPLIT("世帯分離", Group.AMENDMENT),
    HOUSEHOLD_MERGE("世帯合併", Group.AMENDMENT),
    HOUSEHOLD_CHANGE("世帯変更", Group.AMENDMENT),
    HEAD_CHANGE("世帯主変更", Group.AMENDMENT),
    FORMER_SURNAME_ENTRY("旧氏の記載", Group.AMENDMENT),
    FORMER_SURNAME_CHANGE("旧氏の変更", Group.AMENDMENT),
    FORMER_SURNAME_DELETION("旧氏の削除", Group.AMENDMENT),
    ALIAS_ENTRY("通称の記載", Group.AMENDMENT),
    ALIAS_DELETION("通称の削除", Group.AMENDMENT),
    CANCELLATION_AMENDMENT("異動の取消し（修正）", Group.AMENDMENT);

    /** 記載・消除・修正. */
    public enum Group {
        ENTRY("記載"), REMOVAL("消除"), AMENDMENT("修正");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String label;
    private final Group group;

    ChangeReason(String label, Group group) {
        this.label = label;
        this.group = group;
    }

    public String label() {
        return label;
    }

    public Group group() {
        return group;
    }
}

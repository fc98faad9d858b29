package org.kiban.resident;

/** 区分 of a foreign resident (住民基本台帳法第30条の45 表), which decides the items recorded. */
public enum ForeignCategory {
    /** 中長期在留者: 在留資格, 在留期間, 満了の日, 在留カードの番号. */
    MID_LONG_TERM("中長期在留者"),
    /** 特別永住者: 特別永住者証明書の番号. */
    SPECIAL_PERMANENT("特別永住者"),
    /** 一時庇護許可者: 上陸期間. */
    TEMPORARY_REFUGE("一時庇護許可者"),
    /** 仮滞在許可者: 仮滞在期間. */
    PROVISIONAL_STAY("仮滞在許可者"),
    /** 出生による経過滞在者 / 国籍喪失による経過滞在者. */
    TRANSITIONAL_STAY("経過滞在者");

    private final String label;

    ForeignCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.kiban.resident;

/** 住民種別: 日本人住民 or 外国人住民 (住民基本台帳法第30条の45). */
public enum ResidentKind {
    JAPANESE("日本人"),
    FOREIGN("外国人");

    private final String label;

    ResidentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.kiban.tenancy;

/** Kinds of office where staff work (本庁・区役所・支所・出張所); printed on certificates. */
public enum OfficeKind {
    HEAD_OFFICE("本庁"),
    /** 区役所 of a ward of a designated city (地方自治法第252条の20). */
    WARD_OFFICE("区役所"),
    /** 支所 (地方自治法第155条). */
    BRANCH("支所"),
    /** 出張所 (地方自治法第155条). */
    SUB_BRANCH("出張所");

    private final String label;

    OfficeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

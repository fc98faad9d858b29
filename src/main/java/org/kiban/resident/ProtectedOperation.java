package org.kiban.resident;

/** 支援を求める事務: the operations a 支援措置 refuses for the protected person (standards.md §1.10). */
public enum ProtectedOperation {
    /** 住民基本台帳の一部の写しの閲覧. */
    INSPECTION("閲覧"),
    /** 住民票の写し等の交付 (current and former address). */
    CERTIFICATE("住民票の写し等の交付"),
    /** 戸籍の附票の写しの交付. */
    FAMILY_REGISTER_ATTACHMENT("戸籍の附票の写しの交付");

    private final String label;

    ProtectedOperation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

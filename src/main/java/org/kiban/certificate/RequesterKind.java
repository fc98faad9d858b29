package org.kiban.certificate;

/** Who asks for a certificate (住民基本台帳法第12条, 第12条の2, 第12条の3). */
public enum RequesterKind {
    /** 本人等請求: the person or a member of the same household (第12条). */
    SELF("本人等請求"),
    /** 第三者請求: anyone else with a legitimate purpose, stated and recorded (第12条の3). */
    THIRD_PARTY("第三者請求"),
    /** 公用請求: a national or local government body (第12条の2); fee exempt. */
    OFFICIAL("公用請求");

    private final String label;

    RequesterKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

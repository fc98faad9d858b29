package org.kiban.tenancy;

/** Kinds of local government (地方公共団体の種類), as the 全国地方公共団体コード list distinguishes them. */
public enum LocalGovernmentKind {
    PREFECTURE("都道府県"),
    /** 指定都市, 地方自治法第252条の19. */
    DESIGNATED_CITY("指定都市"),
    /** 中核市, 地方自治法第252条の22. */
    CORE_CITY("中核市"),
    CITY("市"),
    /** 特別区, 地方自治法第281条. */
    SPECIAL_WARD("特別区"),
    TOWN("町"),
    VILLAGE("村"),
    /** 行政区 of a designated city, 地方自治法第252条の20: not a local government of its own. */
    WARD("行政区");

    private final String label;

    LocalGovernmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 市区町村: the kinds that can be a tenant (basic local governments). */
    public boolean isMunicipality() {
        return this != PREFECTURE && this != WARD;
    }
}

package org.kiban.parameter;

/**
 * The typology of local differences in the 総務省 study group's policy (自治体システム等標準化検討会): why a
 * municipality may differ from the standard.
 */
public enum ParameterClass {
    /** 制度由来: the law leaves the choice to the municipality (e.g. fees set by ordinance). */
    A1("制度由来"),
    /** 現場ニーズ: needs of the counter and back office (e.g. session length). */
    A2("現場ニーズ"),
    /** 庁内連携: links with other systems inside the municipality. */
    B("庁内連携"),
    /** 庁外連携: links with systems outside the municipality. */
    C("庁外連携"),
    /** 地域の実情: local circumstances (e.g. office structure, geography). */
    L("地域の実情");

    private final String label;

    ParameterClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.kiban.disaster;

/** 浸水区分, printed on the 罹災証明書 for floods where the municipality records it (統一様式の任意記載事項). */
public enum Flooding {
    ABOVE_FLOOR("床上浸水"),
    BELOW_FLOOR("床下浸水"),
    NONE("浸水なし");

    private final String label;

    Flooding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.kiban.resident;

/** 住民状態: a registered resident, or the kind of 除票 the record has become. */
public enum ResidentStatus {
    RESIDENT("住民"),
    MOVED_OUT("転出"),
    DEAD("死亡"),
    REMOVED("消除");

    private final String label;

    ResidentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the record is a 除票 (removed record). */
    public boolean removed() {
        return this != RESIDENT;
    }
}

package org.kiban.tenancy;

/** How a migration rehearsal (移行リハーサル, a dry-run import) went. */
public enum RehearsalOutcome {
    PLANNED("予定"),
    SUCCEEDED("成功"),
    FAILED("要再実施"),
    CANCELLED("中止");

    private final String label;

    RehearsalOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.kiban.tenancy;

import java.util.Set;

/**
 * Lifecycle of a tenant. Municipalities join one by one when their previous system's contract ends
 * (五月雨方式): planned, then migrating (rehearsals and the data move), then live; a tenant that leaves the
 * joint use is exited, and its data stays exportable.
 */
public enum TenantState {
    PLANNED("導入予定"),
    MIGRATING("移行中"),
    LIVE("稼働中"),
    EXITED("離脱");

    private final String label;

    TenantState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** States a tenant may move to from this one. */
    public Set<TenantState> next() {
        return switch (this) {
            case PLANNED -> Set.of(MIGRATING, EXITED);
            case MIGRATING -> Set.of(PLANNED, LIVE, EXITED);
            case LIVE -> Set.of(EXITED);
            case EXITED -> Set.of();
        };
    }
}

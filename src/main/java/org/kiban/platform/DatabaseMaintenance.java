package org.kiban.platform;

/** Maintenance the application role may not run itself (it owns no table): done as the schema owner. */
public interface DatabaseMaintenance {

    /**
     * Refreshes the planner's statistics of {@code tables} after a bulk load, so the first queries after it get
     * index plans (autovacuum would, a minute later). Does nothing when the owner's credentials are not known.
     */
    void analyze(String... tables);
}

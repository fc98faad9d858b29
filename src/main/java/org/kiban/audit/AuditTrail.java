package org.kiban.audit;

import java.util.List;

/** The audit log of each tenant. */
public interface AuditTrail {

    /**
     * Appends {@code event} to the log of the current tenant, by the current actor, in the caller's transaction
     * (or a new one), so that the entry commits or rolls back with what it records.
     */
    AuditRecord record(AuditEvent event);

    /** Entries of the current tenant's log, newest first. */
    List<AuditRecord> search(AuditQuery query);

    /** Checks the current tenant's chain: any altered, deleted or reordered entry is found. */
    ChainVerification verify();
}

package org.kiban.audit;

import java.time.Instant;

/** One entry of a tenant's audit log, as stored. */
public record AuditRecord(String lgCode, long seq, Instant occurredAt, String actor, String actorName,
                          String officeCode, String action, String targetType, String targetId,
                          boolean individualNumberShown, String detail, String prevHash, String hash) {
}

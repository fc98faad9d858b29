package org.kiban.audit;

import java.time.Instant;

/**
 * Filters of an audit log search; null means any.
 *
 * @param from       entries at or after this instant
 * @param to         entries before this instant
 * @param actor      qualified actor id (e.g. {@code staff:yokohama.clerk})
 * @param action     action, exact
 * @param targetType target kind
 * @param targetId   target id
 * @param beforeSeq  entries with a smaller sequence number (paging backwards from the newest)
 * @param limit      how many at most (1 to 500)
 */
public record AuditQuery(Instant from, Instant to, String actor, String action, String targetType, String targetId,
                         Long beforeSeq, int limit) {
}

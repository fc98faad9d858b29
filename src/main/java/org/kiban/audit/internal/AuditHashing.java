package org.kiban.audit.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.kiban.audit.AuditRecord;
import org.kiban.common.Hashes;

/** The hash of an audit entry: SHA-256 over every stored field and the previous entry's hash. */
final class AuditHashing {

    static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_INSTANT;

    private AuditHashing() {
    }

    static String hash(String lgCode, long seq, Instant occurredAt, String actor, String actorName, String officeCode,
                       String action, String targetType, String targetId, boolean individualNumberShown,
                       String detail, String prevHash) {
        // Unit separators keep field boundaries unambiguous; null and empty differ ("\u0000" marks null).
        String canonical = String.join("\u001f", lgCode, Long.toString(seq), INSTANT.format(occurredAt), actor,
                actorName, n(officeCode), action, n(targetType), n(targetId), Boolean.toString(individualNumberShown),
                n(detail), prevHash);
        return Hashes.sha256Hex(canonical);
    }

    static String hash(AuditRecord r) {
        return hash(r.lgCode(), r.seq(), r.occurredAt(), r.actor(), r.actorName(), r.officeCode(), r.action(),
                r.targetType(), r.targetId(), r.individualNumberShown(), r.detail(), r.prevHash());
    }

    private static String n(String s) {
        return s == null ? "\u0000" : s;
    }
}

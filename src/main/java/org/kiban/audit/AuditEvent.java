package org.kiban.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * What happened, to be appended to the audit log of the current tenant by the current actor.
 *
 * @param action                what was done, {@code area.verb} (e.g. {@code parameter.changed})
 * @param targetType            the kind of thing acted on (e.g. {@code parameter}, {@code resident}), or null
 * @param targetId              its identifier, or null
 * @param individualNumberShown whether an 個人番号 was shown or printed (番号法 requires knowing this)
 * @param detail                further facts (no secrets), stored as canonical JSON
 */
public record AuditEvent(String action, String targetType, String targetId, boolean individualNumberShown,
                         Map<String, ?> detail) {

    public AuditEvent {
        if (action == null || !action.matches("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+")) {
            throw new IllegalArgumentException("action must be area.verb: " + action);
        }
        detail = detail == null ? Map.of() : new TreeMap<>(detail);
    }

    public static AuditEvent of(String action, String targetType, String targetId) {
        return new AuditEvent(action, targetType, targetId, false, Map.of());
    }

    public static AuditEvent of(String action, String targetType, String targetId, Map<String, ?> detail) {
        return new AuditEvent(action, targetType, targetId, false, detail);
    }
}

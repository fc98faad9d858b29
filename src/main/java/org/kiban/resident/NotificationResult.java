package org.kiban.resident;

import java.util.List;
import java.util.Map;

/**
 * What a notification did: its number, the new version of every person it touched, the households' new
 * versions, and warnings for the clerk (e.g. a household left without 世帯主).
 */
public record NotificationResult(long notificationNo, NotificationType type, List<ResidentRecord> records,
                                 Map<String, Integer> householdVersions, List<String> warnings) {
}

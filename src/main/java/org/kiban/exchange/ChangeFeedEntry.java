package org.kiban.exchange;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One committed 異動 as other systems read it.
 *
 * @param seq            the cursor: strictly increasing per tenant, never reused
 * @param eventType      e.g. ResidentMovedIn, ResidentDied
 * @param reason         異動事由 code
 * @param persons        JSON array of the persons' new versions: 宛名番号, 履歴番号, 世帯番号, 住民状態,
 *                       {@code protected} (a 支援措置 in force) and {@code changed} (the inquiry items that differ
 *                       from the previous version: what a consumer re-reads)
 */
public record ChangeFeedEntry(long seq, Instant recordedAt, String eventType, long notificationNo, String reason,
                              String effectiveDate, LocalDate effectiveOn, LocalDate notifiedOn, String persons) {
}

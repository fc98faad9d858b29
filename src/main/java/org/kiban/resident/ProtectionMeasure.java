package org.kiban.resident;

import java.time.LocalDate;
import java.util.Set;

/**
 * A 支援措置 as registered: the protected person, the 申出者 it belongs to, the perpetrator as far as known, the
 * refused operations and the period (one year; extendable).
 *
 * @param alert {@code null}, or 「期間満了まで1か月以内」 / 「期間満了」 (standards.md §1.10: alerts in the last month
 *              and after expiry; expiry alone does not end the measure)
 */
public record ProtectionMeasure(String lgCode, long measureNo, String atenaNo, String applicantAtenaNo,
                                String relationToApplicant, String perpetratorName, String perpetratorAtenaNo,
                                String perpetratorBirthDate, String perpetratorSex, String perpetratorAddress,
                                String perpetratorNote, Set<ProtectedOperation> blockedOperations, LocalDate startOn,
                                LocalDate endOn, boolean provisional, boolean formerAddress,
                                String firstReceivedLgCode, LocalDate endedOn, int version, String alert) {
}

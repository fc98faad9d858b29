package org.kiban.resident;

import java.time.LocalDate;
import java.util.List;

/**
 * A committed 異動, published through the transactional outbox for the care, tax and exchange modules.
 * Every event carries the notification, its 異動事由, its dates and each person's new version.
 */
public sealed interface ResidentEvent {

    String lgCode();

    long notificationNo();

    ChangeReason reason();

    /** 異動日 as written (a 不詳日 for some 出生・死亡). */
    String effectiveDate();

    /** 異動日 when it is a calendar date. */
    LocalDate effectiveOn();

    LocalDate notifiedOn();

    List<PersonChange> persons();

    /**
     * A person's state after the 異動.
     *
     * @param birthDate  生年月日 when exact (care eligibility needs it), else null
     * @param birthSort  sortable 生年月日 (yyyyMMdd, 不詳 parts as 00)
     */
    record PersonChange(String atenaNo, int rirekiNo, String householdNo, ResidentStatus status, ResidentKind kind,
                        LocalDate birthDate, String birthSort, String addressCode) {
    }

    /** 国内転入・国外転入等・職権記載, and 異動の取消し（増）. */
    record ResidentMovedIn(String lgCode, long notificationNo, ChangeReason reason, String effectiveDate,
                           LocalDate effectiveOn, LocalDate notifiedOn, List<PersonChange> persons) implements ResidentEvent {
    }

    record ResidentBorn(String lgCode, long notificationNo, ChangeReason reason, String effectiveDate,
                        LocalDate effectiveOn, LocalDate notifiedOn, List<PersonChange> persons) implements ResidentEvent {
    }

    record ResidentMovedWithin(String lgCode, long notificationNo, ChangeReason reason, String effectiveDate,
                               LocalDate effectiveOn, LocalDate notifiedOn, List<PersonChange> persons) implements ResidentEvent {
    }

    /** 国内転出・国外転出: {@code effectiveOn} is the 転出予定日. */
    record ResidentMovedOut(String lgCode, long notificationNo, ChangeReason reason, String effectiveDate,
                            LocalDate effectiveOn, LocalDate notifiedOn, List<PersonChange> persons) implements ResidentEvent {
    }

    record ResidentDied(String lgCode, long notificationNo, ChangeReason reason, String effectiveDate,
                        LocalDate effectiveOn, LocalDate notifiedOn, List<PersonChange> persons) implements ResidentEvent {
    }

    /** 職権消除, 失踪宣告, and 異動の取消し（減）. */
    record ResidentRemoved(String lgCode, long notificationNo, ChangeReason reason, String effectiveDate,
                           LocalDate effectiveOn, LocalDate notifiedOn, List<PersonChange> persons) implements ResidentEvent {
    }

    /** 世帯分離・世帯合併・世帯変更・世帯主変更. */
    record HouseholdReorganized(String lgCode, long notificationNo, ChangeReason reason, String effectiveDate,
                                LocalDate effectiveOn, LocalDate notifiedOn, List<PersonChange> persons) implements ResidentEvent {
    }

    /** Corrections, numbers, 旧氏・通称, and 異動の取消し（修正）. */
    record ResidentRecordAmended(String lgCode, long notificationNo, ChangeReason reason, String effectiveDate,
                                 LocalDate effectiveOn, LocalDate notifiedOn, List<PersonChange> persons) implements ResidentEvent {
    }
}

package org.kiban.resident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * 転入通知 (住民基本台帳法第9条第1項): the notice the municipality a person moved to sends back once it recorded the
 * 転入. It is recorded on the 除票 of the 転出 it answers, by hand or, between Kiban tenants, automatically; persons
 * who moved out and whose notice has not come after the tenant's waiting period are the work list 「転入通知の未着」.
 * Every read and write is audited under the current tenant.
 */
public interface MoveInNotices {

    /** The tenant parameter: days after the 転出予定日 before a missing notice is listed. */
    String WAIT_DAYS = "resident.move-in-notice.wait-days";

    /** The standard default of {@link #WAIT_DAYS}. */
    int STANDARD_WAIT_DAYS = 30;

    /**
     * A notice as the clerk enters it.
     *
     * @param receivedOn      転入通知年月日, the day it arrived
     * @param movedInOn       転入日 written in the notice
     * @param newAddress      the address in the notifying municipality
     * @param notifyingLgCode 全国地方公共団体コード of the notifying municipality
     */
    record Receipt(LocalDate receivedOn, LocalDate movedInOn, String newAddress, String notifyingLgCode) {
    }

    /**
     * A recorded notice.
     *
     * @param rirekiNo        the 除票 version of the 転出 it answers
     * @param plannedOn       転出予定日
     * @param movedOutOn      転出年月日 as final: the earlier of the 転出予定日 and the 転入日
     * @param channel         {@code MANUAL} or {@code AUTOMATIC}
     */
    record MoveInNotice(String atenaNo, int rirekiNo, LocalDate receivedOn, LocalDate movedInOn, String newAddress,
                        String notifyingLgCode, String notifyingName, String channel, Long sourceNotificationNo,
                        LocalDate plannedOn, LocalDate movedOutOn, Instant recordedAt, String recordedBy) {
    }

    /** The answer of {@link #record}: the notice, and whether this call recorded it or found it recorded before. */
    record Recorded(MoveInNotice notice, boolean created) {
    }

    /**
     * A person who moved out and whose 転入通知 has not arrived.
     *
     * @param daysSince days since the 転出予定日
     */
    record Outstanding(String atenaNo, String name, String birthDate, LocalDate plannedOn, String destination,
                       String destinationCode, long daysSince) {
    }

    /**
     * Records the notice for the person's current 除票 (国内転出). The same notice again answers the first one
     * (created false); a different one for the same 転出 is refused (409).
     */
    Recorded record(String atenaNo, Receipt receipt);

    /** The notice of the person's current 除票, if one was received. */
    Optional<MoveInNotice> find(String atenaNo);

    /** Persons whose notice is missing more than the tenant's waiting period after the 転出予定日, oldest first. */
    List<Outstanding> outstanding(LocalDate today);

    /** The tenant's waiting period in days on {@code today}. */
    int waitDays(LocalDate today);

    /** The 転出 becomes final at the earlier of the 転出予定日 and the 転入日 in the notice (標準仕様書 j50). */
    static LocalDate movedOutOn(LocalDate plannedOn, LocalDate movedInOn) {
        return movedInOn.isBefore(plannedOn) ? movedInOn : plannedOn;
    }
}

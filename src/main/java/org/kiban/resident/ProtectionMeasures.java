package org.kiban.resident;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * 支援措置 (DV・ストーカー・児童虐待等の被害者の保護) of the current tenant: registration, period and extension,
 * and the check every issuance or inspection makes. A protected person's record is refused to third parties and
 * to inspection; only a 支援措置責任者 can release it, for one operation, audited.
 */
public interface ProtectionMeasures {

    /** Who asks: the person themself (本人等) or someone else (第三者), or an inspection (閲覧). */
    enum Requester { SELF, THIRD_PARTY, INSPECTION }

    /**
     * Registration of a 申出: the applicant and those covered with them ({@code covered}: 宛名番号 → 申出者との関係).
     */
    record Registration(String applicantAtenaNo, java.util.Map<String, String> covered, String perpetratorName,
                        String perpetratorAtenaNo, String perpetratorBirthDate, String perpetratorSex,
                        String perpetratorAddress, String perpetratorNote, Set<ProtectedOperation> blockedOperations,
                        LocalDate startOn, Boolean provisional, String firstReceivedLgCode, String contact) {
    }

    List<ProtectionMeasure> register(Registration registration);

    /** Measures in force, or those whose period ends within {@code days} (and expired ones) when given. */
    List<ProtectionMeasure> list(Integer expiringWithinDays);

    ProtectionMeasure get(long measureNo);

    /** Extends by one year from the day after the current end; allowed from one month before the end. */
    ProtectionMeasure extend(long measureNo, LocalDate on);

    /** The review is done: a 仮支援措置 becomes a 支援措置. */
    ProtectionMeasure confirm(long measureNo);

    ProtectionMeasure end(long measureNo, LocalDate on, String reason);

    /** A 支援措置責任者 releases one operation for one protected person, valid for 30 minutes, audited. */
    long release(long measureNo, ProtectedOperation operation, String reason);

    /**
     * The check before issuing or showing a protected person's record: allowed for the person themself; for others
     * refused unless a release is waiting (which this consumes). The decision is audited and committed either way;
     * the caller refuses the operation when it is not allowed.
     */
    Decision check(String atenaNo, ProtectedOperation operation, Requester requester);

    /** The outcome of {@link #check}: allowed (unprotected, the person themself, or by a release) or refused. */
    record Decision(boolean allowed, boolean protectedPerson, Long releaseNo) {
    }

    boolean isProtected(String atenaNo);

    /** Those of {@code atenaNos} a measure in force protects (one query for a whole household). */
    java.util.Set<String> protectedAmong(java.util.Collection<String> atenaNos);
}

package org.kiban.disaster;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One party's copy of a 相互応援協定. Aid between two parties needs both parties' copies, naming each other, with
 * the same period and scope.
 *
 * @param lgCode      the party holding this copy
 * @param agreementNo the number all parties register it under
 * @param title       e.g. 高知県西部沿岸・山間町村災害時相互応援協定
 * @param parties     every party (this one included)
 * @param validFrom   first day in force
 * @param validTo     last day in force
 * @param aidDays     how many days after a declaration the other parties may act
 * @param scope       what they may do and see
 */
public record MutualAidAgreement(String lgCode, String agreementNo, String title, List<String> parties,
                                 LocalDate validFrom, LocalDate validTo, int aidDays, Set<AidScope> scope) {

    /** Whether the two copies agree on what aid is allowed (the number, parties, period and scope). */
    public boolean sameTermsAs(MutualAidAgreement other) {
        return agreementNo.equals(other.agreementNo) && Set.copyOf(parties).equals(Set.copyOf(other.parties))
                && validFrom.equals(other.validFrom) && validTo.equals(other.validTo) && aidDays == other.aidDays
                && scope.equals(other.scope);
    }
}

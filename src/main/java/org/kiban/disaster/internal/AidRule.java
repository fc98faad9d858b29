package org.kiban.disaster.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.kiban.disaster.AidScope;
import org.kiban.disaster.Disaster;
import org.kiban.disaster.MutualAidAgreement;

/**
 * Whether staff of {@code helper} may do something in {@code affected} on a day: the rule of mutual aid as plain
 * Java (災害対策基本法第67条 — aid is given on request, under the agreement, for the affected municipality). Refusal
 * reasons are problem codes, checked in this order.
 */
final class AidRule {

    private AidRule() {
    }

    /** A refusal: the problem code and its arguments. */
    record Refusal(String code, Object... args) {
    }

    /**
     * @param helperCopy   the helper's own copy of the agreement the disaster names (empty: none)
     * @param affectedCopy the affected party's copy (empty: none)
     * @param disaster     the declared disaster (empty: not declared there)
     * @param wanted       the operation and the items asked for
     */
    static Optional<Refusal> check(String helper, String affected, Optional<MutualAidAgreement> helperCopy,
                                   Optional<MutualAidAgreement> affectedCopy, Optional<Disaster> disaster,
                                   Set<AidScope> wanted, LocalDate on) {
        if (helper.equals(affected)) {
            return Optional.of(new Refusal("aid-to-self"));
        }
        if (disaster.isEmpty() || disaster.get().agreementNo() == null) {
            return Optional.of(new Refusal("no-declared-disaster", affected));
        }
        Disaster d = disaster.get();
        if (helperCopy.isEmpty() || !helperCopy.get().parties().contains(affected)
                || affectedCopy.isEmpty() || !affectedCopy.get().parties().contains(helper)) {
            return Optional.of(new Refusal("no-mutual-aid-agreement", affected));
        }
        MutualAidAgreement agreement = affectedCopy.get();
        if (!agreement.sameTermsAs(helperCopy.get())) {
            // Both municipalities must have consented to the same terms; neither side's copy alone grants anything.
            return Optional.of(new Refusal("mutual-aid-agreement-mismatch", agreement.agreementNo()));
        }
        if (on.isBefore(agreement.validFrom()) || on.isBefore(d.aidFrom())) {
            return Optional.of(new Refusal("aid-not-started", d.name(), later(agreement.validFrom(), d.aidFrom())));
        }
        if (on.isAfter(agreement.validTo()) || on.isAfter(d.aidUntil())) {
            return Optional.of(new Refusal("aid-period-over", d.name(), earlier(agreement.validTo(), d.aidUntil())));
        }
        for (AidScope s : wanted) {
            if (!agreement.scope().contains(s)) {
                return Optional.of(new Refusal("aid-out-of-scope", s.label(), agreement.agreementNo()));
            }
        }
        return Optional.empty();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

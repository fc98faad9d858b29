package org.kiban.disaster.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kiban.disaster.AidScope;
import org.kiban.disaster.Disaster;
import org.kiban.disaster.MutualAidAgreement;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule of mutual aid on its own, day by day at the edges of the periods. */
class AidRuleTest {

    static final String A = "394289";
    static final String B = "394122";
    static final Set<AidScope> SCOPE = EnumSet.of(AidScope.RESIDENT_LOOKUP, AidScope.NAME, AidScope.ADDRESS);
    static final LocalDate FROM = LocalDate.of(2026, 4, 1);
    static final LocalDate TO = LocalDate.of(2027, 3, 31);

    static MutualAidAgreement copy(String holder, String other, Set<AidScope> scope) {
        return new MutualAidAgreement(holder, "K-1", "協定", List.of(holder, other), FROM, TO, 30, scope);
    }

    /** Declared on 2027-03-20 with 30 days of aid: the aid ends with the agreement on 2027-03-31, not on 04-18. */
    static final Disaster LATE = new Disaster(A, 1, "豪雨", "風水害", LocalDate.of(2027, 3, 19), "K-1",
            LocalDate.of(2027, 3, 20), LocalDate.of(2027, 3, 31));

    static Optional<String> check(LocalDate on, Set<AidScope> wanted) {
        return AidRule.check(B, A, Optional.of(copy(B, A, SCOPE)), Optional.of(copy(A, B, SCOPE)), Optional.of(LATE),
                wanted, on).map(AidRule.Refusal::code);
    }

    @Test
    void allowedFromTheFirstToTheLastDayOfAidOnly() {
        Set<AidScope> lookup = EnumSet.of(AidScope.RESIDENT_LOOKUP, AidScope.NAME);
        assertThat(check(LocalDate.of(2027, 3, 19), lookup)).contains("aid-not-started");
        assertThat(check(LocalDate.of(2027, 3, 20), lookup)).isEmpty();
        assertThat(check(LocalDate.of(2027, 3, 31), lookup)).isEmpty();
        assertThat(check(LocalDate.of(2027, 4, 1), lookup)).contains("aid-period-over");
    }

    @Test
    void everyOperationAndItemMustBeInScope() {
        assertThat(check(LocalDate.of(2027, 3, 25), EnumSet.of(AidScope.RESIDENT_LOOKUP, AidScope.SEX)))
                .contains("aid-out-of-scope");
        assertThat(check(LocalDate.of(2027, 3, 25), EnumSet.of(AidScope.DISASTER_CERTIFICATE))).contains("aid-out-of-scope");
    }

    @Test
    void bothCopiesMustExistNameEachOtherAndAgree() {
        LocalDate on = LocalDate.of(2027, 3, 25);
        Set<AidScope> lookup = EnumSet.of(AidScope.RESIDENT_LOOKUP);
        assertThat(AidRule.check(B, A, Optional.empty(), Optional.of(copy(A, B, SCOPE)), Optional.of(LATE), lookup, on)
                .map(AidRule.Refusal::code)).contains("no-mutual-aid-agreement");
        assertThat(AidRule.check(B, A, Optional.of(copy(B, A, SCOPE)), Optional.of(copy(A, "394050", SCOPE)),
                Optional.of(LATE), lookup, on).map(AidRule.Refusal::code)).contains("no-mutual-aid-agreement");
        // The helper's copy claims a wider scope than the affected town agreed to: nothing is granted.
        Set<AidScope> wider = EnumSet.copyOf(SCOPE);
        wider.add(AidScope.BIRTH_DATE);
        assertThat(AidRule.check(B, A, Optional.of(copy(B, A, wider)), Optional.of(copy(A, B, SCOPE)), Optional.of(LATE),
                lookup, on).map(AidRule.Refusal::code)).contains("mutual-aid-agreement-mismatch");
        assertThat(AidRule.check(B, A, Optional.of(copy(B, A, SCOPE)), Optional.of(copy(A, B, SCOPE)), Optional.empty(),
                lookup, on).map(AidRule.Refusal::code)).contains("no-declared-disaster");
        assertThat(AidRule.check(A, A, Optional.empty(), Optional.empty(), Optional.of(LATE), lookup, on)
                .map(AidRule.Refusal::code)).contains("aid-to-self");
    }
}

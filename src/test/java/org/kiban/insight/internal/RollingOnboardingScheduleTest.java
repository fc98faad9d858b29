package org.kiban.insight.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kiban.insight.internal.OnboardingWarning.Kind;
import org.kiban.insight.internal.RollingOnboardingSchedule.Fit;
import org.kiban.insight.internal.RollingOnboardingSchedule.Proposal;
import org.kiban.insight.internal.RollingOnboardingSchedule.ProposedGoLive;
import org.kiban.tenancy.MigrationRehearsal;
import org.kiban.tenancy.RehearsalOutcome;
import org.kiban.tenancy.TenantState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The rules of the rolling onboarding (五月雨方式): deadlines, capacity per month, busy seasons. */
class RollingOnboardingScheduleTest {

    private static OnboardingMember member(String code, TenantState state, LocalDate renewal, LocalDate goLive,
                                           MigrationRehearsal... rehearsals) {
        return new OnboardingMember(code, "団体" + code, 10_000, state, renewal, goLive, List.of(rehearsals));
    }

    private static MigrationRehearsal succeeded(String code, LocalDate on) {
        return new MigrationRehearsal(code, 1, on, on, RehearsalOutcome.SUCCEEDED, 1000, 0, null, Instant.EPOCH, "test");
    }

    @Test
    void taxSeasonIsJanuaryToJuneAndMovingSeasonMarchAndApril() {
        // 地方税法: 給与支払報告書 1/31 (317条の6), 申告 3/15 (317条の2), 特別徴収税額通知 5/31 (321条の4), 納税通知 6月.
        assertThat(BusySeason.of(YearMonth.of(2027, 1))).containsExactly(BusySeason.TAX_SEASON);
        assertThat(BusySeason.of(YearMonth.of(2027, 4))).containsExactly(BusySeason.TAX_SEASON, BusySeason.MOVING_SEASON);
        assertThat(BusySeason.of(YearMonth.of(2027, 6))).containsExactly(BusySeason.TAX_SEASON);
        assertThat(BusySeason.of(YearMonth.of(2027, 7))).isEmpty();
        assertThat(BusySeason.of(YearMonth.of(2027, 12))).isEmpty();
    }

    @Test
    void theNewSystemMustRunFromTheDayAfterTheOldContractEnds() {
        // Contract to 31 March: 1 April is in time. Contract to 15 March: 1 April would leave a gap, so March.
        assertThat(member("A", null, LocalDate.of(2027, 3, 31), null).deadline()).isEqualTo(YearMonth.of(2027, 4));
        assertThat(member("A", null, LocalDate.of(2027, 3, 15), null).deadline()).isEqualTo(YearMonth.of(2027, 3));
    }

    @Test
    void membersWithTheSameDeadlineAreSpreadBackwardsOnePerMonth() {
        LocalDate end = LocalDate.of(2027, 9, 30); // deadline October 2027
        Proposal p = RollingOnboardingSchedule.propose(List.of(member("C", TenantState.PLANNED, end, null),
                member("A", null, end, null), member("B", null, end, null)), 1, YearMonth.of(2027, 1));
        assertThat(p.goLives()).extracting(ProposedGoLive::lgCode, ProposedGoLive::month, ProposedGoLive::fit)
                .containsExactly(tuple("C", YearMonth.of(2027, 8), Fit.ON_TIME), tuple("B", YearMonth.of(2027, 9), Fit.ON_TIME),
                        tuple("A", YearMonth.of(2027, 10), Fit.ON_TIME));
        assertThat(p.goLives().get(0).goLive()).isEqualTo(LocalDate.of(2027, 8, 1));
        assertThat(p.load()).containsEntry(YearMonth.of(2027, 10), 1).containsEntry(YearMonth.of(2027, 8), 1);
    }

    @Test
    void aDeadlineInTheBusySeasonMovesTheGoLiveToTheDecemberBefore() {
        // Contract to 31 March 2027: April is in time but in both busy seasons; January–March are tax season too.
        Proposal p = RollingOnboardingSchedule.propose(
                List.of(member("A", null, LocalDate.of(2027, 3, 31), null)), 2, YearMonth.of(2026, 10));
        assertThat(p.goLives()).extracting(ProposedGoLive::month, ProposedGoLive::fit)
                .containsExactly(tuple(YearMonth.of(2026, 12), Fit.ON_TIME));
    }

    @Test
    void aBusyMonthIsTakenOnlyWhenNoQuietMonthIsInTime() {
        // Earliest February 2027, deadline April 2027: February to April are all busy; the latest one is taken.
        Proposal p = RollingOnboardingSchedule.propose(
                List.of(member("A", null, LocalDate.of(2027, 3, 31), null)), 1, YearMonth.of(2027, 2));
        assertThat(p.goLives()).extracting(ProposedGoLive::month, ProposedGoLive::fit)
                .containsExactly(tuple(YearMonth.of(2027, 4), Fit.BUSY_SEASON));
    }

    @Test
    void liveAndMigratingMembersUseUpCapacityAndAFullWindowMeansAContractExtension() {
        // Capacity 1. October 2027 is taken by a member already migrating; the only month in time for A is
        // October (earliest = deadline), so A must extend its contract to November.
        List<OnboardingMember> members = List.of(
                member("M", TenantState.MIGRATING, LocalDate.of(2027, 9, 30), LocalDate.of(2027, 10, 1)),
                member("L", TenantState.LIVE, LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 1)),
                member("A", TenantState.PLANNED, LocalDate.of(2027, 9, 30), null));
        Proposal p = RollingOnboardingSchedule.propose(members, 1, YearMonth.of(2027, 10));
        assertThat(p.goLives()).extracting(ProposedGoLive::lgCode, ProposedGoLive::month, ProposedGoLive::fit)
                .containsExactly(tuple("A", YearMonth.of(2027, 11), Fit.LATE));
        assertThat(p.load()).containsEntry(YearMonth.of(2025, 4), 1).containsEntry(YearMonth.of(2027, 10), 1);
    }

    @Test
    void aContractEndingBeforeThePlanCanStartIsExtendedToTheFirstQuietMonth() {
        // Contract to 31 December 2026, plan from March 2027: March–June are tax season, so July 2027.
        Proposal p = RollingOnboardingSchedule.propose(
                List.of(member("A", null, LocalDate.of(2026, 12, 31), null)), 1, YearMonth.of(2027, 3));
        assertThat(p.goLives()).extracting(ProposedGoLive::month, ProposedGoLive::fit)
                .containsExactly(tuple(YearMonth.of(2027, 7), Fit.LATE));
    }

    @Test
    void membersWithoutAContractEndAreNotScheduledAndExitedOnesAreIgnored() {
        Proposal p = RollingOnboardingSchedule.propose(List.of(member("U", null, null, null),
                member("X", TenantState.EXITED, LocalDate.of(2027, 9, 30), LocalDate.of(2027, 10, 1))), 1, YearMonth.of(2027, 1));
        assertThat(p.goLives()).isEmpty();
        assertThat(p.unscheduled()).containsExactly("U");
        assertThat(p.load()).isEmpty();
    }

    @Test
    void warningsForClustersSeasonsContractEndsAndRehearsals() {
        LocalDate april = LocalDate.of(2027, 4, 1);
        List<OnboardingMember> members = List.of(
                // two planned go-lives on 1 April 2027 with capacity 1; B's contract ended on 28 February
                member("A", TenantState.MIGRATING, LocalDate.of(2027, 3, 31), april, succeeded("A", LocalDate.of(2027, 1, 20))),
                member("B", TenantState.PLANNED, LocalDate.of(2027, 2, 28), april),
                // live in a busy month long ago: history, no season warning
                member("L", TenantState.LIVE, LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 1)),
                // quiet month, rehearsed in time: nothing to say
                member("Q", TenantState.MIGRATING, LocalDate.of(2027, 10, 31), LocalDate.of(2027, 11, 1),
                        succeeded("Q", LocalDate.of(2027, 9, 1))),
                member("U", null, null, null));
        List<OnboardingWarning> w = RollingOnboardingSchedule.warnings(members, 1);
        assertThat(w).extracting(OnboardingWarning::kind, OnboardingWarning::lgCodes).containsExactlyInAnyOrder(
                tuple(Kind.OVER_CAPACITY, List.of("A", "B")),
                tuple(Kind.TAX_SEASON, List.of("A")), tuple(Kind.MOVING_SEASON, List.of("A")),
                tuple(Kind.TAX_SEASON, List.of("B")), tuple(Kind.MOVING_SEASON, List.of("B")),
                tuple(Kind.AFTER_CONTRACT_END, List.of("B")),
                tuple(Kind.NO_SUCCESSFUL_REHEARSAL, List.of("B")),
                tuple(Kind.NO_RENEWAL_DATE, List.of("U")));
        assertThat(w.get(0).message()).contains("2027年4月", "上限 1 団体");
    }

    @Test
    void aRehearsalOnTheGoLiveDayItselfIsTooLate() {
        LocalDate goLive = LocalDate.of(2027, 11, 1);
        OnboardingMember m = member("A", TenantState.MIGRATING, LocalDate.of(2027, 10, 31), goLive, succeeded("A", goLive));
        assertThat(RollingOnboardingSchedule.warnings(List.of(m), 2)).extracting(OnboardingWarning::kind)
                .containsExactly(Kind.NO_SUCCESSFUL_REHEARSAL);
    }
}

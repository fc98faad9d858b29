package org.kiban.insight.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.kiban.insight.internal.RollingOnboardingSchedule.Fit;
import org.kiban.insight.internal.RollingOnboardingSchedule.Proposal;
import org.kiban.insight.internal.RollingOnboardingSchedule.ProposedGoLive;
import org.kiban.tenancy.TenantState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proposal's promises on 500 random groups (fixed seed, so a failure repeats): capacity is never exceeded by a
 * proposal, every fit says the truth about the deadline and the season, and a member is late only when every month
 * it could have had was full.
 */
class RollingOnboardingPropertiesTest {

    @Test
    void proposalsKeepTheirPromises() {
        Random random = new Random(20261128L);
        for (int run = 0; run < 500; run++) {
            int capacity = 1 + random.nextInt(4);
            YearMonth earliest = YearMonth.of(2026, 1).plusMonths(random.nextInt(24));
            List<OnboardingMember> members = new ArrayList<>();
            int n = 1 + random.nextInt(30);
            for (int i = 0; i < n; i++) {
                LocalDate renewal = random.nextInt(10) == 0 ? null
                        : LocalDate.of(2026, 1, 1).plusMonths(random.nextInt(60)).minusDays(random.nextInt(2) == 0 ? 1 : 10);
                int kind = random.nextInt(6);
                TenantState state = kind == 0 ? TenantState.LIVE : kind == 1 ? TenantState.MIGRATING : kind == 2 ? null : TenantState.PLANNED;
                LocalDate goLive = state == TenantState.LIVE || state == TenantState.MIGRATING
                        ? earliest.plusMonths(random.nextInt(24) - 6).atDay(1) : null;
                members.add(new OnboardingMember("%06d".formatted(i), "m" + i, 1000, state, renewal, goLive, List.of()));
            }
            Proposal p = RollingOnboardingSchedule.propose(members, capacity, earliest);

            Map<YearMonth, Integer> fixed = new HashMap<>();
            members.stream().filter(m -> m.goLive() != null).forEach(m -> fixed.merge(m.goLiveMonth(), 1, Integer::sum));
            Map<YearMonth, Integer> proposed = new HashMap<>();
            p.goLives().forEach(g -> proposed.merge(g.month(), 1, Integer::sum));
            proposed.forEach((month, count) -> assertThat(fixed.getOrDefault(month, 0) + count)
                    .as("month %s", month).isLessThanOrEqualTo(capacity));

            long open = members.stream().filter(m -> m.goLive() == null && m.renewalDate() != null).count();
            assertThat(p.goLives().size() + p.unscheduled().size())
                    .isEqualTo(open + members.stream().filter(m -> m.goLive() == null && m.renewalDate() == null).count());
            for (ProposedGoLive g : p.goLives()) {
                assertThat(g.month()).isAfterOrEqualTo(earliest);
                if (g.fit() == Fit.ON_TIME) {
                    assertThat(g.month()).isBeforeOrEqualTo(g.deadline());
                    assertThat(BusySeason.isBusy(g.month())).isFalse();
                } else if (g.fit() == Fit.BUSY_SEASON) {
                    assertThat(g.month()).isBeforeOrEqualTo(g.deadline());
                    assertThat(BusySeason.isBusy(g.month())).isTrue();
                } else {
                    assertThat(g.month()).isAfter(g.deadline());
                    for (YearMonth m = earliest; !m.isAfter(g.deadline()); m = m.plusMonths(1)) {
                        assertThat(p.load().getOrDefault(m, 0)).as("a free month %s before %s's deadline", m, g.lgCode())
                                .isGreaterThanOrEqualTo(capacity);
                    }
                }
            }
        }
    }
}

package org.kiban.insight.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.kiban.tenancy.MigrationRehearsal;
import org.kiban.tenancy.RehearsalOutcome;
import org.kiban.tenancy.TenantState;

/**
 * A member of an onboarding group as the plan sees it.
 *
 * @param lgCode        全国地方公共団体コード
 * @param name          name
 * @param population    住民基本台帳 population
 * @param state         tenant state, or null while the municipality is not a tenant
 * @param renewalDate   end of its current system contract (システム更改時期), or null if unknown
 * @param goLive        actual go-live (LIVE, EXITED) or planned go-live, or null
 * @param rehearsals    its migration rehearsals
 */
public record OnboardingMember(String lgCode, String name, Integer population, TenantState state,
                               LocalDate renewalDate, LocalDate goLive, List<MigrationRehearsal> rehearsals) {

    public OnboardingMember {
        rehearsals = rehearsals == null ? List.of() : List.copyOf(rehearsals);
    }

    /** Whether its go-live has happened (its date is history, not a plan). */
    public boolean live() {
        return state == TenantState.LIVE || state == TenantState.EXITED;
    }

    public boolean exited() {
        return state == TenantState.EXITED;
    }

    /**
     * The last month whose first day is still in time: the new system must run from the day after the old
     * contract ends.
     */
    public YearMonth deadline() {
        return renewalDate == null ? null : YearMonth.from(renewalDate.plusDays(1));
    }

    public YearMonth goLiveMonth() {
        return goLive == null ? null : YearMonth.from(goLive);
    }

    /** Whether a rehearsal succeeded before {@code day}. */
    public boolean rehearsedBefore(LocalDate day) {
        return rehearsals.stream().anyMatch(r -> r.outcome() == RehearsalOutcome.SUCCEEDED
                && r.performedOn() != null && r.performedOn().isBefore(day));
    }
}

package org.kiban.insight.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every assumption of a cost simulation, editable and saved with a scenario. Amounts in yen (tax included, as
 * budgets count them); FTE as decimals.
 *
 * @param years                      years compared (default 6)
 * @param members                    the municipalities considered, with population (for the joint cost split)
 * @param soloInitialPerMember       solo: a new system of one's own (procurement, set-up), year 1
 * @param soloMigrationPerMember     solo: data migration into it, year 1
 * @param soloYearlyPerMember        solo: yearly operation and maintenance (運用保守, data centre, licences)
 * @param soloLawChangePerMemberPerYear solo: law-change updates (法改正対応) per year
 * @param soloStaffFtePerMember      solo: staff running the system (情報担当), FTE
 * @param jointInitialTotal          joint: the shared system's set-up, year 1, split among members
 * @param jointMigrationPerMember    joint: each member's data migration, year 1
 * @param jointYearlyTotal           joint: yearly operation of the shared system, split among members
 * @param jointLawChangeTotalPerYear joint: law-change updates per year, once for all, split among members
 * @param jointStaffFtePerMember     joint: staff each member still needs, FTE
 * @param staffCostPerFte            staff cost per FTE and year (給与・手当・共済費)
 * @param soloGrantRate              交付税措置 (special allocation tax) on the solo initial and migration costs, 0–1
 * @param jointGrantRate             交付税措置 on the joint initial and migration costs, 0–1
 * @param equalShareRatio            share of the joint costs split equally (均等割); the rest by population (人口割), 0–1
 */
public record CostAssumptions(int years, List<Member> members,
                              long soloInitialPerMember, long soloMigrationPerMember, long soloYearlyPerMember,
                              long soloLawChangePerMemberPerYear, BigDecimal soloStaffFtePerMember,
                              long jointInitialTotal, long jointMigrationPerMember, long jointYearlyTotal,
                              long jointLawChangeTotalPerYear, BigDecimal jointStaffFtePerMember,
                              long staffCostPerFte, BigDecimal soloGrantRate, BigDecimal jointGrantRate,
                              BigDecimal equalShareRatio) {

    /** A municipality in the simulation. */
    public record Member(String lgCode, String name, long population) {
    }

    /**
     * Example values for a screen to start from: round figures for a group of small towns, not sourced; every one
     * is meant to be replaced with the group's own quotes and budgets.
     */
    public static CostAssumptions example(List<Member> members) {
        int m = Math.max(1, members.size());
        return new CostAssumptions(6, members, 30_000_000, 10_000_000, 12_000_000, 3_000_000, new BigDecimal("2.0"),
                20_000_000L * m, 8_000_000, 7_000_000L * m, 5_000_000, new BigDecimal("1.2"), 8_000_000,
                BigDecimal.ZERO, new BigDecimal("0.5"), new BigDecimal("0.5"));
    }
}

package org.kiban.insight.internal;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kiban.common.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The cost model's arithmetic on a scenario computed by hand (docs/insight/cost-model.md has the formulas). */
class CostModelTest {

    /**
     * Two towns, A (30,000 residents) and B (10,000), over 3 years.
     * Solo, each: new system 10,000,000, migration 2,000,000, yearly 4,000,000, law changes 1,000,000 a year,
     * 1.5 FTE at 8,000,000; no 交付税措置. Joint: set-up 12,000,000 in all, migration 1,000,000 each, yearly
     * 5,000,000 and law changes 1,000,000 in all, 0.5 FTE each; 交付税措置 50 % of set-up and migration; costs
     * split half equally, half by population.
     */
    private static CostAssumptions twoTowns() {
        return new CostAssumptions(3, List.of(new CostAssumptions.Member("A", "A町", 30_000),
                new CostAssumptions.Member("B", "B町", 10_000)),
                10_000_000, 2_000_000, 4_000_000, 1_000_000, new BigDecimal("1.5"),
                12_000_000, 1_000_000, 5_000_000, 1_000_000, new BigDecimal("0.5"),
                8_000_000, BigDecimal.ZERO, new BigDecimal("0.5"), new BigDecimal("0.5"));
    }

    @Test
    void twoTownsOverThreeYearsByHand() {
        CostModel.Result r = CostModel.simulate(twoTowns());
        // solo, every year: 2 × (4,000,000 + 1,000,000 + 1.5 × 8,000,000) = 2 × 17,000,000 = 34,000,000
        // solo, year 1 also: 2 × (10,000,000 + 2,000,000) × (1 − 0) = 24,000,000 → 58,000,000
        // joint, every year: 5,000,000 + 1,000,000 + 2 × 0.5 × 8,000,000 = 14,000,000
        // joint, year 1 also: (12,000,000 + 2 × 1,000,000) × (1 − 0.5) = 7,000,000 → 21,000,000
        assertThat(r.years()).extracting(CostModel.Year::year, CostModel.Year::solo, CostModel.Year::joint,
                        CostModel.Year::saving, CostModel.Year::cumulativeSaving)
                .containsExactly(tuple(1, 58_000_000L, 21_000_000L, 37_000_000L, 37_000_000L),
                        tuple(2, 34_000_000L, 14_000_000L, 20_000_000L, 57_000_000L),
                        tuple(3, 34_000_000L, 14_000_000L, 20_000_000L, 77_000_000L));
        // 58 + 34 + 34 = 126 million solo, 21 + 14 + 14 = 49 million joint; 77 / 126 = 0.61111… → 0.6111
        assertThat(r.soloTotal()).isEqualTo(126_000_000L);
        assertThat(r.jointTotal()).isEqualTo(49_000_000L);
        assertThat(r.saving()).isEqualTo(77_000_000L);
        assertThat(r.savingRate()).isEqualByComparingTo("0.6111");
    }

    @Test
    void eachMembersShareByHand() {
        CostModel.Result r = CostModel.simulate(twoTowns());
        // shares: A = 0.5 / 2 + 0.5 × 30,000 / 40,000 = 0.625; B = 0.25 + 0.125 = 0.375
        // shared over 3 years: 12,000,000 × 0.5 + 3 × (5,000,000 + 1,000,000) = 24,000,000
        // own: migration 1,000,000 × 0.5 + 3 × 0.5 × 8,000,000 = 12,500,000
        // A: 24,000,000 × 0.625 + 12,500,000 = 27,500,000; B: 9,000,000 + 12,500,000 = 21,500,000 (sum 49,000,000)
        // solo each: 12,000,000 + 3 × 17,000,000 = 63,000,000
        assertThat(r.members()).extracting(CostModel.MemberResult::lgCode, CostModel.MemberResult::share,
                        CostModel.MemberResult::solo, CostModel.MemberResult::joint, CostModel.MemberResult::saving)
                .containsExactly(tuple("A", new BigDecimal("0.6250"), 63_000_000L, 27_500_000L, 35_500_000L),
                        tuple("B", new BigDecimal("0.3750"), 63_000_000L, 21_500_000L, 41_500_000L));
    }

    @Test
    void sharesAreRoundedToTheYenHalfUp() {
        // Three equal towns, everything split equally: set-up 10,000,000 / 3 = 3,333,333.33… → 3,333,333 each.
        CostAssumptions a = new CostAssumptions(1, List.of(new CostAssumptions.Member("A", "A", 1),
                new CostAssumptions.Member("B", "B", 1), new CostAssumptions.Member("C", "C", 1)),
                0, 0, 0, 0, BigDecimal.ZERO, 10_000_000, 0, 0, 0, BigDecimal.ZERO, 0,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE);
        CostModel.Result r = CostModel.simulate(a);
        assertThat(r.members()).extracting(CostModel.MemberResult::joint).containsOnly(3_333_333L);
        assertThat(r.jointTotal()).isEqualTo(10_000_000L);
    }

    @Test
    void assumptionsOutOfRangeAreRefusedInJapanese() {
        CostAssumptions a = twoTowns();
        CostAssumptions bad = new CostAssumptions(0, a.members(), a.soloInitialPerMember(), a.soloMigrationPerMember(),
                a.soloYearlyPerMember(), a.soloLawChangePerMemberPerYear(), a.soloStaffFtePerMember(), a.jointInitialTotal(),
                a.jointMigrationPerMember(), a.jointYearlyTotal(), a.jointLawChangeTotalPerYear(), a.jointStaffFtePerMember(),
                a.staffCostPerFte(), a.soloGrantRate(), new BigDecimal("1.5"), a.equalShareRatio());
        assertThatThrownBy(() -> CostModel.simulate(bad)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("年数は1〜20年").hasMessageContaining("交付税措置率");
    }
}

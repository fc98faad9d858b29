package org.kiban.resident.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kiban.resident.Relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The synthetic population generator on its own (no database): determinism, household rules, the pyramid. */
class SyntheticPopulationTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 1);
    private static final SyntheticPopulation.Place PLACE = new SyntheticPopulation.Place("182079", "福井県鯖江市",
            List.of(), List.of("福井県福井市", "福井県越前町"), List.of("東京都世田谷区", "大阪府大阪市"));

    private static List<SyntheticPopulation.Household> households(long seed, int persons) {
        SyntheticPopulation population = new SyntheticPopulation(seed, AS_OF, PLACE);
        SyntheticPopulation.Sizes sizes = new SyntheticPopulation.Sizes(seed);
        List<SyntheticPopulation.Household> out = new ArrayList<>();
        for (int left = persons; left > 0; ) {
            int size = Math.min(sizes.next(), left);
            out.add(population.household(size));
            left -= size;
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSamePopulationAndAnotherSeedAnother() {
        assertThat(households(7, 3_000)).isEqualTo(households(7, 3_000));
        assertThat(households(8, 3_000)).isNotEqualTo(households(7, 3_000));
    }

    @Test
    void pyramidTableHasTheSourcesTotals() {
        // 人口統計資料集 2024 表2-2 (2022): 60,758 and 64,189 thousand; the bands are rounded, so ±2.
        assertThat(java.util.Arrays.stream(SyntheticPopulation.MALE_THOUSANDS).sum()).isBetween(60_756, 60_760);
        assertThat(java.util.Arrays.stream(SyntheticPopulation.FEMALE_THOUSANDS).sum()).isBetween(64_187, 64_191);
        assertThat(java.util.Arrays.stream(SyntheticPopulation.HOUSEHOLD_SIZE_SHARES).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void householdsFollowTheStandardsRulesAndAgesThePyramid() {
        List<SyntheticPopulation.Household> all = households(42, 60_000);
        int persons = 0;
        int children = 0;
        int old = 0;
        int[] sizes = new int[7];
        for (SyntheticPopulation.Household h : all) {
            sizes[h.members().size()]++;
            // One 世帯主, first; every 続柄 valid (§1.1.11); household order 1..n.
            assertThat(h.members()).filteredOn(p -> p.relationship().equals(Relationship.HEAD)).hasSize(1);
            assertThat(h.head().relationship()).isEqualTo(Relationship.HEAD);
            for (int i = 0; i < h.members().size(); i++) {
                SyntheticPopulation.Person p = h.members().get(i);
                assertThat(p.order()).isEqualTo(i + 1);
                assertThatCode(() -> Relationship.of(p.relationship())).doesNotThrowAnyException();
                assertThat(p.surname()).isEqualTo(h.head().surname());
                assertThat(p.nameKana()).matches("[\\p{InKatakana}ー]+　[\\p{InKatakana}ー]+");
                assertThat(p.birthDate()).isBeforeOrEqualTo(AS_OF);
                assertThat(p.notifiedOn()).isBetween(p.enteredOn(), AS_OF);
                // Those born after the move-in entered by 出生, on their birth date; the others by 転入.
                assertThat(p.enteredOn()).isEqualTo(p.born() ? p.birthDate() : h.movedInOn());
                assertThat(p.born()).isEqualTo(p.birthDate().isAfter(h.movedInOn()));
                if (p.born()) {
                    assertThat(p.relationship()).isIn("子", "子の子");
                }
                int age = Period.between(p.birthDate(), AS_OF).getYears();
                persons++;
                children += age < 15 ? 1 : 0;
                old += age >= 65 ? 1 : 0;
            }
            // Parents are at least 18 years older than their children, in whole years of age (so 17 in days).
            h.members().stream().filter(p -> p.relationship().equals("子")).forEach(c ->
                    assertThat(c.birthDate()).isAfter(h.head().birthDate().plusYears(17)));
            assertThat(h.address()).startsWith("福井県鯖江市");
            assertThat(h.wardLgCode()).isNull();
        }
        assertThat(persons).isEqualTo(60_000);
        // Household sizes near the census shares (38/28/16/12/4/2 %).
        double households = all.size();
        assertThat(sizes[1] / households).isBetween(0.36, 0.40);
        assertThat(sizes[6] / households).isBetween(0.01, 0.03);
        // Ages near the pyramid: 0–14 is 11.6 %, 65+ 29.0 % of Japan's population in 2022 (loose bounds).
        assertThat(children / (double) persons).isBetween(0.09, 0.16);
        assertThat(old / (double) persons).isBetween(0.24, 0.34);
        assertThat(SyntheticPopulation.Pyramid.share(65, SyntheticPopulation.MAX_AGE)).isBetween(0.28, 0.30);
    }

    @Test
    void numbersDerivedFromTheSequenceHaveValidCheckDigitsAndDoNotRepeat() {
        java.util.Set<String> juminhyo = new java.util.HashSet<>();
        java.util.Set<String> individual = new java.util.HashSet<>();
        for (long base = 1; base <= 20_000; base++) {
            assertThat(org.kiban.common.CheckDigits.isValidJuminhyoCode(BulkResidentLoader.juminhyoCode(base))).isTrue();
            assertThat(org.kiban.common.CheckDigits.isValidIndividualNumber(BulkResidentLoader.individualNumber(base))).isTrue();
            juminhyo.add(BulkResidentLoader.juminhyoCode(base));
            individual.add(BulkResidentLoader.individualNumber(base));
        }
        assertThat(juminhyo).hasSize(20_000);
        assertThat(individual).hasSize(20_000);
    }

    @Test
    void copyTextEscapesWhatTheFormatReserves() {
        StringBuilder out = new StringBuilder();
        org.kiban.platform.CopyText.escape(out, "a\tb\\c\nd\re");
        assertThat(out).hasToString("a\\tb\\\\c\\nd\\re");
    }
}

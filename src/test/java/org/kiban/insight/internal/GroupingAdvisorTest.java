package org.kiban.insight.internal;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.LocalGovernmentKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Grouping by population band and by area, on municipality facts (住民基本台帳 2022-01-01, 福井県 and 鳥取県). */
class GroupingAdvisorTest {

    private static GroupingAdvisor.Candidate town(String code, String name, int population, int households, LocalDate renewal) {
        return new GroupingAdvisor.Candidate(new LocalGovernment(code, LocalGovernmentKind.TOWN, name, "", code.substring(0, 2),
                null, population, households, LocalDate.of(2022, 1, 1), null), renewal);
    }

    private final List<GroupingAdvisor.Candidate> candidates = List.of(
            town("182010", "福井市", 259_642, 105_801, LocalDate.of(2028, 3, 31)),
            town("183822", "池田町", 2_397, 912, null),
            town("184233", "越前町", 20_581, 7_199, LocalDate.of(2027, 9, 30)),
            town("313254", "若桜町", 2_941, 1_292, LocalDate.of(2027, 3, 31)),
            town("312029", "米子市", 146_899, 68_174, null));

    @Test
    void populationBandsWithTotalsAndContractEnds() {
        List<GroupingAdvisor.Group> groups = GroupingAdvisor.byPopulation(candidates, GroupingAdvisor.DEFAULT_BOUNDS);
        assertThat(groups).extracting(GroupingAdvisor.Group::name, g -> g.members().size(), GroupingAdvisor.Group::population,
                        GroupingAdvisor.Group::earliestRenewal, GroupingAdvisor.Group::knownRenewals)
                .containsExactly(
                        tuple("人口 10,000 人未満", 2, 5_338L, LocalDate.of(2027, 3, 31), 1),        // 2,397 + 2,941
                        tuple("人口 10,000〜49,999 人", 1, 20_581L, LocalDate.of(2027, 9, 30), 1),
                        tuple("人口 50,000〜199,999 人", 1, 146_899L, null, 0),
                        tuple("人口 200,000 人以上", 1, 259_642L, LocalDate.of(2028, 3, 31), 1));
        assertThat(groups.get(0).households()).isEqualTo(2_204L); // 912 + 1,292
    }

    @Test
    void areaGroupsArePrefecturesSplitEvenlyWhenTooLarge() {
        List<GroupingAdvisor.Group> groups = GroupingAdvisor.byArea(candidates,
                p -> p.equals("18") ? "福井県" : "鳥取県", null);
        assertThat(groups).extracting(GroupingAdvisor.Group::name, GroupingAdvisor.Group::population)
                .containsExactly(tuple("福井県", 282_620L), tuple("鳥取県", 149_840L)); // 259,642+2,397+20,581; 146,899+2,941
        List<GroupingAdvisor.Group> split = GroupingAdvisor.byArea(candidates, p -> p.equals("18") ? "福井県" : "鳥取県", 2);
        assertThat(split).extracting(GroupingAdvisor.Group::name, g -> g.members().size())
                .containsExactly(tuple("福井県 1", 2), tuple("福井県 2", 1), tuple("鳥取県", 2));
        assertThat(split.get(0).latestRenewal()).isEqualTo(LocalDate.of(2028, 3, 31));
    }

    @Test
    void regionsFollowTheEightRegionDivision() {
        assertThat(Region.of("18")).isEqualTo(Region.CHUBU);
        assertThat(Region.of("24")).isEqualTo(Region.KINKI);
        assertThat(Region.of("31")).isEqualTo(Region.CHUGOKU);
        assertThat(Region.of("47")).isEqualTo(Region.KYUSHU);
    }
}

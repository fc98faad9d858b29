package org.kiban.resident;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The order of members on the 住民票, 住民記録システム標準仕様書 §5.2 (standards.md §1.8). */
class HouseholdOrderTest {

    private static HouseholdOrder.Member m(String atenaNo, String relationship, String birth) {
        return new HouseholdOrder.Member(atenaNo, relationship, birth);
    }

    @Test
    void headSpouseChildrenThenChildrensFamiliesThenParentsSiblingsGrandparentsThenOthers_spec5_2() {
        List<HouseholdOrder.Member> members = List.of(
                m("9", "同居人", "19900101"),
                m("8", "縁故者", "19500101"),
                m("7", "妻の母", "19400101"),
                m("6", "父の母", "19200101"),
                m("5", "弟", "19700101"),
                m("4", "兄", "19600101"),
                m("3", "母", "19350101"),
                m("2", "父", "19300101"),
                m("11", "子の子", "20200101"),
                m("10", "子の妻", "19950101"),
                m("12", "子", "19970101"),
                m("13", "子", "19920101"),
                m("14", "妻", "19680101"),
                m("15", "世帯主", "19650101"));
        assertThat(HouseholdOrder.standardOrder(members)).extracting(HouseholdOrder.Member::relationship)
                .containsExactly("世帯主", "妻", "子", "子", "子の妻", "子の子", "父", "母", "兄", "弟", "父の母",
                        "妻の母", "縁故者", "同居人");
        // Children by birth date: the elder (1992) first.
        assertThat(HouseholdOrder.standardOrder(members).get(2).atenaNo()).isEqualTo("13");
    }

    @Test
    void sameRankAndBirthDateFallsBackTo宛名番号_spec5_2() {
        assertThat(HouseholdOrder.standardOrder(List.of(m("0000000027", "子", "20100101"), m("0000000019", "子", "20100101"))))
                .extracting(HouseholdOrder.Member::atenaNo).containsExactly("0000000019", "0000000027");
    }
}

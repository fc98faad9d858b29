package org.kiban.care.internal;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kiban.resident.ChangeReason;

import static org.assertj.core.api.Assertions.assertThat;

/** 資格取得・喪失 dates and 月割 months, from the sources in care_insurance.md §1.5 and §3. */
class EligibilityRulesTest {

    @ParameterizedTest(name = "born {0} → 65 on {1}")
    @CsvSource({
            // 年齢計算ニ関スル法律 + 民法第143条: the day before the birthday (caremane.site/36).
            "1961-06-15, 2026-06-14",
            // 阿南市: born 4/2 → 取得 4/1; born 4/1 → 取得 3/31, in the previous 年度
            // (https://www.city.anan.tokushima.jp/docs/2013121800112/).
            "1961-04-02, 2026-04-01", "1961-04-01, 2026-03-31",
            // 1 January → 31 December of the year before (東彼杵町, below).
            "1962-01-01, 2026-12-31",
            // 29 February → 28 February (https://kyuyo.biz/archives/3665); a 65th birthday never falls in a leap year.
            "1960-02-29, 2025-02-28", "1964-02-29, 2029-02-28", "1968-02-29, 2033-02-28"})
    void sixtyFiveIsAttainedTheDayBeforeTheBirthday(LocalDate birth, LocalDate expected) {
        assertThat(EligibilityRules.dayAttaining(birth, 65)).isEqualTo(expected);
    }

    @Test
    void born29FebruaryAttainsAnAgeOn28FebruaryInALeapYearToo() {
        // 40 (第2号被保険者) in the leap year 2024: the day before the 29th, not the 29th itself.
        assertThat(EligibilityRules.dayAttaining(LocalDate.of(1984, 2, 29), 40)).isEqualTo(LocalDate.of(2024, 2, 28));
    }

    @Test
    void moveInAt65OrOlderAcquiresOnTheDayOfMoveIn_law10() {
        // 転入した日 = 資格取得日 (https://www.town.uchiko.ehime.jp/soshiki/6/kaigo-shikakuidou.html).
        assertThat(EligibilityRules.acquisitionOnMoveIn(LocalDate.of(1950, 1, 1), LocalDate.of(2026, 4, 1)))
                .isEqualTo(LocalDate.of(2026, 4, 1));
        // Attaining 65 on the very day of the move-in: insured from that day.
        assertThat(EligibilityRules.acquisitionOnMoveIn(LocalDate.of(1961, 4, 2), LocalDate.of(2026, 4, 1)))
                .isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(EligibilityRules.acquisitionOnMoveIn(LocalDate.of(1961, 4, 3), LocalDate.of(2026, 4, 1))).isNull();
    }

    @Test
    void lossDates_law11() {
        LocalDate d = LocalDate.of(2026, 6, 30);
        // A 転出 to another municipality: an address there the same day → lost that day.
        assertThat(EligibilityRules.lossDate(ChangeReason.MOVE_OUT_DOMESTIC, d)).isEqualTo(d);
        // Abroad, death: the day after.
        assertThat(EligibilityRules.lossDate(ChangeReason.MOVE_OUT_ABROAD, d)).isEqualTo(d.plusDays(1));
        assertThat(EligibilityRules.lossDate(ChangeReason.DEATH, d)).isEqualTo(d.plusDays(1));
    }

    @Test
    void monthsOwedRunFromTheMonthOfAcquisitionToTheMonthBeforeLoss() {
        // 東彼杵町: born 1 January → insured 31 December → December to March, 4 months
        // (https://www.town.higashisonogi.lg.jp/kenko_fukushi/koreisha_1/715.html).
        assertThat(EligibilityRules.monthsInsured(2026, LocalDate.of(2026, 12, 31), null)).isEqualTo(4);
        // 阿南市: born 4/2 → from April, the whole 年度; born 4/1 → from March of the previous 年度.
        assertThat(EligibilityRules.monthsInsured(2026, LocalDate.of(2026, 4, 1), null)).isEqualTo(12);
        assertThat(EligibilityRules.monthsInsured(2025, LocalDate.of(2026, 3, 31), null)).isEqualTo(1);
        assertThat(EligibilityRules.monthsInsured(2026, LocalDate.of(2026, 3, 31), null)).isEqualTo(12);
        // Died 31 May → lost 1 June → April and May.
        assertThat(EligibilityRules.monthsInsured(2026, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 6, 1))).isEqualTo(2);
        // Moved out on 1 April: lost that day, nothing owed for the 年度.
        assertThat(EligibilityRules.monthsInsured(2026, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 4, 1))).isZero();
    }

    @Test
    void addressExceptionCoversFacilitiesButNotCommunityBasedOnes_law13() {
        assertThat(EligibilityRules.FacilityKind.SPECIAL_NURSING_HOME.addressException()).isTrue();
        assertThat(EligibilityRules.FacilityKind.PAID_NURSING_HOME.addressException()).isTrue();
        assertThat(EligibilityRules.FacilityKind.GROUP_HOME.addressException()).isFalse();
        assertThat(EligibilityRules.FacilityKind.COMMUNITY_NURSING_HOME.addressException()).isFalse();
    }
}

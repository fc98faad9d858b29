package org.kiban.care.internal;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.kiban.care.internal.CertificationRules.CareLevel;
import org.kiban.care.internal.CertificationRules.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/** The 30-day rule, validity periods and 区分支給限度基準額 (care_insurance.md §4, sources there and below). */
class CertificationRulesTest {

    @Test
    void decisionWithinThirtyDaysOfTheApplication_law27_11() {
        // "申請のあった日から三十日以内" (https://wic-net.com/material/document/6066/236); the day itself not counted.
        assertThat(CertificationRules.deadline(LocalDate.of(2026, 5, 1))).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(CertificationRules.deadline(LocalDate.of(2026, 2, 10))).isEqualTo(LocalDate.of(2026, 3, 12));
    }

    @Test
    void validityRanges_since2021() {
        // 新規・区分変更 6 (3–12); 更新 12 (3–36, same level 3–48): https://www.hamadakouiki.jp/kaigo-news/ (§4 table).
        assertThat(CertificationRules.range(Kind.NEW, false)).isEqualTo(new CertificationRules.Range(6, 3, 12));
        assertThat(CertificationRules.range(Kind.CHANGE, false)).isEqualTo(new CertificationRules.Range(6, 3, 12));
        assertThat(CertificationRules.range(Kind.RENEWAL, false)).isEqualTo(new CertificationRules.Range(12, 3, 36));
        assertThat(CertificationRules.range(Kind.RENEWAL, true)).isEqualTo(new CertificationRules.Range(12, 3, 48));
        assertThat(CertificationRules.range(Kind.RENEWAL, false).allows(48)).isFalse();
        assertThat(CertificationRules.range(Kind.NEW, false).allows(2)).isFalse();
    }

    @Test
    void newCertificationRunsFromTheApplicationDayToAMonthEnd() {
        // 6か月 = 申請月 (partial) + 6か月, ending on a month end (care_insurance.md §4).
        LocalDate[] v = CertificationRules.validity(Kind.NEW, LocalDate.of(2026, 5, 15), null, 6);
        assertThat(v).containsExactly(LocalDate.of(2026, 5, 15), LocalDate.of(2026, 11, 30));
        LocalDate[] twelve = CertificationRules.validity(Kind.NEW, LocalDate.of(2026, 1, 31), null, 12);
        assertThat(twelve).containsExactly(LocalDate.of(2026, 1, 31), LocalDate.of(2027, 1, 31));
    }

    @Test
    void renewalStartsTheDayAfterTheOldEnd_andMayBeAppliedFor60DaysBefore() {
        // https://www.city.matsusaka.mie.jp/site/kaigohoken/kousin.html
        LocalDate[] v = CertificationRules.validity(Kind.RENEWAL, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 30), 12);
        assertThat(v).containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 11, 30));
        assertThat(CertificationRules.renewalOpensOn(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void benefitLimitsFrom2019October() {
        // https://www.pref.fukuoka.lg.jp/contents/kubunshikyuugenndogaku.html
        assertThat(CareLevel.SUPPORT_1.benefitLimitUnits()).isEqualTo(5_032);
        assertThat(CareLevel.SUPPORT_2.benefitLimitUnits()).isEqualTo(10_531);
        assertThat(CareLevel.CARE_1.benefitLimitUnits()).isEqualTo(16_765);
        assertThat(CareLevel.CARE_2.benefitLimitUnits()).isEqualTo(19_705);
        assertThat(CareLevel.CARE_3.benefitLimitUnits()).isEqualTo(27_048);
        assertThat(CareLevel.CARE_4.benefitLimitUnits()).isEqualTo(30_938);
        assertThat(CareLevel.CARE_5.benefitLimitUnits()).isEqualTo(36_217);
    }
}

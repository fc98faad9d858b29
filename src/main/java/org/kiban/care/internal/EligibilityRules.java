package org.kiban.care.internal;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;

import org.kiban.resident.ChangeReason;

/**
 * When 第1号被保険者 status begins and ends (介護保険法第9条〜第11条). Plain Java, one rule per method.
 */
public final class EligibilityRules {

    public static final int CATEGORY_1_AGE = 65;

    private EligibilityRules() {
    }

    /**
     * The day a person attains {@code age}: the day before the birthday (年齢計算ニ関スル法律, 民法第143条). Someone born
     * on 29 February attains it on 28 February in every year: the period ends on the last day of February when the
     * year has no 29th (民法第143条第2項), and in a leap year on the day before the 29th.
     */
    public static LocalDate dayAttaining(LocalDate birth, int age) {
        if (birth.getMonth() == Month.FEBRUARY && birth.getDayOfMonth() == 29) {
            return LocalDate.of(birth.getYear() + age, 2, 28);
        }
        return birth.plusYears(age).minusDays(1);
    }

    /** 法第10条: 65 or older on the day of 転入 → insured from that day; younger → at 65 (the daily job). */
    public static LocalDate acquisitionOnMoveIn(LocalDate birth, LocalDate movedIn) {
        LocalDate at65 = dayAttaining(birth, CATEGORY_1_AGE);
        return at65.isAfter(movedIn) ? null : movedIn;
    }

    /**
     * 法第11条: status is lost on the day after the person ceases to have an address here, but on that very day when
     * they acquire an address in another municipality the same day — a 国内転出 (the 転出予定日 is the day of the move).
     * A move abroad, death and 職権消除 lose it the next day.
     */
    public static LocalDate lossDate(ChangeReason reason, LocalDate effectiveOn) {
        return reason == ChangeReason.MOVE_OUT_DOMESTIC ? effectiveOn : effectiveOn.plusDays(1);
    }

    /**
     * Months of {@code fiscalYear} (April–March) for which the premium is owed: from the month of 資格取得 to the month
     * before the month of 喪失 (月割, care_insurance.md §1.5).
     */
    public static int monthsInsured(int fiscalYear, LocalDate from, LocalDate lostOn) {
        YearMonth first = YearMonth.of(fiscalYear, 4);
        YearMonth last = YearMonth.of(fiscalYear + 1, 3);
        YearMonth start = YearMonth.from(from).isBefore(first) ? first : YearMonth.from(from);
        YearMonth end = lostOn == null ? last : YearMonth.from(lostOn).minusMonths(1);
        if (end.isAfter(last)) {
            end = last;
        }
        if (end.isBefore(start)) {
            return 0;
        }
        return (int) (start.until(end, java.time.temporal.ChronoUnit.MONTHS) + 1);
    }

    /** 住所地特例 (法第13条) covers these; 地域密着型 facilities (グループホーム, 地域密着型特養 …) do not. */
    public enum FacilityKind {
        SPECIAL_NURSING_HOME("介護老人福祉施設（特別養護老人ホーム）", true),
        HEALTH_FACILITY("介護老人保健施設", true),
        CARE_MEDICAL_CENTER("介護医療院", true),
        PAID_NURSING_HOME("有料老人ホーム（該当するサービス付き高齢者向け住宅を含む）", true),
        CARE_HOUSE("軽費老人ホーム", true),
        SHELTERED_HOME("養護老人ホーム", true),
        GROUP_HOME("認知症対応型共同生活介護（グループホーム）", false),
        COMMUNITY_NURSING_HOME("地域密着型介護老人福祉施設", false),
        COMMUNITY_SPECIFIED_FACILITY("地域密着型特定施設（定員29人以下）", false),
        /** 適用除外施設 (施行規則第170条; the list is UNVERIFIED in the references). */
        EXCLUDED("適用除外施設（障害者支援施設等）", false);

        private final String label;
        private final boolean addressException;

        FacilityKind(String label, boolean addressException) {
            this.label = label;
            this.addressException = addressException;
        }

        public String label() {
            return label;
        }

        public boolean addressException() {
            return addressException;
        }
    }
}

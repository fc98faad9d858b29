package org.kiban.care.internal;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * 要介護認定 rules (介護保険法第27条・第28条, 施行規則第38条・第41条, from 2021-04-01), as values one can test.
 */
public final class CertificationRules {

    /** 法第27条第11項: the decision within 30 days of the application. */
    public static final int DECISION_DAYS = 30;
    /** 更新 may be applied for from 60 days before the end of validity (法第28条第2項, 施行規則第39条). */
    public static final int RENEWAL_WINDOW_DAYS = 60;

    private CertificationRules() {
    }

    public enum Kind { NEW, RENEWAL, CHANGE }

    /** 要支援1–2, 要介護1–5 and 非該当, with the 区分支給限度基準額 in units a month (from 2019-10, 告示). */
    public enum CareLevel {
        NOT_APPLICABLE("非該当", 0), SUPPORT_1("要支援1", 5_032), SUPPORT_2("要支援2", 10_531),
        CARE_1("要介護1", 16_765), CARE_2("要介護2", 19_705), CARE_3("要介護3", 27_048),
        CARE_4("要介護4", 30_938), CARE_5("要介護5", 36_217);

        private final String label;
        private final int benefitLimitUnits;

        CareLevel(String label, int benefitLimitUnits) {
            this.label = label;
            this.benefitLimitUnits = benefitLimitUnits;
        }

        public String label() {
            return label;
        }

        public int benefitLimitUnits() {
            return benefitLimitUnits;
        }
    }

    /** The last day for the decision: 30 days after the application day (the day itself not counted, 民法第140条). */
    public static LocalDate deadline(LocalDate appliedOn) {
        return appliedOn.plusDays(DECISION_DAYS);
    }

    /** The allowed range of a validity period, in months, and its standard length. */
    public record Range(int standard, int min, int max) {
        public boolean allows(int months) {
            return months >= min && months <= max;
        }
    }

    /** 新規・区分変更 6 (3–12); 更新 12 (3–36), or 3–48 when the level is the same as before. */
    public static Range range(Kind kind, boolean sameLevelAsBefore) {
        if (kind != Kind.RENEWAL) {
            return new Range(6, 3, 12);
        }
        return new Range(12, 3, sameLevelAsBefore ? 48 : 36);
    }

    /**
     * 新規・区分変更: from the application day (the decision takes effect then) to the end of the month N months after
     * the month of application (the partial first month plus N months). 更新: from the day after the old period ends,
     * N months, ending on a month end.
     */
    public static LocalDate[] validity(Kind kind, LocalDate appliedOn, LocalDate previousUntil, int months) {
        if (kind == Kind.RENEWAL) {
            LocalDate from = previousUntil.plusDays(1);
            return new LocalDate[] {from, YearMonth.from(from).plusMonths(months - 1L).atEndOfMonth()};
        }
        return new LocalDate[] {appliedOn, YearMonth.from(appliedOn).plusMonths(months).atEndOfMonth()};
    }

    /** The first day a renewal may be applied for. */
    public static LocalDate renewalOpensOn(LocalDate validUntil) {
        return validUntil.minusDays(RENEWAL_WINDOW_DAYS);
    }
}

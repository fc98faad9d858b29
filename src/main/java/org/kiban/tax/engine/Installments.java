package org.kiban.tax.engine;

/** How a year's tax is paid: 普通徴収 in four 納期, 特別徴収 in twelve monthly amounts. */
public final class Installments {

    private Installments() {
    }

    /**
     * 普通徴収 (第320条: 6月・8月・10月・翌年1月): equal 納期 amounts in whole thousands of yen, the fraction in the first
     * (第20条の4の2第6項).
     */
    public static long[] ordinary(long annual) {
        long each = annual / 4 / 1000 * 1000;
        return new long[] {annual - each * 3, each, each, each};
    }

    /**
     * 特別徴収 (第321条の5第1項: 6月から翌年5月まで): twelve amounts in whole hundreds of yen, the fraction in June.
     */
    public static long[] special(long annual) {
        long each = annual / 12 / 100 * 100;
        long[] months = new long[12];
        java.util.Arrays.fill(months, each);
        months[0] = annual - each * 11;
        return months;
    }
}

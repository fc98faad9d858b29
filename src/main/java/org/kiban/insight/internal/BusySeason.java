package org.kiban.insight.internal;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/** Months in which a municipality's counters and back office are at their busiest: no month for a go-live. */
public enum BusySeason {
    /**
     * 個人住民税の当初課税: 給与支払報告書 by 31 January (地方税法第317条の6), 申告 by 15 March (第317条の2),
     * 特別徴収税額の通知 by 31 May (第321条の4), 普通徴収の納税通知 in June (第319条の2・第320条): January to June.
     */
    TAX_SEASON("個人住民税の当初課税期（1〜6月）", 1, 6),
    /** 年度替わりの転入・転出: the 住民異動 peak of March and April. */
    MOVING_SEASON("転入・転出の繁忙期（3〜4月）", 3, 4);

    private final String label;
    private final int firstMonth;
    private final int lastMonth;

    BusySeason(String label, int firstMonth, int lastMonth) {
        this.label = label;
        this.firstMonth = firstMonth;
        this.lastMonth = lastMonth;
    }

    public String label() {
        return label;
    }

    public boolean covers(YearMonth month) {
        return month.getMonthValue() >= firstMonth && month.getMonthValue() <= lastMonth;
    }

    /** The seasons a month falls in (none, one or both). */
    public static List<BusySeason> of(YearMonth month) {
        return Arrays.stream(values()).filter(s -> s.covers(month)).toList();
    }

    public static boolean isBusy(YearMonth month) {
        return !of(month).isEmpty();
    }
}

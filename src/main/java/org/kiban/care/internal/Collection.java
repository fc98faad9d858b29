package org.kiban.care.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * How a 年度's premium is collected (介護保険法第131条〜第135条). 特別徴収 from a pension of 18万円 a year or more,
 * at the six pension payments: 仮徴収 in April, June and August (the previous February's amount), 本徴収 in
 * October, December and February (the rest, in three). Otherwise 普通徴収 in the municipality's installments, the
 * last N months of the 年度. Fractions of a yen go to the first installment.
 */
public final class Collection {

    /** 年額18万円以上 (法第134条, 施行令第41条). */
    public static final long SPECIAL_COLLECTION_PENSION = 180_000;

    private Collection() {
    }

    public enum Method { SPECIAL, ORDINARY }

    public record Installment(YearMonth month, String kind, long amount) {
    }

    /**
     * 特別徴収 needs a pension of 18万円 or more and a person insured, with that premium, from the start of the 年度:
     * someone who attains 65 or moves in during the year pays 普通徴収 until the pension insurer starts deducting.
     */
    public static Method methodFor(long pensionRevenue, boolean insuredWholeYear) {
        return pensionRevenue >= SPECIAL_COLLECTION_PENSION && insuredWholeYear ? Method.SPECIAL : Method.ORDINARY;
    }

    public static List<Installment> special(int fiscalYear, long annual, Long previousFebruary) {
        long provisional = previousFebruary != null ? previousFebruary : annual / 6;
        if (provisional * 3 > annual) {
            provisional = annual / 3;
        }
        long rest = annual - provisional * 3;
        List<Installment> out = new ArrayList<>();
        for (int m : new int[] {4, 6, 8}) {
            out.add(new Installment(YearMonth.of(fiscalYear, m), "仮徴収", provisional));
        }
        long each = rest / 3;
        out.add(new Installment(YearMonth.of(fiscalYear, 10), "本徴収", rest - each * 2));
        out.add(new Installment(YearMonth.of(fiscalYear, 12), "本徴収", each));
        out.add(new Installment(YearMonth.of(fiscalYear + 1, 2), "本徴収", each));
        return out;
    }

    /** 普通徴収: the last {@code installments} months of the 年度, from {@code from} on at the earliest. */
    public static List<Installment> ordinary(int fiscalYear, long annual, int installments, YearMonth from) {
        YearMonth last = YearMonth.of(fiscalYear + 1, 3);
        YearMonth first = last.minusMonths(installments - 1L);
        if (from != null && from.isAfter(first)) {
            first = from.isAfter(last) ? last : from;
        }
        int n = (int) first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
        long each = annual / n;
        List<Installment> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(new Installment(first.plusMonths(k), "普通徴収 第" + (k + 1) + "期", k == 0 ? annual - each * (n - 1) : each));
        }
        return out;
    }

    /**
     * A recalculation from {@code from}: installments before that month stand as collected; the new amount's
     * remainder is spread over the installments left (in a single 普通徴収 adjustment if none is left — a
     * 還付 when negative). 特別徴収 cannot change mid-year, so what remains becomes 普通徴収.
     */
    public static List<Installment> recalculate(List<Installment> previous, long annual, YearMonth from) {
        List<Installment> out = new ArrayList<>();
        long collected = 0;
        List<YearMonth> left = new ArrayList<>();
        for (Installment i : previous) {
            if (i.month().isBefore(from)) {
                out.add(i);
                collected += i.amount();
            } else {
                left.add(i.month());
            }
        }
        long rest = annual - collected;
        if (left.isEmpty()) {
            out.add(new Installment(from, rest >= 0 ? "普通徴収（変更による追加）" : "還付", rest));
            return out;
        }
        long each = rest / left.size();
        for (int k = 0; k < left.size(); k++) {
            out.add(new Installment(left.get(k), "普通徴収（変更後）", k == 0 ? rest - each * (left.size() - 1) : each));
        }
        return out;
    }
}

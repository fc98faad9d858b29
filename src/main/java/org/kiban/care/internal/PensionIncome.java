package org.kiban.care.internal;

/**
 * 公的年金等に係る雑所得 from the revenue, when the tax results do not give it: 所得税法第35条第4項 with the 公的年金等控除
 * for 公的年金等以外の合計所得金額 ≤ 1,000万円 (reference: resident_tax.md §3, 新十津川町・彦根市 tables). Age is as of
 * 31 December of the income year. Yen below 1 are dropped.
 */
final class PensionIncome {

    private PensionIncome() {
    }

    static long of(long revenue, boolean aged65) {
        long r = Math.max(0, revenue);
        long income;
        if (aged65 && r < 3_300_000) {
            income = r - 1_100_000;
        } else if (!aged65 && r < 1_300_000) {
            income = r - 600_000;
        } else if (r < 4_100_000) {
            income = r * 75 / 100 - 275_000;
        } else if (r < 7_700_000) {
            income = r * 85 / 100 - 685_000;
        } else if (r < 10_000_000) {
            income = r * 95 / 100 - 1_455_000;
        } else {
            income = r - 1_955_000;
        }
        return Math.max(0, income);
    }
}

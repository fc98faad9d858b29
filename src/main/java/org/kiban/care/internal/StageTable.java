package org.kiban.care.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A municipality's premium stage table (所得段階): data, never code. Each stage states for whom it is (世帯課税・
 * 本人課税, and a range of one income figure with its own ≤ / < boundaries) and its multiplier of the 基準額, before
 * and after the 公費による軽減 (介護保険法施行令第38条・第39条, 条例). The format is in docs/care/premium-stages.md.
 */
public record StageTable(String name, int baseStage, List<Stage> stages) {

    /** 世帯の課税状況: everyone in the household exempt from 市町村民税, or someone taxed. */
    public enum Household { ALL_EXEMPT, ANY_TAXED }

    /** 本人の課税状況. */
    public enum Person { EXEMPT, TAXED }

    /**
     * The income figure a stage compares: {@code JUDGEMENT} = 課税年金収入額 + (合計所得金額 − 公的年金等に係る雑所得)
     * (本人非課税 stages), {@code TOTAL} = 合計所得金額 (本人課税 stages).
     */
    public enum Measure { JUDGEMENT, TOTAL }

    /** An income boundary: a yen amount, or the year's low-income line (T1). */
    public record Amount(Long yen, boolean lowIncomeLine) {
        public static final Amount T1 = new Amount(null, true);

        public static Amount yen(long yen) {
            return new Amount(yen, false);
        }

        public long resolve(long t1) {
            return lowIncomeLine ? t1 : yen;
        }

        @Override
        public String toString() {
            return lowIncomeLine ? "T1" : Long.toString(yen);
        }
    }

    /**
     * One stage. Null {@code household} / {@code person} / bounds mean "any". Lower bound: {@code above} (超, &gt;)
     * or {@code from} (以上, ≥); upper bound: {@code upTo} (以下, ≤) or {@code below} (未満, &lt;).
     *
     * @param welfareRecipients 生活保護の被保護者 (and 老齢福祉年金受給者 of an exempt household) belong here whatever
     *                          their income (施行令第38条第1項第1号イ・ロ)
     * @param reducedMultiplier the rate after 公費軽減 (施行令第39条), null when the stage has none
     */
    public record Stage(int number, String label, boolean welfareRecipients, Household household, Person person,
                        Measure measure, Amount above, Amount from, Amount upTo, Amount below,
                        BigDecimal multiplier, BigDecimal reducedMultiplier) {

        /** The rate charged: after 公費軽減 if the stage has one. */
        public BigDecimal appliedMultiplier() {
            return reducedMultiplier != null ? reducedMultiplier : multiplier;
        }

        boolean matches(Household h, Person p, long judgement, long total, long t1) {
            if (household != null && household != h) {
                return false;
            }
            if (person != null && person != p) {
                return false;
            }
            if (measure == null) {
                return true;
            }
            long v = measure == Measure.JUDGEMENT ? judgement : total;
            return (above == null || v > above.resolve(t1)) && (from == null || v >= from.resolve(t1))
                    && (upTo == null || v <= upTo.resolve(t1)) && (below == null || v < below.resolve(t1));
        }
    }

    public Stage stage(int number) {
        return stages.get(number - 1);
    }

    /**
     * The stage of a person: welfare recipients first (the stage marked for them), then the one stage whose
     * conditions hold. {@link #validate} guarantees there is exactly one.
     */
    public Stage classify(boolean welfareRecipient, Household h, Person p, long judgement, long total, long t1) {
        if (welfareRecipient) {
            for (Stage s : stages) {
                if (s.welfareRecipients()) {
                    return s;
                }
            }
        }
        for (Stage s : stages) {
            if (s.matches(h, p, judgement, total, t1)) {
                return s;
            }
        }
        throw new IllegalStateException("validated stage table without a stage for " + h + "/" + p);
    }

    /**
     * Checks that the table is usable for {@code t1}: stages numbered 1…n, the base stage at 1.0, bounds in order,
     * and every person in exactly one stage — probed at 0, at every boundary and one yen either side of it, for each
     * of the three cases (世帯全員非課税, 本人非課税・世帯課税, 本人課税). {@code path} prefixes field names in errors.
     */
    public void validate(String path, long t1) {
        if (stages.isEmpty() || stages.size() > 40) {
            throw new CareInputException(path + ".stages", "段階は1〜40個で指定してください。");
        }
        int welfare = 0;
        TreeSet<Long> probes = new TreeSet<>(List.of(0L, 1_000_000_000_000L));
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            String at = path + ".stages[" + i + "]";
            if (s.number() != i + 1) {
                throw new CareInputException(at + ".stage", "段階は第1段階から順に番号を付けてください（" + (i + 1) + " のはず）。");
            }
            if (s.multiplier() == null || s.multiplier().signum() <= 0 || s.multiplier().compareTo(BigDecimal.TEN) > 0) {
                throw new CareInputException(at + ".multiplier", "保険料率は0より大きく10以下です。");
            }
            if (s.reducedMultiplier() != null && (s.reducedMultiplier().signum() <= 0
                    || s.reducedMultiplier().compareTo(s.multiplier()) > 0)) {
                throw new CareInputException(at + ".reducedMultiplier", "軽減後の保険料率は0より大きく、軽減前以下です。");
            }
            if ((s.above() != null && s.from() != null) || (s.upTo() != null && s.below() != null)) {
                throw new CareInputException(at, "下限（above または from）と上限（upTo または below）はそれぞれ1つまでです。");
            }
            boolean bounded = s.above() != null || s.from() != null || s.upTo() != null || s.below() != null;
            if (bounded != (s.measure() != null)) {
                throw new CareInputException(at + ".income", "所得の範囲を指定するときは income（JUDGEMENT または TOTAL）も指定してください。");
            }
            for (Amount a : new Amount[] {s.above(), s.from(), s.upTo(), s.below()}) {
                if (a != null) {
                    long v = a.resolve(t1);
                    probes.add(Math.max(0, v - 1));
                    probes.add(v);
                    probes.add(v + 1);
                }
            }
            Amount low = s.above() != null ? s.above() : s.from();
            Amount high = s.upTo() != null ? s.upTo() : s.below();
            if (low != null && high != null && low.resolve(t1) >= high.resolve(t1)) {
                throw new CareInputException(at, "所得の下限が上限以上です。");
            }
            if (s.welfareRecipients()) {
                welfare++;
            }
        }
        if (welfare > 1) {
            throw new CareInputException(path + ".stages", "welfareRecipients を指定できるのは1つの段階だけです。");
        }
        if (baseStage < 1 || baseStage > stages.size()) {
            throw new CareInputException(path + ".baseStage", "基準段階は第1〜第" + stages.size() + "段階のいずれかです。");
        }
        if (stage(baseStage).appliedMultiplier().compareTo(BigDecimal.ONE) != 0) {
            throw new CareInputException(path + ".baseStage", "基準段階（第" + baseStage + "段階）の保険料率は1です。");
        }
        record Case(Household h, Person p, String label) { }
        List<Case> cases = List.of(new Case(Household.ALL_EXEMPT, Person.EXEMPT, "世帯全員非課税"),
                new Case(Household.ANY_TAXED, Person.EXEMPT, "本人非課税・世帯に課税者"),
                new Case(Household.ANY_TAXED, Person.TAXED, "本人課税"));
        for (Case c : cases) {
            for (long v : probes) {
                for (long[] jt : new long[][] {{v, v}, {v, 0}, {0, v}}) {
                    List<Integer> hits = new ArrayList<>();
                    for (Stage s : stages) {
                        if (s.matches(c.h(), c.p(), jt[0], jt[1], t1)) {
                            hits.add(s.number());
                        }
                    }
                    if (hits.size() != 1) {
                        throw new CareInputException(path + ".stages", c.label() + "で判定額 " + jt[0] + "円・合計所得金額 "
                                + jt[1] + "円の人が" + (hits.isEmpty() ? "どの段階にも当たりません"
                                : "複数の段階（" + hits + "）に当たります") + "。");
                    }
                }
            }
        }
    }
}

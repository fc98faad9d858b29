package org.kiban.care.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kiban.care.internal.StageTable.Amount;
import org.kiban.care.internal.StageTable.Household;
import org.kiban.care.internal.StageTable.Measure;
import org.kiban.care.internal.StageTable.Person;
import org.kiban.care.internal.StageTable.Stage;

/** Stage tables in their documented JSON form (docs/care/premium-stages.md), and the national standard. */
public final class StageTables {

    private StageTables() {
    }

    /**
     * The standard 13 stages of 第9期 (令和6〜8年度): 介護保険法施行令第38条第1項 as amended by 令和6年政令第13号
     * (0.455 / 0.685 / 0.69 and the new 第9〜13号), with the 公費軽減 of 第39条 (0.285 / 0.485 / 0.685, 老発0119第3号).
     */
    public static StageTable standard13() {
        List<Stage> s = new ArrayList<>();
        s.add(exempt(1, "生活保護受給者、老齢福祉年金受給者で世帯全員非課税、世帯全員非課税で判定額がT1以下", true,
                Household.ALL_EXEMPT, null, Amount.T1, "0.455", "0.285"));
        s.add(exempt(2, "世帯全員非課税で判定額がT1を超え120万円以下", false, Household.ALL_EXEMPT, Amount.T1,
                Amount.yen(1_200_000), "0.685", "0.485"));
        s.add(exempt(3, "世帯全員非課税で判定額が120万円を超える", false, Household.ALL_EXEMPT, Amount.yen(1_200_000), null,
                "0.69", "0.685"));
        s.add(exempt(4, "本人非課税・世帯に課税者があり判定額がT1以下", false, Household.ANY_TAXED, null, Amount.T1, "0.9", null));
        s.add(exempt(5, "本人非課税・世帯に課税者があり判定額がT1を超える（基準額）", false, Household.ANY_TAXED, Amount.T1, null,
                "1", null));
        long[] limits = {1_200_000, 2_100_000, 3_200_000, 4_200_000, 5_200_000, 6_200_000, 7_200_000};
        String[] rates = {"1.2", "1.3", "1.5", "1.7", "1.9", "2.1", "2.3", "2.4"};
        for (int i = 0; i < rates.length; i++) {
            Amount from = i == 0 ? null : Amount.yen(limits[i - 1]);
            Amount below = i == limits.length ? null : Amount.yen(limits[i]);
            String label = "本人課税で合計所得金額が" + (from == null ? "" : yenText(limits[i - 1]) + "以上")
                    + (below == null ? "" : yenText(limits[i]) + "未満");
            s.add(new Stage(6 + i, label, false, null, Person.TAXED, Measure.TOTAL, null, from, null, below,
                    new BigDecimal(rates[i]), null));
        }
        return new StageTable("国の標準段階（第9期・13段階）", 5, List.copyOf(s));
    }

    private static Stage exempt(int n, String label, boolean welfare, Household h, Amount above, Amount upTo,
                                String rate, String reduced) {
        return new Stage(n, label, welfare, h, Person.EXEMPT, Measure.JUDGEMENT, above, null, upTo, null,
                new BigDecimal(rate), reduced == null ? null : new BigDecimal(reduced));
    }

    private static String yenText(long yen) {
        return (yen / 10_000) + "万円";
    }

    /** Reads a table; {@code in}'s path prefixes every error. Not yet validated against a year's T1. */
    public static StageTable parse(JsonInput in) {
        in.only("name", "baseStage", "stages");
        List<Stage> stages = new ArrayList<>();
        for (JsonInput s : in.objects("stages")) {
            s.only("stage", "label", "welfareRecipients", "household", "person", "income", "above", "from", "upTo",
                    "below", "multiplier", "reducedMultiplier");
            int number = s.integer("stage", 1, 40);
            stages.add(new Stage(number, s.has("label") ? s.text("label") : "第" + number + "段階",
                    s.bool("welfareRecipients", false),
                    s.has("household") ? s.choice("household", Household.class) : null,
                    s.has("person") ? s.choice("person", Person.class) : null,
                    s.has("income") ? s.choice("income", Measure.class) : null,
                    s.has("above") ? s.amount("above") : null, s.has("from") ? s.amount("from") : null,
                    s.has("upTo") ? s.amount("upTo") : null, s.has("below") ? s.amount("below") : null,
                    s.decimal("multiplier"), s.has("reducedMultiplier") ? s.decimal("reducedMultiplier") : null));
        }
        return new StageTable(in.has("name") ? in.text("name") : "条例の段階表",
                in.integer("baseStage", 1, 40), List.copyOf(stages));
    }

    /** The documented JSON form of a table (what {@link #parse} reads). */
    public static Map<String, Object> toJson(StageTable t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", t.name());
        out.put("baseStage", t.baseStage());
        List<Map<String, Object>> stages = new ArrayList<>();
        for (Stage s : t.stages()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stage", s.number());
            m.put("label", s.label());
            if (s.welfareRecipients()) {
                m.put("welfareRecipients", true);
            }
            put(m, "household", s.household());
            put(m, "person", s.person());
            put(m, "income", s.measure());
            put(m, "above", amount(s.above()));
            put(m, "from", amount(s.from()));
            put(m, "upTo", amount(s.upTo()));
            put(m, "below", amount(s.below()));
            m.put("multiplier", s.multiplier());
            put(m, "reducedMultiplier", s.reducedMultiplier());
            stages.add(m);
        }
        out.put("stages", stages);
        return out;
    }

    private static Object amount(Amount a) {
        return a == null ? null : a.lowIncomeLine() ? "T1" : a.yen();
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value instanceof Enum<?> e ? e.name() : value);
        }
    }
}

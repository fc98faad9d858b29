package org.kiban.disaster;

import java.math.BigDecimal;

import org.kiban.common.InvalidValueException;

/**
 * 住家の被害の程度, as 内閣府（防災担当）「災害の被害認定基準について」 and 「災害に係る住家の被害認定基準運用指針」
 * (令和3年3月改定) grade it by the 損害割合 — the economic damage of the house's main structural elements as a share
 * of the whole house. The 罹災証明書 prints one of these six.
 */
public enum DamageLevel {
    /** 全壊: 損害割合 50%以上. */
    TOTAL_COLLAPSE("全壊", 50),
    /** 大規模半壊: 40%以上50%未満. */
    LARGE_SCALE_HALF_COLLAPSE("大規模半壊", 40),
    /** 中規模半壊: 30%以上40%未満 (令和2年の被災者生活再建支援法改正で新設). */
    MEDIUM_SCALE_HALF_COLLAPSE("中規模半壊", 30),
    /** 半壊: 20%以上30%未満. */
    HALF_COLLAPSE("半壊", 20),
    /** 準半壊: 10%以上20%未満. */
    QUASI_HALF_COLLAPSE("準半壊", 10),
    /** 準半壊に至らない（一部損壊）: 10%未満. */
    PARTIAL_DAMAGE("準半壊に至らない（一部損壊）", 0);

    private final String label;
    private final int lowerBoundPercent;

    DamageLevel(String label, int lowerBoundPercent) {
        this.label = label;
        this.lowerBoundPercent = lowerBoundPercent;
    }

    public String label() {
        return label;
    }

    /** The smallest 損害割合 (percent) of this level; the level ends where the next higher one begins. */
    public int lowerBoundPercent() {
        return lowerBoundPercent;
    }

    /** The level of a 損害割合 in percent (0 to 100). */
    public static DamageLevel ofDamageRatio(BigDecimal percent) {
        if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidValueException("invalid-damage-ratio", "損害割合は0から100までの百分率で指定してください。");
        }
        for (DamageLevel level : values()) {
            if (percent.compareTo(BigDecimal.valueOf(level.lowerBoundPercent)) >= 0) {
                return level;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}

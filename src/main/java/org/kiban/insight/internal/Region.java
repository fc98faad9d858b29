package org.kiban.insight.internal;

import java.util.Arrays;

/**
 * The eight regions (八地方区分) by prefecture code (JIS X 0401): the common division, with 三重県 (24) in 近畿 and
 * 新潟県 (15) in 中部.
 */
public enum Region {
    HOKKAIDO("北海道地方", 1, 1),
    TOHOKU("東北地方", 2, 7),
    KANTO("関東地方", 8, 14),
    CHUBU("中部地方", 15, 23),
    KINKI("近畿地方", 24, 30),
    CHUGOKU("中国地方", 31, 35),
    SHIKOKU("四国地方", 36, 39),
    KYUSHU("九州・沖縄地方", 40, 47);

    private final String label;
    private final int from;
    private final int to;

    Region(String label, int from, int to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    public boolean contains(String prefectureCode) {
        int p = Integer.parseInt(prefectureCode);
        return p >= from && p <= to;
    }

    public static Region of(String prefectureCode) {
        return Arrays.stream(values()).filter(r -> r.contains(prefectureCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no prefecture " + prefectureCode));
    }
}

package org.kiban.tenancy;

import java.time.LocalDate;

/**
 * One entry of the list of local governments (reference data, the same for every tenant).
 *
 * @param lgCode          全国地方公共団体コード, 6 digits with check digit
 * @param kind            kind of local government
 * @param name            official name, e.g. 袖ケ浦市
 * @param kana            reading in katakana
 * @param prefectureCode  2-digit prefecture code (JIS X 0401)
 * @param parentLgCode    for a ward, its designated city; otherwise {@code null}
 * @param population      住民基本台帳 population on {@code populationDate}, or {@code null} (prefectures, wards)
 * @param households      住民基本台帳 households on {@code populationDate}, or {@code null}
 * @param populationDate  reference date of the population figures
 * @param livingCostGrade 生活保護の級地 (e.g. 1級地-1), or {@code null}
 */
public record LocalGovernment(String lgCode, LocalGovernmentKind kind, String name, String kana,
                              String prefectureCode, String parentLgCode, Integer population, Integer households,
                              LocalDate populationDate, String livingCostGrade) {
}

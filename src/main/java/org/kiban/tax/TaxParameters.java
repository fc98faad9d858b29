package org.kiban.tax;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.kiban.parameter.MunicipalityProfile;
import org.kiban.parameter.ParameterClass;
import org.kiban.parameter.ParameterDefinition;
import org.kiban.parameter.ParameterType;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.LocalGovernmentKind;
import org.kiban.tenancy.Municipalities;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The local differences of the 個人住民税, effective by 年度: a value for 令和8年度 is set {@code validFrom} 1 January 2026
 * (賦課期日, 第39条・第318条), so it never changes what an earlier 年度 computed.
 * <p>
 * The standard default depends on the municipality's kind (指定都市: 市8%・県2% since 平成30年度, 第35条・第314条の3
 * ) and on its prefecture's 超過課税, which the municipality cannot choose: 神奈川県 (県民税所得割 +0.025%, 水源環境保全税;
 * 均等割 +300円), 愛知県・長野県・佐賀県 (均等割 +500円, 森林税). Only surcharges seen on an official page are listed; others
 * are set as tenant values. A municipality's own choice (名古屋市 7.7%, 横浜みどり税 +900円) is a tenant value: a customization.
 */
@Configuration(proxyBeanMethods = false)
public class TaxParameters {

    public static final String CITY_RATE = "tax.resident.city-rate";
    public static final String PREF_RATE = "tax.resident.pref-rate";
    public static final String CITY_PER_CAPITA = "tax.resident.city-per-capita";
    public static final String PREF_PER_CAPITA = "tax.resident.pref-per-capita";
    public static final String LIVING_COST_GRADE = "tax.resident.living-cost-grade";
    public static final String DESIGNATED_CITY_SPLIT = "tax.resident.designated-city-split";

    public static final List<String> GRADES = List.of("1級地-1", "1級地-2", "2級地-1", "2級地-2", "3級地-1", "3級地-2");

    /** Prefectural 超過課税 on the 所得割 rate (percent), by prefecture code. 横浜市・相模原市 計算例 [P]. */
    static final Map<String, BigDecimal> PREF_RATE_SURCHARGE = Map.of("14", new BigDecimal("0.025"));

    /**
     * Prefectural 均等割 超過課税 (yen): 神奈川 300 (横浜市・相模原市 計算例: 県民税 1,300円), 愛知 500 (美浜町, 安城市: 1,500円),
     * 長野 500 (小諸市: 1,500円), 佐賀 500 (佐賀市: うち佐賀県森林環境税 500円).
     */
    static final Map<String, Long> PREF_PER_CAPITA_SURCHARGE = Map.of("14", 300L, "23", 500L, "20", 500L, "41", 500L);

    private static boolean designated(MunicipalityProfile p) {
        return LocalGovernmentKind.DESIGNATED_CITY.name().equals(p.kind());
    }

    private static String prefecture(MunicipalityProfile p) {
        return p.lgCode().substring(0, 2);
    }

    private static ParameterDefinition decimal(String key, String description, String basis,
                                               Function<MunicipalityProfile, Object> standard) {
        return new ParameterDefinition(key, ParameterType.DECIMAL, "%", ParameterClass.L, basis, description, standard,
                BigDecimal.ZERO, new BigDecimal("20"), null);
    }

    @Bean
    ParameterDefinition cityIncomeLevyRate() {
        return decimal(CITY_RATE, "個人市町村民税 所得割の税率（標準税率 6%、指定都市 8%）",
                "地方税法第314条の3（標準税率・超過課税は条例）",
                p -> designated(p) ? new BigDecimal("8") : new BigDecimal("6"));
    }

    @Bean
    ParameterDefinition prefIncomeLevyRate() {
        return decimal(PREF_RATE, "個人道府県民税 所得割の税率（標準税率 4%、指定都市の区域 2%、道府県の超過課税を含む）",
                "地方税法第35条（標準税率・超過課税は道府県条例）",
                p -> (designated(p) ? new BigDecimal("2") : new BigDecimal("4"))
                        .add(PREF_RATE_SURCHARGE.getOrDefault(prefecture(p), BigDecimal.ZERO)));
    }

    @Bean
    ParameterDefinition cityPerCapita() {
        return new ParameterDefinition(CITY_PER_CAPITA, ParameterType.YEN, "円", ParameterClass.L,
                "地方税法第310条（標準 3,000円、超過課税は条例）", "個人市町村民税 均等割の額", p -> 3_000L,
                BigDecimal.ZERO, new BigDecimal("20000"), null);
    }

    @Bean
    ParameterDefinition prefPerCapita() {
        return new ParameterDefinition(PREF_PER_CAPITA, ParameterType.YEN, "円", ParameterClass.L,
                "地方税法第38条（標準 1,000円、森林環境等の超過課税は道府県条例）", "個人道府県民税 均等割の額（超過課税を含む）",
                p -> 1_000L + PREF_PER_CAPITA_SURCHARGE.getOrDefault(prefecture(p), 0L),
                BigDecimal.ZERO, new BigDecimal("20000"), null);
    }

    @Bean
    ParameterDefinition livingCostGrade(Municipalities municipalities) {
        return ParameterDefinition.choice(LIVING_COST_GRADE, ParameterClass.A1,
                "地方税法施行令第47条の3（均等割の非課税限度額は生活保護の級地による）、生活保護法による保護の基準 別表第9",
                "均等割の非課税限度額に用いる級地",
                p -> municipalities.find(p.lgCode()).map(LocalGovernment::livingCostGrade).filter(GRADES::contains)
                        .orElse("3級地-2"),
                GRADES.stream().map(g -> new ParameterDefinition.Choice(g, g)).toList());
    }

    @Bean
    ParameterDefinition designatedCitySplit() {
        return new ParameterDefinition(DESIGNATED_CITY_SPLIT, ParameterType.BOOLEAN, "", ParameterClass.A1,
                "地方税法第37条・第314条の6ほか（指定都市の区域に住所を有する者の税額控除の按分）",
                "調整控除・寄附金税額控除等を指定都市の割合（市4：県1）で按分する", p -> designated(p), null, null, null);
    }
}

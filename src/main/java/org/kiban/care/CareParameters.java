package org.kiban.care;

import java.util.List;

import org.kiban.parameter.ParameterClass;
import org.kiban.parameter.ParameterDefinition;
import org.kiban.parameter.ParameterDefinition.Choice;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The local differences of 介護保険 that are single values (介護保険法第129条: each municipality fixes its premium by
 * 条例). The stage table itself is a structured value kept per 年度 by the care module (see
 * docs/care/premium-stages.md). Values are read as of 1 April of the 年度 (the 賦課期日, 法第130条 UNVERIFIED).
 */
@Configuration(proxyBeanMethods = false)
public class CareParameters {

    public static final String BASE_AMOUNT = "care.premium.base-amount";
    public static final String BASE_AMOUNT_PERIOD = "care.premium.base-amount-period";
    public static final String ROUNDING_UNIT = "care.premium.rounding-unit";
    public static final String ROUNDING_MODE = "care.premium.rounding-mode";
    public static final String ROUNDING_BASIS = "care.premium.rounding-basis";
    public static final String ORDINARY_INSTALLMENTS = "care.collection.ordinary-installments";

    /** 第9期 national weighted average 基準額 (月額 6,225円, 厚生労働省 2024-05 集計), the default until a 条例 sets it. */
    public static final long STANDARD_BASE_AMOUNT_MONTHLY = 6_225;
    /** Standard number of 普通徴収 installments: June to March (札幌市・みやき町 collect in 10). */
    public static final int STANDARD_ORDINARY_INSTALLMENTS = 10;

    private static final String PREMIUM_BASIS = "介護保険法第129条、施行令第38条・第39条（保険料条例）";

    @Bean
    ParameterDefinition careBaseAmount() {
        return ParameterDefinition.yen(BASE_AMOUNT, ParameterClass.A1, PREMIUM_BASIS,
                "第1号保険料の基準額（期間は care.premium.base-amount-period）", STANDARD_BASE_AMOUNT_MONTHLY, 1, 1_000_000);
    }

    @Bean
    ParameterDefinition careBaseAmountPeriod() {
        return ParameterDefinition.choice(BASE_AMOUNT_PERIOD, ParameterClass.A1, PREMIUM_BASIS,
                "基準額を年額と月額のどちらで定めるか", p -> "MONTHLY",
                List.of(new Choice("ANNUAL", "年額"), new Choice("MONTHLY", "月額")));
    }

    @Bean
    ParameterDefinition careRoundingUnit() {
        return ParameterDefinition.choice(ROUNDING_UNIT, ParameterClass.L, PREMIUM_BASIS,
                "保険料の端数処理の単位", p -> "1",
                List.of(new Choice("1", "1円"), new Choice("10", "10円"), new Choice("100", "100円")));
    }

    @Bean
    ParameterDefinition careRoundingMode() {
        // 国等の債権債務等の金額の端数計算に関する法律 drops fractions of a yen; most municipalities do likewise.
        return ParameterDefinition.choice(ROUNDING_MODE, ParameterClass.L, PREMIUM_BASIS,
                "保険料の端数処理の方法", p -> "DOWN",
                List.of(new Choice("DOWN", "切捨て"), new Choice("HALF_UP", "四捨五入"), new Choice("UP", "切上げ")));
    }

    @Bean
    ParameterDefinition careRoundingBasis() {
        return ParameterDefinition.choice(ROUNDING_BASIS, ParameterClass.L, PREMIUM_BASIS,
                "端数処理を年額で行うか、月額で行って12倍するか", p -> "ANNUAL",
                List.of(new Choice("ANNUAL", "年額で端数処理"), new Choice("MONTHLY", "月額で端数処理し12倍")));
    }

    @Bean
    ParameterDefinition careOrdinaryInstallments() {
        return ParameterDefinition.integer(ORDINARY_INSTALLMENTS, "回", ParameterClass.L,
                "介護保険法第133条（普通徴収の納期は条例で定める）",
                "普通徴収の納期の数（年度末3月までの最後のN か月。10なら6月〜3月）", STANDARD_ORDINARY_INSTALLMENTS, 1, 12);
    }
}

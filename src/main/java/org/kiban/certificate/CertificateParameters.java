package org.kiban.certificate;

import java.util.List;

import org.kiban.parameter.ParameterClass;
import org.kiban.parameter.ParameterDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The local differences the standard allows on certificates: fees (set by each municipality's 手数料条例,
 * 地方自治法第227条・第228条), overflow handling (§1.12) and whether フリガナ may be printed (an optional function).
 * The standard default of a fee is the amount most municipalities charge.
 */
@Configuration(proxyBeanMethods = false)
public class CertificateParameters {

    public static final String OVERFLOW_POLICY = "certificate.overflow-policy";
    public static final String PRINT_NAME_KANA = "certificate.print-name-kana";
    private static final String FEE_BASIS = "地方自治法第227条・第228条（手数料条例）";

    @Bean
    ParameterDefinition residentCopyFee() {
        return ParameterDefinition.yen("certificate.fee.resident-copy", ParameterClass.A1, FEE_BASIS,
                "住民票の写し1通の手数料", 300, 0, 2000);
    }

    @Bean
    ParameterDefinition removedRecordCopyFee() {
        return ParameterDefinition.yen("certificate.fee.removed-record-copy", ParameterClass.A1, FEE_BASIS,
                "住民票の除票の写し1通の手数料", 300, 0, 2000);
    }

    @Bean
    ParameterDefinition entryCertificateFee() {
        return ParameterDefinition.yen("certificate.fee.entry-certificate", ParameterClass.A1, FEE_BASIS,
                "住民票記載事項証明書・除票記載事項証明書1通の手数料", 300, 0, 2000);
    }

    @Bean
    ParameterDefinition moveOutCertificateFee() {
        return ParameterDefinition.yen("certificate.fee.move-out-certificate", ParameterClass.A1, FEE_BASIS,
                "転出証明書（準ずる証明書を含む）1通の手数料（転出届に伴う交付は無料とする団体が大半）", 0, 0, 2000);
    }

    @Bean
    ParameterDefinition sealCertificateFee() {
        return ParameterDefinition.yen("certificate.fee.seal-certificate", ParameterClass.A1, FEE_BASIS,
                "印鑑登録証明書1通の手数料", 300, 0, 2000);
    }

    @Bean
    ParameterDefinition overflowPolicy() {
        return ParameterDefinition.choice(OVERFLOW_POLICY, ParameterClass.A2,
                "住民記録システム標準仕様書 5.8（文字溢れ）", "縮小しても欄に収まらない文字の扱い",
                p -> "PRINT_AS_FAR_AS_POSSIBLE",
                List.of(new ParameterDefinition.Choice("PRINT_AS_FAR_AS_POSSIBLE", "可能な限り印字する"),
                        new ParameterDefinition.Choice("PRINT_BLANK", "空欄で印字する")));
    }

    @Bean
    ParameterDefinition printNameKana() {
        return ParameterDefinition.bool(PRINT_NAME_KANA, ParameterClass.A2,
                "住民記録システム標準仕様書 5.3（フリガナの記載：標準オプション機能）",
                "請求があれば証明書に氏名のフリガナを記載する", false);
    }
}

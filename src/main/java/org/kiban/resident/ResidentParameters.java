package org.kiban.resident;

import org.kiban.parameter.ParameterClass;
import org.kiban.parameter.ParameterDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The local differences of 住民記録 that are single values. */
@Configuration(proxyBeanMethods = false)
public class ResidentParameters {

    @Bean
    ParameterDefinition moveInNoticeWaitDays() {
        // 住民基本台帳法第9条第1項: the new municipality notifies without delay; when to ask after a missing notice
        // (転入通知未着照会, 標準仕様書 j680–j710) is the counter's choice.
        return ParameterDefinition.integer(MoveInNotices.WAIT_DAYS, "日", ParameterClass.A2,
                "住民基本台帳法第9条第1項（転入通知）、住民記録システム標準仕様書 転入通知受理",
                "転出予定日から何日たっても転入通知が届かないとき「転入通知の未着」に載せるか",
                MoveInNotices.STANDARD_WAIT_DAYS, 1, 365);
    }
}

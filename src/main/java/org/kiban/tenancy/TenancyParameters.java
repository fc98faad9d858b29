package org.kiban.tenancy;

import java.util.List;

import org.kiban.parameter.ParameterClass;
import org.kiban.parameter.ParameterDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Parameters of the tenancy module: sign-in and office structure. */
@Configuration(proxyBeanMethods = false)
public class TenancyParameters {

    public static final String SESSION_TIMEOUT = "security.session-timeout-minutes";
    public static final String LOCKOUT_THRESHOLD = "security.lockout-threshold";
    public static final String LOCKOUT_MINUTES = "security.lockout-minutes";
    public static final String PASSWORD_MIN_LENGTH = "security.password-min-length";
    public static final String OFFICE_STRUCTURE = "tenancy.office-structure";

    @Bean
    ParameterDefinition sessionTimeout() {
        return ParameterDefinition.integer(SESSION_TIMEOUT, "分", ParameterClass.A2,
                "地方公共団体における情報セキュリティポリシーに関するガイドライン（総務省）",
                "操作のない画面を自動的にログアウトさせるまでの時間", 30, 5, 480);
    }

    @Bean
    ParameterDefinition lockoutThreshold() {
        return ParameterDefinition.integer(LOCKOUT_THRESHOLD, "回", ParameterClass.A2,
                "地方公共団体における情報セキュリティポリシーに関するガイドライン（総務省）",
                "続けてパスワードを誤ったときにアカウントをロックするまでの回数", 5, 3, 10);
    }

    @Bean
    ParameterDefinition lockoutMinutes() {
        return ParameterDefinition.integer(LOCKOUT_MINUTES, "分", ParameterClass.A2,
                "地方公共団体における情報セキュリティポリシーに関するガイドライン（総務省）",
                "ロックしたアカウントを再び使えるようにするまでの時間", 15, 5, 1440);
    }

    @Bean
    ParameterDefinition passwordMinLength() {
        return ParameterDefinition.integer(PASSWORD_MIN_LENGTH, "文字", ParameterClass.A2,
                "地方公共団体における情報セキュリティポリシーに関するガイドライン（総務省）",
                "職員のパスワードの最小文字数", 12, 8, 64);
    }

    /**
     * A designated city has ward offices by law (地方自治法第252条の20), so that is its standard; other
     * municipalities may open 支所・出張所 by ordinance (第155条), a local circumstance.
     */
    @Bean
    ParameterDefinition officeStructure() {
        return ParameterDefinition.choice(OFFICE_STRUCTURE, ParameterClass.L,
                "地方自治法第155条（支所・出張所）、第252条の20（区の事務所）",
                "窓口を置く事務所の構成",
                p -> LocalGovernmentKind.DESIGNATED_CITY.name().equals(p.kind()) ? "WARD_OFFICES" : "HEAD_OFFICE_ONLY",
                List.of(new ParameterDefinition.Choice("HEAD_OFFICE_ONLY", "本庁のみ"),
                        new ParameterDefinition.Choice("WITH_BRANCHES", "本庁と支所・出張所"),
                        new ParameterDefinition.Choice("WARD_OFFICES", "区役所（指定都市）")));
    }
}

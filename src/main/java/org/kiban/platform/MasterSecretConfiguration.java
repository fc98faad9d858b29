package org.kiban.platform;

import org.kiban.common.KeyWrapping;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The deployment's master secret ({@code kiban.certificate.master-secret}, {@code KIBAN_CERTIFICATE_MASTER_SECRET}) as
 * the one {@link KeyWrapping} of the application: tenants' signing keys and webhooks' HMAC keys are stored wrapped
 * under it. Deriving its key costs about half a second, so it is done once.
 */
@Configuration(proxyBeanMethods = false)
class MasterSecretConfiguration {

    /** The demo's secret: accepted with the embedded database only. */
    static final String DEMO_SECRET = "kiban-demo-master-secret-change-me";

    @Bean
    KeyWrapping keyWrapping(@Value("${kiban.certificate.master-secret:" + DEMO_SECRET + "}") String masterSecret,
                            @Value("${kiban.db.url:}") String externalDatabase) {
        if (DEMO_SECRET.equals(masterSecret) && !externalDatabase.isBlank()) {
            // Production (an external database): the demo secret would let anyone with a dump unwrap the keys.
            throw new IllegalStateException("set kiban.certificate.master-secret (KIBAN_CERTIFICATE_MASTER_SECRET) in production");
        }
        return new KeyWrapping(masterSecret.toCharArray());
    }
}

package org.kiban.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/** Event listeners of other modules run after commit, on their own threads (Spring Modulith's registry tracks them). */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {
}

package org.kiban.exchange.internal;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook deliveries never go into the deployment's own network (SSRF): RFC 1918, 6598, 4193, 3927, loopback. */
class WebhookAddressTest {

    @Test
    void internalAddressesAreRefusedAndPublicOnesAllowed() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "169.254.169.254", "10.1.2.3", "172.16.0.1", "192.168.1.1",
                "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd00::1", "fc00::2"}) {
            assertThat(Webhooks.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : new String[] {"8.8.8.8", "203.0.113.10", "100.128.0.1", "2001:db8::1", "172.32.0.1"}) {
            assertThat(Webhooks.isInternal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }
}

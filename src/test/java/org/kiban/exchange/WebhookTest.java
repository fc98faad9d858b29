package org.kiban.exchange;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.exchange.internal.Webhooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.HINOHARA;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhooks push the change feed: signed with HMAC, retried with backoff while the receiver fails, in feed order,
 * never skipping and never ahead of the feed.
 */
@KibanIntegrationTest
class WebhookTest {

    private static final String BASE = "/api/v1/municipalities/" + HINOHARA;

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    /** The stored key columns of a subscription: the text one and the wrapped one. */
    private Object[] storedSecret(String webhookId) {
        return org.kiban.platform.TenantContext.callAs(HINOHARA, org.kiban.platform.Actor.system("test"),
                () -> tx.execute(s -> jdbc.sql("select secret, secret_wrapped from webhook_subscription where webhook_id = ?")
                        .param(webhookId).query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)}).single()));
    }

    /** What the receiver got: signature check result, body. */
    record Received(boolean signatureValid, String body) {
    }

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();
    volatile String secret = "";

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            attempts.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = 204;
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 503;
            } else {
                String timestamp = exchange.getRequestHeaders().getFirst("Kiban-Timestamp");
                String signature = exchange.getRequestHeaders().getFirst("Kiban-Signature");
                received.add(new Received(("v1=" + Webhooks.signature(secret, timestamp, body)).equals(signature), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private void moveIn(String name, String kana) throws Exception {
        mvc.perform(post(BASE + "/notifications").with(as("hinohara-clerk")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-05-01","acknowledgeWarnings":true,
                         "address":{"address":"東京都西多摩郡檜原村2717番地"},"previousAddress":{"address":"東京都あきる野市二宮350番地"},
                         "persons":[{"name":"%s","nameKana":"%s","birthDate":"1980-01-01","sex":"FEMALE",
                           "relationship":"世帯主","permanentDomicile":"東京都あきる野市二宮350番地"}]}""".formatted(name, kana)))
                .andExpect(status().isCreated());
    }

    private List<Long> deliveredSeqs() {
        List<Long> seqs = new ArrayList<>();
        for (Received r : received) {
            seqs.addAll(JsonPath.parse(r.body()).<List<Number>>read("$.changes[*].seq").stream().map(Number::longValue).toList());
        }
        return seqs;
    }

    private void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition reached in time").isTrue();
    }

    @Test
    void deliveriesAreSignedRetriedWithBackoffAndInFeedOrder() throws Exception {
        DocumentContext created = JsonPath.parse(mvc.perform(post(BASE + "/webhooks").with(as("hinohara-admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\",\"description\":\"国保システム\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        secret = created.read("$.secret");
        String id = created.read("$.webhookId");
        long start = created.<Number>read("$.deliveredSeq").longValue();
        assertThat(secret).startsWith("whsec_");
        // Stored wrapped under the master secret, never as text: a copy of the database cannot sign deliveries.
        Object[] stored = storedSecret(id);
        assertThat(stored[0]).isNull();
        assertThat((byte[]) stored[1]).isNotEmpty();
        assertThat(new String((byte[]) stored[1], StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(6));

        moveIn("押切 一", "オシキリ ハジメ");
        await(() -> !received.isEmpty());
        assertThat(received.get(0).signatureValid()).isTrue();
        assertThat(deliveredSeqs().get(0)).isEqualTo(start + 1);

        // The receiver fails three times: the change waits (backoff), then arrives; nothing is skipped.
        failNext.set(3);
        int before = attempts.get();
        moveIn("押切 二", "オシキリ ツギ");
        moveIn("押切 三", "オシキリ ミツ");
        await(() -> deliveredSeqs().size() >= 3);
        assertThat(attempts.get() - before).isGreaterThanOrEqualTo(4);
        List<Long> seqs = deliveredSeqs();
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("gap-free, in order").isEqualTo(start + 1 + i);
        }
        assertThat(received).allMatch(Received::signatureValid);

        // Status shows the cursor caught up with the feed and the failures cleared.
        await(() -> {
            try {
                DocumentContext list = JsonPath.parse(mvc.perform(get(BASE + "/webhooks").with(as("hinohara-admin")))
                        .andReturn().getResponse().getContentAsString());
                return ((Number) list.<List<Object>>read("$[?(@.webhookId == '" + id + "')].failures").get(0)).intValue() == 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        mvc.perform(get(BASE + "/webhooks").with(as("hinohara-admin")))
                .andExpect(jsonPath("$[?(@.webhookId == '" + id + "')].secret").value(org.hamcrest.Matchers.contains((Object) null)));

        // Revoked: nothing more is pushed.
        mvc.perform(delete(BASE + "/webhooks/" + id).with(as("hinohara-admin"))).andExpect(status().isNoContent());
        int count = received.size();
        moveIn("押切 四", "オシキリ シ");
        Thread.sleep(1000);
        assertThat(received).hasSize(count);
    }

    @Test
    void aKeyStoredAsTextBeforeKeysWereWrappedStillSignsAndIsWrappedAtItsNextDelivery() throws Exception {
        DocumentContext created = JsonPath.parse(mvc.perform(post(BASE + "/webhooks").with(as("hinohara-admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String id = created.read("$.webhookId");
        // As a subscription made before migration V2026.12.03.200 is stored: the key as text, nothing wrapped.
        secret = "whsec_stored-as-text-before-wrapping";
        org.kiban.platform.TenantContext.runAs(HINOHARA, org.kiban.platform.Actor.system("test"), () -> tx.executeWithoutResult(s ->
                jdbc.sql("update webhook_subscription set secret = ?, secret_wrapped = null where webhook_id = ?")
                        .params(secret, id).update()));

        moveIn("押切 五", "オシキリ イツ");
        await(() -> !received.isEmpty());

        assertThat(received.get(0).signatureValid()).isTrue();
        Object[] stored = storedSecret(id);
        assertThat(stored[0]).isNull();
        assertThat((byte[]) stored[1]).isNotEmpty();
        mvc.perform(delete(BASE + "/webhooks/" + id).with(as("hinohara-admin"))).andExpect(status().isNoContent());
    }

    @Test
    void anEndpointMustBeAnAbsoluteUrlAndOnlyAdministratorsSubscribe() throws Exception {
        mvc.perform(post(BASE + "/webhooks").with(as("hinohara-admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"ftp://example.jp/x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.type").value("/problems/invalid-webhook-url"));
        mvc.perform(post(BASE + "/webhooks").with(as("hinohara-admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"https://user:pw@example.jp/x\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(BASE + "/webhooks").with(as("hinohara-clerk")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"https://example.jp/x\"}"))
                .andExpect(status().isForbidden());
    }
}

package org.kiban.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.platform.db.DatabaseServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.SABAE;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Each committed 異動 reaches the change feed through Spring Modulith's publication registry (the outbox): the
 * publication is stored with the notification and completed once the feed has it; readers page with a cursor.
 */
@KibanIntegrationTest
class ChangeFeedTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DatabaseServer db;

    private DocumentContext changes(String lg, String user, long after) throws Exception {
        return JsonPath.parse(mvc.perform(get("/api/v1/municipalities/" + lg + "/changes").param("after", Long.toString(after))
                .with(as(user))).andReturn().getResponse().getContentAsString());
    }

    @Test
    void aCommittedMoveInAppearsOnceInTheFeedAfterTheCursor() throws Exception {
        long cursor = changes(SABAE, "sabae-clerk", 0).<Number>read("$.next").longValue();
        String body = mvc.perform(post("/api/v1/municipalities/" + SABAE + "/notifications").with(as("sabae-clerk"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-20","address":{"address":"福井県鯖江市舟津町一丁目1番1号"},
                                 "previousAddress":{"address":"福井県越前市"},
                                 "persons":[{"name":"福島 学","nameKana":"フクシマ マナブ","birthDate":"昭和55年5月5日","sex":"MALE",
                                   "relationship":"世帯主","permanentDomicile":"福井県越前市"}]}"""))
                .andReturn().getResponse().getContentAsString();
        long notificationNo = JsonPath.parse(body).<Number>read("$.notificationNo").longValue();

        DocumentContext page = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            page = changes(SABAE, "sabae-clerk", cursor);
            if (!page.<List<Object>>read("$.changes").isEmpty()) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(page.<List<Object>>read("$.changes")).hasSize(1);
        assertThat(page.<String>read("$.changes[0].eventType")).isEqualTo("ResidentMovedIn");
        assertThat(page.<Number>read("$.changes[0].notificationNo").longValue()).isEqualTo(notificationNo);
        assertThat(page.<String>read("$.changes[0].reason")).isEqualTo("MOVE_IN_DOMESTIC");
        assertThat(page.<String>read("$.changes[0].effectiveOn")).isEqualTo("2026-04-20");
        // The affected items, not the whole world: a 転入 brings every item the person has; and the 支援措置 flag.
        DocumentContext persons = JsonPath.parse(page.<String>read("$.changes[0].persons"));
        assertThat(persons.<Boolean>read("$[0].protected")).isFalse();
        assertThat(persons.<List<String>>read("$[0].changed")).contains("name", "birthDate", "address", "household", "lastChange")
                .doesNotContain("removal", "individualNumber");
        long next = page.<Number>read("$.next").longValue();
        assertThat(next).isGreaterThan(cursor);

        // A 転居 changes the address (and the 異動 itself), not the name.
        String atenaNo = JsonPath.parse(body).read("$.records[0].atenaNo");
        String household = JsonPath.parse(body).read("$.records[0].householdNo");
        int version = JsonPath.parse(body).<Number>read("$.householdVersions." + household).intValue();
        mvc.perform(post("/api/v1/municipalities/" + SABAE + "/notifications").with(as("sabae-clerk"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"type":"MOVE_WITHIN","effectiveDate":"2026-05-10","expectedVersions":{"%s":%d},"atenaNos":["%s"],
                         "address":{"address":"福井県鯖江市舟津町二丁目2番2号"}}""".formatted(household, version, atenaNo)));
        DocumentContext moved = null;
        Instant movedDeadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(movedDeadline)) {
            moved = changes(SABAE, "sabae-clerk", next);
            if (!moved.<List<Object>>read("$.changes").isEmpty()) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(moved.<String>read("$.changes[0].eventType")).isEqualTo("ResidentMovedWithin");
        assertThat(JsonPath.parse(moved.<String>read("$.changes[0].persons")).<List<String>>read("$[0].changed"))
                .contains("address", "lastChange").doesNotContain("name", "birthDate", "household");
        next = moved.<Number>read("$.next").longValue();
        assertThat(changes(SABAE, "sabae-clerk", next).<List<Object>>read("$.changes")).isEmpty();

        // The outbox: the publication was stored and is marked complete once the feed took it.
        try (Connection c = db.ownerConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from event_publication where serialized_event like ? and serialized_event like ?"
                        + " and completion_date is not null")) {
            ps.setString(1, "%\"lgCode\":\"" + SABAE + "\"%");
            ps.setString(2, "%\"notificationNo\":" + notificationNo + ",%");
            Instant until = Instant.now().plus(Duration.ofSeconds(10));
            long completed = 0;
            while (completed == 0 && Instant.now().isBefore(until)) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    completed = rs.getLong(1);
                }
                Thread.sleep(50);
            }
            assertThat(completed).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aConsumerPagingFromItsCursorSeesEveryConcurrentChangeOnceInOrder() throws Exception {
        long cursor = changes(SABAE, "sabae-clerk", 0).<Number>read("$.next").longValue();
        int clerks = 6;
        int each = 5;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clerks);
        List<java.util.concurrent.Future<Long>> submitted = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < clerks * each; i++) {
                int n = i;
                submitted.add(pool.submit(() -> {
                    String body = mvc.perform(post("/api/v1/municipalities/" + SABAE + "/notifications").with(as("sabae-clerk"))
                                    .contentType(MediaType.APPLICATION_JSON).content("""
                                            {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-20","acknowledgeWarnings":true,
                                             "address":{"address":"福井県鯖江市水落町%d番地"},"previousAddress":{"address":"福井県越前市"},
                                             "persons":[{"name":"並行 %s","nameKana":"ヘイコウ タロウ","birthDate":"1990-01-01","sex":"MALE",
                                               "relationship":"世帯主","permanentDomicile":"福井県越前市"}]}""".formatted(n + 1, "太郎" + n)))
                            .andReturn().getResponse().getContentAsString();
                    return JsonPath.parse(body).<Number>read("$.notificationNo").longValue();
                }));
            }
            java.util.Set<Long> notified = new java.util.HashSet<>();
            for (var f : submitted) {
                notified.add(f.get());
            }
            // A consumer reads small pages, resuming from the last seq it processed, until it has them all.
            List<Long> seqs = new java.util.ArrayList<>();
            java.util.Set<Long> seen = new java.util.HashSet<>();
            long after = cursor;
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!seen.containsAll(notified) && Instant.now().isBefore(deadline)) {
                DocumentContext page = JsonPath.parse(mvc.perform(get("/api/v1/municipalities/" + SABAE + "/changes")
                        .param("after", Long.toString(after)).param("limit", "4").with(as("sabae-clerk")))
                        .andReturn().getResponse().getContentAsString());
                for (Number seq : page.<List<Number>>read("$.changes[*].seq")) {
                    seqs.add(seq.longValue());
                }
                for (Number no : page.<List<Number>>read("$.changes[*].notificationNo")) {
                    assertThat(seen.add(no.longValue())).as("each change once").isTrue();
                }
                after = page.<Number>read("$.next").longValue();
                Thread.sleep(20);
            }
            assertThat(seen).containsAll(notified);
            for (int i = 0; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).as("gap-free and ordered").isEqualTo(cursor + 1 + i);
            }
        } finally {
            pool.shutdown();
        }
    }
}

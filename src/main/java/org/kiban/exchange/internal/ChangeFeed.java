package org.kiban.exchange.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.kiban.exchange.ChangeFeedEntry;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.resident.ResidentEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends each resident event to its tenant's change feed. The event arrives after the notification committed,
 * from Spring Modulith's publication registry (stored with the notification, redelivered after a crash); a second
 * delivery of the same notification is ignored, so readers see each 異動 once.
 */
@Service
public class ChangeFeed {

    private static final Actor FEED = Actor.system("change-feed");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    ChangeFeed(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    /** The tenant comes from the event, so the transaction is opened only once it is in context. */
    @Async
    @TransactionalEventListener
    void on(ResidentEvent event) {
        TenantContext.runAs(event.lgCode(), FEED, () -> tx.executeWithoutResult(s -> append(event)));
    }

    void append(ResidentEvent e) {
        String lg = e.lgCode();
        boolean seen = jdbc.sql("select count(*) from change_feed where lg_code = ? and notification_no = ?")
                .params(lg, e.notificationNo()).query(Integer.class).single() > 0;
        if (seen) {
            return;
        }
        long seq = jdbc.sql("""
                        insert into change_feed_head (lg_code, last_seq) values (?, 1)
                        on conflict (lg_code) do update set last_seq = change_feed_head.last_seq + 1
                        returning last_seq""")
                .param(lg).query(Long.class).single();
        List<Map<String, Object>> persons = e.persons().stream().map(p -> Map.<String, Object>of(
                "atenaNo", p.atenaNo(), "rirekiNo", p.rirekiNo(), "householdNo", p.householdNo(),
                "status", p.status().name())).toList();
        jdbc.sql("""
                        insert into change_feed (lg_code, seq, recorded_at, event_type, notification_no, reason,
                            effective_date, effective_on, notified_on, persons)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lg, seq, Timestamp.from(Instant.now()), e.getClass().getSimpleName(), e.notificationNo(),
                        e.reason().name(), e.effectiveDate(), date(e.effectiveOn()), date(e.notifiedOn()),
                        json.writeValueAsString(persons))
                .update();
    }

    /** Entries of the current tenant after {@code cursor}, oldest first. */
    @Transactional(readOnly = true)
    public List<ChangeFeedEntry> after(long cursor, int limit) {
        return jdbc.sql("select * from change_feed where lg_code = ? and seq > ? order by seq limit ?")
                .params(TenantContext.requireLgCode(), cursor, limit)
                .query((rs, n) -> new ChangeFeedEntry(rs.getLong("seq"), rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("event_type"), rs.getLong("notification_no"), rs.getString("reason"),
                        rs.getString("effective_date"), rs.getObject("effective_on", LocalDate.class),
                        rs.getObject("notified_on", LocalDate.class), rs.getString("persons")))
                .list();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}

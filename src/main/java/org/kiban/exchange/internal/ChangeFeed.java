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
    private final org.kiban.resident.Residents residents;
    private final org.kiban.resident.ProtectionMeasures protections;

    ChangeFeed(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json, org.kiban.resident.Residents residents,
               org.kiban.resident.ProtectionMeasures protections) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.residents = residents;
        this.protections = protections;
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
        java.util.Set<String> protectedPersons = protections.protectedAmong(
                e.persons().stream().map(org.kiban.resident.ResidentEvent.PersonChange::atenaNo).toList());
        List<Map<String, Object>> persons = e.persons().stream().map(p -> {
            Map<String, Object> person = new java.util.LinkedHashMap<>();
            person.put("atenaNo", p.atenaNo());
            person.put("rirekiNo", p.rirekiNo());
            person.put("householdNo", p.householdNo());
            person.put("status", p.status().name());
            person.put("protected", protectedPersons.contains(p.atenaNo()));
            person.put("changed", changedItems(p.atenaNo(), p.rirekiNo()));
            return person;
        }).toList();
        jdbc.sql("""
                        insert into change_feed (lg_code, seq, recorded_at, event_type, notification_no, reason,
                            effective_date, effective_on, notified_on, persons)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lg, seq, Timestamp.from(Instant.now()), e.getClass().getSimpleName(), e.notificationNo(),
                        e.reason().name(), e.effectiveDate(), date(e.effectiveOn()), date(e.notifiedOn()),
                        json.writeValueAsString(persons))
                .update();
    }

    /**
     * The inquiry items (as {@code fields} names them) that differ between this version and the one before: what
     * a consumer re-reads, not the whole person. A first version (転入, 出生) changed every item it has.
     */
    private List<String> changedItems(String atenaNo, int rirekiNo) {
        var now = residents.versionForIssuance(atenaNo, rirekiNo).orElse(null);
        if (now == null) {
            return List.of();
        }
        var before = rirekiNo > 1 ? residents.versionForIssuance(atenaNo, rirekiNo - 1).orElse(null) : null;
        List<String> changed = new java.util.ArrayList<>();
        for (InquiryItem item : InquiryItem.values()) {
            if (item == InquiryItem.PROTECTION_MEASURE) {
                continue;
            }
            Object value = item.valueOf(now);
            if (before == null ? value != null : !java.util.Objects.equals(value, item.valueOf(before))) {
                changed.add(item.field());
            }
        }
        return changed;
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

package org.kiban.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditQuery;
import org.kiban.audit.AuditRecord;
import org.kiban.audit.AuditTrail;
import org.kiban.audit.ChainVerification;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to and checks the hash chain of each tenant. Appends lock the tenant's {@code audit_chain_head} row,
 * so sequence numbers have no gaps and each entry links to the one committed before it.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final JsonMapper json;

    JdbcAuditTrail(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.streaming = new JdbcTemplate(template.getDataSource());
        this.streaming.setFetchSize(1000);
    }

    @Override
    @Transactional
    public AuditRecord record(AuditEvent event) {
        String lgCode = TenantContext.requireLgCode();
        Actor actor = TenantContext.currentActor();
        // Two round trips: lock (or create) the tenant's chain head, then append the entry and move the head.
        record Head(long seq, String hash) { }
        Head head = jdbc.sql("""
                        insert into audit_chain_head as h (lg_code, last_seq, last_hash) values (?, 0, ?)
                        on conflict (lg_code) do update set lg_code = h.lg_code
                        returning h.last_seq, h.last_hash""")
                .params(lgCode, AuditHashing.GENESIS).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long seq = head.seq() + 1;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String detail = event.detail().isEmpty() ? null : json.writeValueAsString(event.detail());
        String hash = AuditHashing.hash(lgCode, seq, now, actor.qualifiedId(), actor.name(), actor.officeCode(),
                event.action(), event.targetType(), event.targetId(), event.individualNumberShown(), detail, head.hash());
        jdbc.sql("""
                        with entry as (
                            insert into audit_entry (lg_code, seq, occurred_at, actor, actor_name, office_code, action,
                                target_type, target_id, individual_number_shown, detail, prev_hash, hash)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))
                        update audit_chain_head set last_seq = ?, last_hash = ? where lg_code = ?""")
                .params(lgCode, seq, Timestamp.from(now), actor.qualifiedId(), actor.name(), actor.officeCode(),
                        event.action(), event.targetType(), event.targetId(), event.individualNumberShown(), detail,
                        head.hash(), hash, seq, hash, lgCode)
                .update();
        return new AuditRecord(lgCode, seq, now, actor.qualifiedId(), actor.name(), actor.officeCode(), event.action(),
                event.targetType(), event.targetId(), event.individualNumberShown(), detail, head.hash(), hash);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditRecord> search(AuditQuery q) {
        StringBuilder sql = new StringBuilder("select * from audit_entry where lg_code = ?");
        List<Object> args = new ArrayList<>();
        args.add(TenantContext.requireLgCode());
        if (q.from() != null) {
            sql.append(" and occurred_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and occurred_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        condition(sql, args, "actor", q.actor());
        condition(sql, args, "action", q.action());
        condition(sql, args, "target_type", q.targetType());
        condition(sql, args, "target_id", q.targetId());
        if (q.beforeSeq() != null) {
            sql.append(" and seq < ?");
            args.add(q.beforeSeq());
        }
        sql.append(" order by seq desc limit ?");
        args.add(Math.max(1, Math.min(500, q.limit())));
        return jdbc.sql(sql.toString()).params(args).query(JdbcAuditTrail::map).list();
    }

    private static void condition(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        String lgCode = TenantContext.requireLgCode();
        var state = new Object() {
            long expected = 1;
            long checked;
            String prev = AuditHashing.GENESIS;
            Long brokenAt;
            String reason;
        };
        streaming.query("select * from audit_entry where lg_code = ? order by seq", rs -> {
            if (state.brokenAt != null) {
                return;
            }
            AuditRecord r = map(rs, 0);
            state.checked++;
            if (r.seq() != state.expected) {
                state.brokenAt = state.expected;
                state.reason = "番号 " + state.expected + " の記録がありません（削除されています）。";
            } else if (!r.prevHash().equals(state.prev)) {
                state.brokenAt = r.seq();
                state.reason = "番号 " + r.seq() + " の記録が直前の記録とつながっていません。";
            } else if (!AuditHashing.hash(r).equals(r.hash())) {
                state.brokenAt = r.seq();
                state.reason = "番号 " + r.seq() + " の記録の内容が書き換えられています。";
            }
            state.prev = r.hash();
            state.expected = r.seq() + 1;
        }, lgCode);
        record Head(long seq, String hash) { }
        Head head = jdbc.sql("select last_seq, last_hash from audit_chain_head where lg_code = ?").param(lgCode)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional().orElse(new Head(0, AuditHashing.GENESIS));
        if (state.brokenAt == null && (head.seq() != state.expected - 1 || !head.hash().equals(state.prev))) {
            state.brokenAt = state.expected;
            state.reason = "最新の記録（番号 " + head.seq() + "）までそろっていません（末尾が削除されています）。";
        }
        return new ChainVerification(lgCode, state.brokenAt == null, state.checked, head.seq(), state.brokenAt, state.reason);
    }

    private static AuditRecord map(ResultSet rs, int n) throws SQLException {
        return new AuditRecord(rs.getString("lg_code"), rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"), rs.getString("actor_name"), rs.getString("office_code"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getBoolean("individual_number_shown"),
                rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}

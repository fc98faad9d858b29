package org.kiban.exchange.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's standard-layout imports, dry runs included, with the errors each found ({@code import_attempt},
 * {@code import_error}): written once an import ended, read by the counter's work list. Reads are audited (an error
 * message may quote a value of a person).
 */
@Service
public class ImportAttempts {

    /** Errors kept per attempt; the count covers them all. */
    static final int STORED_ERRORS = 1_000;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ImportAttempts(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** One import or dry run. */
    public record Attempt(long attemptNo, boolean dryRun, String source, long rows, long errorCount, boolean imported,
                          Instant startedAt, Instant finishedAt, String actor) {
    }

    /** One error kept of an attempt. */
    public record StoredError(long attemptNo, Instant finishedAt, boolean dryRun, String source, String file, long line,
                              String item, String message) {
    }

    static void record(JdbcClient jdbc, String lg, Importer.Report report, String source, String fileSetSha256,
                       Instant started, Instant finished) {
        long no = jdbc.sql("select coalesce(max(attempt_no), 0) + 1 from import_attempt where lg_code = ?").param(lg)
                .query(Long.class).single();
        String sha = fileSetSha256 != null && fileSetSha256.matches("[0-9a-f]{64}") ? fileSetSha256 : null;
        String src = source.length() > 200 ? source.substring(0, 200) : source;
        jdbc.sql("""
                        insert into import_attempt (lg_code, attempt_no, dry_run, source, file_set_sha256, rows, error_count,
                            imported, started_at, finished_at, actor)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lg, no, report.dryRun(), src, sha, report.rows(), report.errorCount(), report.imported(),
                        Timestamp.from(started), Timestamp.from(finished), TenantContext.currentActor().qualifiedId())
                .update();
        List<ImportError> errors = report.errors();
        int seq = 0;
        for (ImportError e : errors.subList(0, Math.min(errors.size(), STORED_ERRORS))) {
            jdbc.sql("insert into import_error (lg_code, attempt_no, seq, file, line, item, message) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(lg, no, ++seq, e.file(), e.line(), e.item(), e.message()).update();
        }
    }

    /** The latest attempts that found errors, newest first. */
    @Transactional(readOnly = true)
    public List<Attempt> withErrors(int limit) {
        return jdbc.sql("""
                        select * from import_attempt where lg_code = ? and error_count > 0
                        order by finished_at desc, attempt_no desc limit ?""")
                .params(TenantContext.requireLgCode(), limit)
                .query((rs, n) -> new Attempt(rs.getLong("attempt_no"), rs.getBoolean("dry_run"), rs.getString("source"),
                        rs.getLong("rows"), rs.getLong("error_count"), rs.getBoolean("imported"),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(),
                        rs.getString("actor"))).list();
    }

    /** The first {@code limit} errors kept of the given attempts, newest attempt first, in the order found; audited. */
    @Transactional
    public List<StoredError> errors(List<Long> attemptNos, int limit) {
        if (attemptNos.isEmpty()) {
            return List.of();
        }
        List<StoredError> found = jdbc.sql("""
                        select a.attempt_no, a.finished_at, a.dry_run, a.source, e.file, e.line, e.item, e.message
                        from import_error e join import_attempt a on a.lg_code = e.lg_code and a.attempt_no = e.attempt_no
                        where e.lg_code = ? and e.attempt_no = any (?)
                        order by a.finished_at desc, a.attempt_no desc, e.seq limit ?""")
                .params(TenantContext.requireLgCode(), attemptNos.toArray(Long[]::new), limit)
                .query((rs, n) -> new StoredError(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getBoolean(3),
                        rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8))).list();
        if (!found.isEmpty()) {
            audit.record(AuditEvent.of("exchange.import-errors-read", "tenant", TenantContext.requireLgCode(),
                    Map.of("attempts", new ArrayList<>(attemptNos), "errors", found.size())));
        }
        return found;
    }

    /** One attempt of the tenant. */
    @Transactional(readOnly = true)
    public Optional<Attempt> attempt(long attemptNo) {
        return jdbc.sql("select * from import_attempt where lg_code = ? and attempt_no = ?")
                .params(TenantContext.requireLgCode(), attemptNo)
                .query((rs, n) -> new Attempt(rs.getLong("attempt_no"), rs.getBoolean("dry_run"), rs.getString("source"),
                        rs.getLong("rows"), rs.getLong("error_count"), rs.getBoolean("imported"),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(),
                        rs.getString("actor"))).optional();
    }
}

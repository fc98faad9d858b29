package org.kiban.exchange.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.kiban.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The log of a tenant's exports and imports ({@code exchange_run}). */
final class Runs {

    private Runs() {
    }

    static void record(JdbcClient jdbc, String lg, String kind, Manifest m, String sourceLg, Instant started, Instant finished) {
        long no = jdbc.sql("select coalesce(max(run_no), 0) + 1 from exchange_run where lg_code = ?").param(lg)
                .query(Long.class).single();
        jdbc.sql("""
                        insert into exchange_run (lg_code, run_no, kind, layout_version, file_set_sha256, source_lg_code,
                            since_cursor, cursor, rows, started_at, finished_at, actor)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lg, no, kind, m.layoutVersion(), m.fileSetSha256(), sourceLg, m.since(), m.cursor(), m.rows(),
                        Timestamp.from(started), Timestamp.from(finished), TenantContext.currentActor().qualifiedId())
                .update();
    }

    /** When the tenant last imported this file set, if it did. */
    static Optional<Instant> imported(JdbcClient jdbc, String lg, String fileSetSha256) {
        return jdbc.sql("""
                        select finished_at from exchange_run where lg_code = ? and kind = 'IMPORT' and file_set_sha256 = ?
                        order by run_no desc limit 1""")
                .params(lg, fileSetSha256).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }
}

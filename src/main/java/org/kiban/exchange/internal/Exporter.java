package org.kiban.exchange.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.exchange.internal.layout.LayoutFile;
import org.kiban.exchange.internal.layout.StandardLayout;
import org.kiban.platform.Actor;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.Tenants;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export of a tenant's data set in the standard layout: every file from one consistent snapshot (a read-only,
 * repeatable-read transaction), each streamed by PostgreSQL's {@code COPY … TO} in CSV straight to its destination
 * while its SHA-256 is computed (memory does not grow with the data), then {@code manifest.json}. One audit entry
 * records the export (it contains every person's data, 個人番号 included).
 */
@Service
public class Exporter {

    static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX");
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** Where the files go: a directory, a ZIP stream. The exporter closes each stream it opened. */
    @FunctionalInterface
    public interface Target {
        OutputStream open(String file) throws IOException;
    }

    /** Told after each file. */
    @FunctionalInterface
    public interface Listener {
        void exported(Manifest.FileEntry entry);
    }

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final Tenants tenants;
    private final JsonMapper json;

    Exporter(JdbcTemplate jdbcTemplate, JdbcClient jdbc, PlatformTransactionManager transactions, AuditTrail audit,
             Tenants tenants, JsonMapper json) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.audit = audit;
        this.tenants = tenants;
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    /**
     * Exports tenant {@code lgCode}: everything ({@code since} null) or a delta after a cursor, as the current actor
     * (or the system, from the command line).
     */
    public Manifest export(String lgCode, Cursor since, Target target, Listener listener) {
        if (tenants.find(lgCode).isEmpty()) {
            throw ProblemException.notFound("テナント", lgCode);
        }
        Actor actor = TenantContext.currentActor();
        Instant started = Instant.now();
        record Snapshot(List<Manifest.FileEntry> files, Cursor cursor) {
        }
        Snapshot snap = TenantContext.callAs(lgCode, actor, () -> snapshot.execute(s -> {
            List<Manifest.FileEntry> files = new ArrayList<>();
            for (LayoutFile f : StandardLayout.FILES) {
                Manifest.FileEntry entry = writeFile(f, lgCode, since, target);
                files.add(entry);
                if (listener != null) {
                    listener.exported(entry);
                }
            }
            long notification = jdbc.sql("select coalesce(max(notification_no), 0) from resident_notification where lg_code = ?")
                    .param(lgCode).query(Long.class).single();
            long issue = jdbc.sql("select coalesce(max(issue_seq), 0) from certificate_issue where lg_code = ?")
                    .param(lgCode).query(Long.class).single();
            return new Snapshot(files, new Cursor(notification, issue));
        }));
        Instant finished = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Manifest manifest = new Manifest(StandardLayout.NAME, StandardLayout.VERSION, lgCode,
                since == null ? Manifest.FULL : Manifest.DELTA, since == null ? null : since.toString(),
                snap.cursor().toString(), INSTANT.format(OffsetDateTime.ofInstant(finished, JAPAN)), snap.files());
        try (OutputStream out = target.open(StandardLayout.MANIFEST)) {
            out.write(json.writeValueAsBytes(manifest));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TenantContext.runAs(lgCode, actor, () -> tx.executeWithoutResult(s -> {
            Runs.record(jdbc, lgCode, "EXPORT", manifest, lgCode, started, finished);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("kind", manifest.kind());
            detail.put("since", manifest.since());
            detail.put("cursor", manifest.cursor());
            detail.put("rows", manifest.rows());
            detail.put("fileSetSha256", manifest.fileSetSha256());
            audit.record(new AuditEvent("exchange.exported", "tenant", lgCode, true, detail));
        }));
        return manifest;
    }

    private Manifest.FileEntry writeFile(LayoutFile f, String lg, Cursor since, Target target) {
        MessageDigest sha = sha256();
        long[] bytes = new long[1];
        long rows;
        try (OutputStream raw = target.open(f.file());
             OutputStream out = new DigestOutputStream(new Counting(raw, bytes), sha)) {
            out.write((String.join(",", f.header()) + "\n").getBytes(StandardCharsets.UTF_8));
            String sql = LayoutSql.copyOut(f, lg, since);
            rows = jdbcTemplate.execute((ConnectionCallback<Long>) con -> {
                try {
                    return con.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifest.FileEntry(f.file(), f.entity(), rows, bytes[0], HexFormat.of().formatHex(sha.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the bytes that pass; does not close the destination twice. */
    private static final class Counting extends FilterOutputStream {
        private final long[] count;

        Counting(OutputStream out, long[] count) {
            super(out);
            this.count = count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count[0]++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count[0] += len;
        }
    }

}

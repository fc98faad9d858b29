package org.kiban.exchange.internal;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.exchange.internal.layout.LayoutFile;
import org.kiban.exchange.internal.layout.StandardLayout;
import org.kiban.platform.Actor;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.Tenants;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;
import org.springframework.beans.factory.annotation.Value;
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
 * repeatable-read transaction), each streamed by PostgreSQL's {@code COPY … TO} (binary, formatted into CSV by
 * {@link BinaryCsv}, ADR 0017) straight to its destination while its SHA-256 is computed (memory does not grow with
 * the data), then {@code manifest.json}. One audit entry records the export (it contains every person's data, 個人番号
 * included). Before the snapshot, the export closes the
 * tenant's export generation, which the delta of the files without an ordered number is cut by (ADR 0016).
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

    /**
     * How an export uses the database: a file of at least {@code minRows} rows is cut into {@code connections} ranges
     * of its first key, each written by its own connection on the same snapshot ({@code pg_export_snapshot()}), so
     * that several PostgreSQL backends format the CSV at once; the ranges are joined in key order, so the file is
     * the same byte for byte as one {@code COPY} would write.
     */
    public record Parallelism(int connections, long minRows) {
        public static final Parallelism SERIAL = new Parallelism(1, Long.MAX_VALUE);

        public Parallelism {
            if (connections < 1 || minRows < 1) {
                throw new IllegalArgumentException(connections + " connections, " + minRows + " rows");
            }
        }
    }

    /**
     * Who writes the CSV: PostgreSQL ({@code COPY … (FORMAT csv)} of the items' SQL expressions), or Java from a
     * {@code COPY … (FORMAT binary)} of the stored values ({@link BinaryCsv}, ADR 0017), the same bytes either way.
     */
    public enum Formatting {
        POSTGRESQL,
        JAVA
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
    private final DataSource dataSource;
    private final Parallelism parallelism;
    private final Formatting formatting;

    Exporter(JdbcTemplate jdbcTemplate, JdbcClient jdbc, PlatformTransactionManager transactions, AuditTrail audit,
             Tenants tenants, JsonMapper json, DataSource dataSource,
             @Value("${kiban.exchange.export.connections:2}") int connections,
             @Value("${kiban.exchange.export.parallel-min-rows:200000}") long parallelMinRows,
             @Value("${kiban.exchange.export.formatting:JAVA}") Formatting formatting) {
        this.formatting = formatting;
        this.dataSource = dataSource;
        this.parallelism = new Parallelism(connections, parallelMinRows);
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
        return export(lgCode, since, target, listener, parallelism);
    }

    /** {@link #export(String, Cursor, Target, Listener)} with the given use of the database. */
    public Manifest export(String lgCode, Cursor since, Target target, Listener listener, Parallelism parallel) {
        return export(lgCode, since, target, listener, parallel, formatting);
    }

    /** {@link #export(String, Cursor, Target, Listener)} with the given use of the database and formatting. */
    public Manifest export(String lgCode, Cursor since, Target target, Listener listener, Parallelism parallel,
                           Formatting formatting) {
        if (tenants.find(lgCode).isEmpty()) {
            throw ProblemException.notFound("テナント", lgCode);
        }
        Actor actor = TenantContext.currentActor();
        Instant started = Instant.now();
        record Snapshot(List<Manifest.FileEntry> files, Cursor cursor) {
        }
        Snapshot snap;
        try (Generation closing = closeGeneration(lgCode, actor)) {
            snap = TenantContext.callAs(lgCode, actor, () -> snapshot.execute(s -> {
                // The transaction's first statement fixes its snapshot (repeatable read); only then may writers go on.
                jdbc.sql("select 1").query(Integer.class).single();
                closing.commit();
                List<Manifest.FileEntry> files = new ArrayList<>();
                Ranges ranges = parallel.connections() == 1 ? null : new Ranges(lgCode, actor, parallel,
                        jdbc.sql("select pg_export_snapshot()").query(String.class).single());
                for (LayoutFile f : StandardLayout.FILES) {
                    Manifest.FileEntry entry = writeFile(f, lgCode, since, target, ranges, formatting);
                    files.add(entry);
                    if (listener != null) {
                        listener.exported(entry);
                    }
                }
                long notification = jdbc.sql("select coalesce(max(notification_no), 0) from resident_notification where lg_code = ?")
                        .param(lgCode).query(Long.class).single();
                long issue = jdbc.sql("select coalesce(max(issue_seq), 0) from certificate_issue where lg_code = ?")
                        .param(lgCode).query(Long.class).single();
                return new Snapshot(files, new Cursor(notification, issue, generation(lgCode)));
            }));
        }
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

    /**
     * The highest export generation of the stamped rows (state, tax and care files) in the snapshot, 0 when there is none: every row stamped
     * up to the generation just closed is in it (its writer committed before the close), every later row or change
     * is stamped higher (ADR 0016).
     */
    private long generation(String lg) {
        String max = StandardLayout.FILES.stream().filter(f -> LayoutFile.GENERATION.equals(f.deltaColumn()))
                .map(f -> "(select max(" + LayoutFile.GENERATION + ") from " + f.table() + " where lg_code = :lg)")
                .collect(Collectors.joining(", "));
        return jdbc.sql("select coalesce(greatest(" + max + "), 0)").param("lg", lg).query(Long.class).single();
    }

    /**
     * Closes the tenant's export generation on a connection of its own: the exclusive lock waits until every open
     * transaction that stamped a tax or care row has committed (they hold the shared lock until then) and keeps new
     * ones from stamping; the generation is raised under it. The caller takes its snapshot and then commits this,
     * so that the snapshot holds every row of the closed generation and none of the next.
     */
    private Generation closeGeneration(String lg, Actor actor) {
        try {
            Connection con = dataSource.getConnection();
            try {
                con.setAutoCommit(false);
                try (PreparedStatement ps = con.prepareStatement(
                        "select set_config('kiban.lg_code', ?, true), set_config('kiban.actor', ?, true), "
                                + "pg_advisory_xact_lock(hashtextextended('kiban-export-generation-' || ?, 0))")) {
                    ps.setString(1, lg);
                    ps.setString(2, actor.qualifiedId());
                    ps.setString(3, lg);
                    ps.execute();
                }
                try (PreparedStatement ps = con.prepareStatement("insert into exchange_generation (lg_code, current) "
                        + "values (?, 1) on conflict (lg_code) do update set current = exchange_generation.current + 1")) {
                    ps.setString(1, lg);
                    ps.executeUpdate();
                }
                return new Generation(con);
            } catch (SQLException | RuntimeException e) {
                con.rollback();
                con.setAutoCommit(true);
                con.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("export generation of " + lg + ": " + e.getMessage(), e);
        }
    }

    /** The open transaction that closed a generation: committed once the snapshot is taken, else rolled back. */
    private static final class Generation implements AutoCloseable {
        private final Connection con;
        private boolean committed;

        Generation(Connection con) {
            this.con = con;
        }

        void commit() {
            try {
                con.commit();
                committed = true;
            } catch (SQLException e) {
                throw new IllegalStateException("export generation: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try (con) {
                if (!committed) {
                    con.rollback();
                }
                con.setAutoCommit(true);
            } catch (SQLException e) {
                throw new IllegalStateException("export generation: " + e.getMessage(), e);
            }
        }
    }

    private Manifest.FileEntry writeFile(LayoutFile f, String lg, Cursor since, Target target, Ranges ranges,
                                         Formatting formatting) {
        LayoutSql.BinaryPlan plan = formatting == Formatting.JAVA ? binaryPlan(f) : null;
        MessageDigest sha = sha256();
        long[] bytes = new long[1];
        long rows;
        try (OutputStream raw = target.open(f.file());
             OutputStream out = new DigestOutputStream(new Counting(raw, bytes), sha)) {
            out.write((String.join(",", f.header()) + "\n").getBytes(StandardCharsets.UTF_8));
            List<String> bounds = ranges == null ? List.of() : ranges.bounds(f, LayoutSql.where(f, lg, since));
            if (bounds.isEmpty()) {
                rows = copyOut(f, lg, since, null, null, plan, out);
            } else {
                rows = ranges.write(f, lg, since, bounds, plan, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifest.FileEntry(f.file(), f.entity(), rows, bytes[0], HexFormat.of().formatHex(sha.digest()));
    }

    /** {@code COPY … TO STDOUT} of a range of a file on the transaction's connection into {@code out}; the rows. */
    private long copyOut(LayoutFile f, String lg, Cursor since, String from, String to, LayoutSql.BinaryPlan plan,
                         OutputStream out) {
        return jdbcTemplate.execute((ConnectionCallback<Long>) con -> copy(con, f, lg, since, from, to, plan, out));
    }

    /**
     * The rows of a file whose first key is in [from, to) (null: unbounded) as CSV into {@code out}: formatted by
     * PostgreSQL, or by Java from a binary {@code COPY} when there is a {@code plan}. The number of rows.
     */
    private static long copy(Connection con, LayoutFile f, String lg, Cursor since, String from, String to,
                             LayoutSql.BinaryPlan plan, OutputStream out) throws SQLException {
        CopyManager api = con.unwrap(PGConnection.class).getCopyAPI();
        try {
            if (plan == null) {
                return api.copyOut(LayoutSql.copyOut(f, lg, since, from, to), out);
            }
            BinaryCsv csv = new BinaryCsv(plan.columns(), out);
            CopyOut copy = api.copyOut(LayoutSql.copyOutBinary(f, lg, since, from, to, plan));
            try {
                byte[] message;
                while ((message = copy.readFromCopy()) != null) {
                    csv.accept(message);
                }
            } catch (IOException | SQLException | RuntimeException e) {
                // Leave the connection usable for the rollback that follows.
                if (copy.isActive()) {
                    try {
                        copy.cancelCopy();
                    } catch (SQLException cancel) {
                        e.addSuppressed(cancel);
                    }
                }
                throw e;
            }
            long rows = csv.finish();
            if (rows != copy.getHandledRowCount()) {
                throw new IllegalStateException(f.file() + ": " + rows + " rows formatted, "
                        + copy.getHandledRowCount() + " sent");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How Java formats the file: the result types of its columns, asked of the database (no rows are read). */
    private LayoutSql.BinaryPlan binaryPlan(LayoutFile f) {
        return jdbcTemplate.execute((ConnectionCallback<LayoutSql.BinaryPlan>) con -> {
            try (PreparedStatement ps = con.prepareStatement("select " + String.join(", ", LayoutSql.binaryCandidates(f))
                    + " from " + f.table() + " where false")) {
                ResultSetMetaData meta = ps.getMetaData();
                List<String> types = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    types.add(meta.getColumnTypeName(i));
                }
                return LayoutSql.binaryPlan(f, types);
            }
        });
    }

    /**
     * The ranges of a large file written at once: the first range by the snapshot's own connection straight into
     * the file, each other one by a connection of its own that adopts the snapshot ({@code SET TRANSACTION
     * SNAPSHOT}, before any other statement of its transaction) into a temporary spool file; the spools are then
     * appended in key order. Memory stays constant; the spools take the range's size on disk, briefly.
     */
    private final class Ranges {
        final String lg;
        final Actor actor;
        final Parallelism parallel;
        final String snapshotId;

        Ranges(String lg, Actor actor, Parallelism parallel, String snapshotId) {
            this.lg = lg;
            this.actor = actor;
            this.parallel = parallel;
            this.snapshotId = snapshotId;
        }

        /**
         * The first-key values where ranges 2..n start (distinct, ascending), or none for a small file. Cutting on
         * the first key keeps a person's history (宛名番号 with every 履歴番号) in one range.
         */
        List<String> bounds(LayoutFile f, String where) {
            long count = jdbc.sql("select count(*) from " + f.table() + " where " + where).query(Long.class).single();
            if (count < parallel.minRows() || count < parallel.connections()) {
                return List.of();
            }
            String k = f.key().get(0);
            List<String> bounds = new ArrayList<>();
            for (int i = 1; i < parallel.connections(); i++) {
                jdbc.sql("select " + k + "::text from " + f.table() + " where " + where + " order by " + k
                                + " offset ? limit 1").param(count * i / parallel.connections())
                        .query(String.class).optional()
                        .filter(b -> bounds.isEmpty() || !bounds.get(bounds.size() - 1).equals(b))
                        .ifPresent(bounds::add);
            }
            return bounds;
        }

        long write(LayoutFile f, String lg, Cursor since, List<String> bounds, LayoutSql.BinaryPlan plan,
                   OutputStream out) throws IOException {
            List<Path> spools = new ArrayList<>();
            List<Future<Long>> others = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(bounds.size(), r -> {
                Thread t = new Thread(r, "export-" + f.table());
                t.setDaemon(true);
                return t;
            });
            try {
                for (int i = 0; i < bounds.size(); i++) {
                    Path spool = Files.createTempFile("kiban-export-", ".part");
                    spools.add(spool);
                    String from = bounds.get(i);
                    String to = i + 1 < bounds.size() ? bounds.get(i + 1) : null;
                    others.add(pool.submit(() -> spool(f, since, from, to, plan, spool)));
                }
                long rows = copyOut(f, lg, since, null, bounds.get(0), plan, out);
                for (int i = 0; i < spools.size(); i++) {
                    rows += others.get(i).get();
                    Files.copy(spools.get(i), out);
                }
                return rows;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("export interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("export of " + f.file() + " failed: " + cause.getMessage(), cause);
            } finally {
                pool.shutdownNow();
                for (Path spool : spools) {
                    Files.deleteIfExists(spool);
                }
            }
        }

        /** One range [from, to) on a connection of its own, in a read-only transaction on the snapshot, into {@code spool}. */
        private long spool(LayoutFile f, Cursor since, String from, String to, LayoutSql.BinaryPlan plan, Path spool)
                throws SQLException, IOException {
            try (Connection con = dataSource.getConnection();
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16)) {
                boolean autoCommit = con.getAutoCommit();
                con.setAutoCommit(false);
                try (Statement st = con.createStatement()) {
                    st.execute("set transaction isolation level repeatable read, read only");
                    st.execute("set transaction snapshot '" + snapshotId.replace("'", "''") + "'");
                    try (PreparedStatement ps = con.prepareStatement(
                            "select set_config('kiban.lg_code', ?, true), set_config('kiban.actor', ?, true)")) {
                        ps.setString(1, lg);
                        ps.setString(2, actor.qualifiedId());
                        ps.execute();
                    }
                    return copy(con, f, lg, since, from, to, plan, out);
                } finally {
                    con.rollback();
                    con.setAutoCommit(autoCommit);
                }
            }
        }
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

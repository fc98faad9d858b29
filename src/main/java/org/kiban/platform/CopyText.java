package org.kiban.platform;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format (tab-separated, {@code \N} for null, backslash
 * escapes), sent in 64 KiB blocks on the connection of the current transaction. COPY FROM refuses tables under
 * row-level security, so bulk writers copy into a temporary table and move the rows on with {@code INSERT … SELECT},
 * which the tenant policy checks.
 */
public final class CopyText {

    private final CopyIn copy;
    private final byte[] buffer = new byte[1 << 16];
    private final StringBuilder line = new StringBuilder(1024);
    private int used;

    private CopyText(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code sql} ({@code copy <table> (<columns>) from stdin}) on the transaction's connection. */
    public static CopyText open(JdbcTemplate jdbc, String sql) {
        CopyIn in = jdbc.execute((ConnectionCallback<CopyIn>) con -> {
            CopyManager manager = con.unwrap(PGConnection.class).getCopyAPI();
            return manager.copyIn(sql);
        });
        return new CopyText(in);
    }

    /** One row; {@code null} is SQL NULL, anything else is written as its {@code toString()}. */
    public void row(List<?> values) throws SQLException {
        line.setLength(0);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append('\t');
            }
            Object v = values.get(i);
            if (v == null) {
                line.append("\\N");
            } else {
                escape(line, v.toString());
            }
        }
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        if (used + bytes.length > buffer.length) {
            flush();
        }
        if (bytes.length > buffer.length) {
            copy.writeToCopy(bytes, 0, bytes.length);
        } else {
            System.arraycopy(bytes, 0, buffer, used, bytes.length);
            used += bytes.length;
        }
    }

    public static void escape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        if (used > 0) {
            copy.writeToCopy(buffer, 0, used);
            used = 0;
        }
    }

    /** Sends the rest and ends the COPY; returns the number of rows PostgreSQL took. */
    public long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    /** Abandons the COPY (the transaction rolls back anyway). */
    public void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the transaction rolls back anyway
        }
    }
}

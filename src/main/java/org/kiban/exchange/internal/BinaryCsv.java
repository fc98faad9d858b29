package org.kiban.exchange.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.kiban.exchange.internal.layout.CodeTable;

/**
 * The CSV that PostgreSQL's {@code COPY … TO … (FORMAT csv)} writes (comma, double quote doubled, LF, a null as
 * nothing, an empty string as {@code ""}), made in Java from a {@code COPY … (FORMAT binary)} stream of the same rows.
 * PostgreSQL then only sends the values as it stores them; the formatting (code tables, Japan time, quoting) runs on
 * the exporting thread, and with the export's connections in parallel (ADR 0017). Every kind of column formats as
 * PostgreSQL would; a test compares the two byte for byte on every file of the layout.
 *
 * <p>Fed with the {@code CopyData} messages as they arrive ({@link #accept}); a tuple may span messages. Memory: one
 * output buffer and at most one tuple.
 */
final class BinaryCsv {

    /** How one column's binary value is written. */
    enum Kind {
        /** text, varchar, bpchar: the characters, quoted when needed. */
        TEXT,
        INT2,
        INT4,
        INT8,
        /** boolean as PostgreSQL prints it: t or f. */
        BOOL,
        /** boolean as a layout flag: 1 or 0. */
        FLAG,
        /** date as {@code DateStyle ISO} prints it: YYYY-MM-DD, "infinity", a year before 1 with " BC". */
        DATE,
        /** timestamptz as {@code to_char(… at time zone interval '+09:00', YYYY-MM-DD"T"HH24:MI:SS.US"+09:00")}. */
        TIMESTAMP_JAPAN,
        /** text turned into its code by a code table; a value not in the table stays as stored. */
        CODE
    }

    /** One column: its kind and, for {@link Kind#CODE}, the table as bytes. */
    record Column(Kind kind, byte[][] stored, byte[][] codes) {
        static Column of(Kind kind) {
            if (kind == Kind.CODE) {
                throw new IllegalArgumentException("a code column needs its table");
            }
            return new Column(kind, null, null);
        }

        static Column code(CodeTable table) {
            List<CodeTable.Code> codes = table.codes();
            byte[][] stored = new byte[codes.size()][];
            byte[][] code = new byte[codes.size()][];
            for (int i = 0; i < codes.size(); i++) {
                stored[i] = codes.get(i).stored().getBytes(StandardCharsets.UTF_8);
                code[i] = codes.get(i).code().getBytes(StandardCharsets.UTF_8);
            }
            return new Column(Kind.CODE, stored, code);
        }
    }

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** Days from 1970-01-01 to PostgreSQL's epoch 2000-01-01. */
    private static final long POSTGRES_EPOCH_DAY = 10_957;
    private static final long MICROS_A_DAY = 86_400_000_000L;
    /** Japan Standard Time, UTC+9 (the layout's "+09:00"). */
    private static final long JAPAN_OFFSET_MICROS = 9L * 3_600_000_000L;
    private static final byte[] INFINITY = "infinity".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MINUS_INFINITY = "-infinity".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JAPAN_OFFSET = "+09:00".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BC = " BC".getBytes(StandardCharsets.US_ASCII);

    private final Column[] columns;
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private byte[] pending = new byte[1 << 12];
    private int pendingLength;
    private boolean headerRead;
    private boolean ended;
    private long rows;

    BinaryCsv(List<Column> columns, OutputStream out) {
        this.columns = columns.toArray(Column[]::new);
        this.out = out;
    }

    /** One message of the stream. */
    void accept(byte[] message) throws IOException {
        if (ended) {
            throw new IllegalStateException("data after the end of the binary COPY stream");
        }
        if (pendingLength == 0) {
            int used = parse(message, message.length);
            keep(message, used, message.length - used);
        } else {
            keep(message, 0, message.length);
            int used = parse(pending, pendingLength);
            System.arraycopy(pending, used, pending, 0, pendingLength - used);
            pendingLength -= used;
        }
    }

    /** Checks that the stream ended whole, and writes out what is buffered. */
    long finish() throws IOException {
        if (!ended || pendingLength != 0) {
            throw new IllegalStateException("the binary COPY stream ended without its trailer");
        }
        flush();
        return rows;
    }

    private void keep(byte[] from, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (pendingLength + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + length));
        }
        System.arraycopy(from, offset, pending, pendingLength, length);
        pendingLength += length;
    }

    /** Formats every whole tuple of {@code d[0, length)}; the number of bytes used. */
    private int parse(byte[] d, int length) throws IOException {
        int p = 0;
        if (!headerRead) {
            if (length < 19) {
                return 0;
            }
            if (!Arrays.equals(d, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                throw new IllegalStateException("not a binary COPY stream");
            }
            if ((int32(d, 11) & (1 << 16)) != 0) {
                throw new IllegalStateException("binary COPY with OIDs");
            }
            int extension = int32(d, 15);
            if (length < 19 + extension) {
                return 0;
            }
            p = 19 + extension;
            headerRead = true;
        }
        while (p + 2 <= length) {
            int fields = int16(d, p);
            if (fields == -1) {
                ended = true;
                if (p + 2 != length) {
                    throw new IllegalStateException("data after the binary COPY trailer");
                }
                return length;
            }
            if (fields != columns.length) {
                throw new IllegalStateException(fields + " fields in a tuple, " + columns.length + " expected");
            }
            // What the rest of the message can become at most: a text field twice its bytes and two quotes, a number
            // or a time about four times its bytes, plus a separator.
            long bound = 4L * (length - p) + 32L * fields + 1;
            if (pos + bound > buf.length) {
                flush();
            }
            if (bound <= buf.length) {
                // One pass, formatting as the fields come; undone if the tuple does not end in this data.
                int start = pos;
                int q = p + 2;
                boolean whole = true;
                for (int i = 0; i < fields; i++) {
                    if (q + 4 > length) {
                        whole = false;
                        break;
                    }
                    int l = int32(d, q);
                    q += 4;
                    if (i > 0) {
                        buf[pos++] = ',';
                    }
                    if (l >= 0) {
                        if (q + l > length) {
                            whole = false;
                            break;
                        }
                        field(columns[i], d, q, l);
                        q += l;
                    }
                }
                if (!whole) {
                    pos = start;
                    return p;
                }
                buf[pos++] = '\n';
                rows++;
                p = q;
                continue;
            }
            // A tuple larger than the buffer: check that it is whole, then format it.
            int q = p + 2;
            for (int i = 0; i < fields; i++) {
                if (q + 4 > length) {
                    return p;
                }
                int l = int32(d, q);
                q += 4;
                if (l > 0) {
                    if (q + l > length) {
                        return p;
                    }
                    q += l;
                }
            }
            q = p + 2;
            for (int i = 0; i < fields; i++) {
                if (i > 0) {
                    put((byte) ',');
                }
                int l = int32(d, q);
                q += 4;
                if (l >= 0) {
                    field(columns[i], d, q, l);
                    q += l;
                }
            }
            put((byte) '\n');
            rows++;
            p = q;
        }
        return p;
    }

    private void field(Column c, byte[] d, int at, int length) throws IOException {
        switch (c.kind()) {
            case TEXT -> text(d, at, length);
            case INT2 -> number(int16(d, at));
            case INT4 -> number(int32(d, at));
            case INT8 -> number(int64(d, at));
            case BOOL -> put(d[at] != 0 ? (byte) 't' : (byte) 'f');
            case FLAG -> put(d[at] != 0 ? (byte) '1' : (byte) '0');
            case DATE -> date(int32(d, at));
            case TIMESTAMP_JAPAN -> timestamp(int64(d, at));
            case CODE -> code(c, d, at, length);
        }
    }

    /** As {@code CopyAttributeOutCSV}: quoted when empty (the null string) or holding a comma, quote, CR or LF. */
    private void text(byte[] d, int at, int length) throws IOException {
        boolean quote = length == 0
                || columns.length == 1 && length == 2 && d[at] == '\\' && d[at + 1] == '.' // not the end-of-data mark
                || needsQuotes(d, at, length);
        if (!quote) {
            put(d, at, length);
            return;
        }
        put((byte) '"');
        int start = at;
        for (int i = at, end = at + length; i < end; i++) {
            if (d[i] == '"') {
                put(d, start, i + 1 - start);
                put((byte) '"');
                start = i + 1;
            }
        }
        put(d, start, at + length - start);
        put((byte) '"');
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** Whether {@code d[at, at + length)} holds a comma, a quote, CR or LF: eight bytes a step. */
    private static boolean needsQuotes(byte[] d, int at, int length) {
        int i = at;
        int end = at + length;
        for (; i + 8 <= end; i += 8) {
            long x = (long) LONGS.get(d, i);
            if ((hasByte(x, ',') | hasByte(x, '"') | hasByte(x, '\n') | hasByte(x, '\r')) != 0) {
                return true;
            }
        }
        for (; i < end; i++) {
            byte b = d[i];
            if (b == ',' || b == '"' || b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Non-zero exactly when one of the eight bytes of {@code x} is {@code b} (the zero-byte test of x ^ b…b). */
    private static long hasByte(long x, char b) {
        long y = x ^ (ONES * b);
        return (y - ONES) & ~y & HIGHS;
    }

    private void code(Column c, byte[] d, int at, int length) throws IOException {
        byte[][] stored = c.stored();
        for (int i = 0; i < stored.length; i++) {
            byte[] s = stored[i];
            if (s.length == length && Arrays.equals(s, 0, length, d, at, at + length)) {
                text(c.codes()[i], 0, c.codes()[i].length);
                return;
            }
        }
        text(d, at, length);
    }

    private void date(int days) throws IOException {
        if (days == Integer.MAX_VALUE) {
            put(INFINITY, 0, INFINITY.length);
            return;
        }
        if (days == Integer.MIN_VALUE) {
            put(MINUS_INFINITY, 0, MINUS_INFINITY.length);
            return;
        }
        LocalDate date = LocalDate.ofEpochDay(days + POSTGRES_EPOCH_DAY);
        int year = date.getYear();
        day(date);
        if (year <= 0) {
            put(BC, 0, BC.length);
        }
    }

    /** {@code to_char} of an infinite time is null: nothing is written. A year before 1 as YYYY prints it: 1 - year. */
    private void timestamp(long micros) throws IOException {
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
            return;
        }
        long local = micros + JAPAN_OFFSET_MICROS;
        long day = Math.floorDiv(local, MICROS_A_DAY);
        long ofDay = Math.floorMod(local, MICROS_A_DAY);
        day(LocalDate.ofEpochDay(day + POSTGRES_EPOCH_DAY));
        int seconds = (int) (ofDay / 1_000_000);
        int fraction = (int) (ofDay % 1_000_000);
        if (pos + 22 > buf.length) {
            flush();
        }
        buf[pos++] = 'T';
        pair(seconds / 3600);
        buf[pos++] = ':';
        pair(seconds / 60 % 60);
        buf[pos++] = ':';
        pair(seconds % 60);
        buf[pos++] = '.';
        pair(fraction / 10_000);
        pair(fraction / 100 % 100);
        pair(fraction % 100);
        System.arraycopy(JAPAN_OFFSET, 0, buf, pos, JAPAN_OFFSET.length);
        pos += JAPAN_OFFSET.length;
    }

    /** YYYY-MM-DD, the year as PostgreSQL prints it (at least four digits; before 1 as 1 - year). */
    private void day(LocalDate date) throws IOException {
        int year = date.getYear();
        int y = year > 0 ? year : 1 - year;
        if (y > 9999) {
            digits(y, 4);
        }
        if (pos + 10 > buf.length) {
            flush();
        }
        if (y <= 9999) {
            pair(y / 100);
            pair(y % 100);
        }
        buf[pos++] = '-';
        pair(date.getMonthValue());
        buf[pos++] = '-';
        pair(date.getDayOfMonth());
    }

    /** Two digits of 0..99 into the buffer, which has room for them. */
    private void pair(int v) {
        buf[pos] = PAIRS[2 * v];
        buf[pos + 1] = PAIRS[2 * v + 1];
        pos += 2;
    }

    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private void number(long value) throws IOException {
        if (value < 0) {
            byte[] s = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
            put(s, 0, s.length);
            return;
        }
        digits(value, 1);
    }

    /** A non-negative number with at least {@code width} digits, zeros in front. */
    private void digits(long value, int width) throws IOException {
        if (value < 100 && width <= 2) {
            if (pos + 2 > buf.length) {
                flush();
            }
            if (value < 10 && width <= 1) {
                buf[pos++] = (byte) ('0' + value);
            } else {
                pair((int) value);
            }
            return;
        }
        int n = 1;
        for (long v = value; v >= 10; v /= 10) {
            n++;
        }
        n = Math.max(n, width);
        if (pos + n > buf.length) {
            flush();
        }
        for (int i = pos + n - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        pos += n;
    }

    private void put(byte b) throws IOException {
        if (pos == buf.length) {
            flush();
        }
        buf[pos++] = b;
    }

    private void put(byte[] b, int offset, int length) throws IOException {
        if (length > buf.length - pos) {
            flush();
            if (length > buf.length) {
                out.write(b, offset, length);
                return;
            }
        }
        System.arraycopy(b, offset, buf, pos, length);
        pos += length;
    }

    private void flush() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    private static int int16(byte[] d, int at) {
        return (short) (((d[at] & 0xFF) << 8) | (d[at + 1] & 0xFF));
    }

    private static int int32(byte[] d, int at) {
        return ((d[at] & 0xFF) << 24) | ((d[at + 1] & 0xFF) << 16) | ((d[at + 2] & 0xFF) << 8) | (d[at + 3] & 0xFF);
    }

    private static long int64(byte[] d, int at) {
        return ((long) int32(d, at) << 32) | (int32(d, at + 4) & 0xFFFFFFFFL);
    }
}

package org.kiban.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.exchange.internal.BinaryCsv.Column;
import org.kiban.exchange.internal.BinaryCsv.Kind;
import org.kiban.exchange.internal.layout.StandardLayout;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Java's CSV from a binary COPY is PostgreSQL's own CSV, byte for byte (ADR 0017): the expected bytes are what this
 * PostgreSQL writes for the same values with {@code COPY … (FORMAT csv)} and the layout's SQL expressions, for the
 * values where formatting goes wrong: empty against null, quotes, line breaks, commas, the end-of-data mark, a
 * non-BMP kanji, years before 1 and after 9999, infinity, a time that crosses midnight in Japan.
 */
@KibanIntegrationTest
class BinaryCsvTest {

    static final String ROWS = """
            (values
              ('plain', 1::int2, 2, 3::int8, true, date '2026-12-03', timestamptz '2026-12-31 15:00:00+00', true, 'BIRTH'),
              ('', (-32768)::int2, (-2147483648)::int4, (-9223372036854775808)::int8, false, date '0044-03-15 BC',
               timestamptz '2000-01-01 00:00:00.000001+00', false, 'DEATH'),
              (null, null, null, null, null, null, null, null, null),
              ('a,b', 32767::int2, 2147483647, 9223372036854775807::int8, true, date 'infinity', timestamptz 'infinity',
               null, 'NOT_A_REASON'),
              ('say "hi"', 0::int2, 0, 0::int8, false, date '-infinity', timestamptz '-infinity', true, ''),
              (E'line\\nbreak', 10::int2, 100, 1000::int8, true, date '10000-01-01', timestamptz '1899-12-31 23:59:59.999999+00',
               false, 'MOVE_IN_DOMESTIC'),
              (E'cr\\rx', 9::int2, 99, 999::int8, true, date '0001-01-01', timestamptz '0044-03-15 BC 12:00:00+00', true,
               'CANCELLATION_AMENDMENT'),
              ('𠮷野 "', 1::int2, 1, 1::int8, true, date '1950-07-01', timestamptz '1950-07-01 10:00:00+09', true, 'birth'),
              ('\\.', 1::int2, 1, 1::int8, true, date '2000-01-01', timestamptz '2026-06-30 14:59:59.5+00', true, ' BIRTH'),
              ('"', 1::int2, 1, 1::int8, true, date '1999-12-31', timestamptz '2026-06-30 15:00:00+00', true, '"')
            ) as v(t, i2, i4, i8, b, d, ts, f, code)""";

    static final List<Column> COLUMNS = List.of(Column.of(Kind.TEXT), Column.of(Kind.INT2), Column.of(Kind.INT4),
            Column.of(Kind.INT8), Column.of(Kind.BOOL), Column.of(Kind.DATE), Column.of(Kind.TIMESTAMP_JAPAN),
            Column.of(Kind.FLAG), Column.code(StandardLayout.CHANGE_REASON));

    @Autowired
    DataSource dataSource;

    @Test
    void everyKindIsWrittenAsPostgresqlWritesIt() throws Exception {
        String postgres = "copy (select t, i2, i4, i8, b, d, to_char(ts at time zone interval '+09:00', "
                + LayoutSql.TIMESTAMP_FORMAT + "), case when f then '1' when not f then '0' end, "
                + StandardLayout.CHANGE_REASON.toCodeSql("code") + " from " + ROWS + ") to stdout with (format csv)";
        String binary = "copy (select t, i2, i4, i8, b, d, ts, f, code from " + ROWS + ") to stdout with (format binary)";
        byte[] expected = copy(postgres);
        byte[] stream = copy(binary);

        assertThat(new String(expected, java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"say \"\"hi\"\"\"", "\n\\.,1,", "0044-03-15 BC", "2027-01-01T00:00:00.000000+09:00");
        for (int chunk : new int[] {stream.length, 1, 7, 19, 20, 4096}) {
            assertThat(new String(format(COLUMNS, stream, chunk), java.nio.charset.StandardCharsets.UTF_8))
                    .as("messages of %d bytes", chunk)
                    .isEqualTo(new String(expected, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void aSingleColumnQuotesTheEndOfDataMark() throws Exception {
        String values = "(values ('\\.'), ('\\.x'), (''), (null)) as v(t)";
        byte[] expected = copy("copy (select t from " + values + ") to stdout with (format csv)");
        assertThat(new String(expected, java.nio.charset.StandardCharsets.UTF_8)).startsWith("\"\\.\"\n");
        assertThat(format(List.of(Column.of(Kind.TEXT)), copy("copy (select t from " + values
                + ") to stdout with (format binary)"), 1 << 16)).isEqualTo(expected);
    }

    @Test
    void aTupleLargerThanTheBufferIsWrittenWhole() throws Exception {
        // 120 KB of text with quotes and commas: more than the 64 KB output buffer can take in one pass.
        String values = "(values (repeat('a\"b,', 30000), 1), ('', 2), (repeat('𠮷', 20000), 3)) as v(t, n)";
        byte[] expected = copy("copy (select t, n from " + values + ") to stdout with (format csv)");
        byte[] stream = copy("copy (select t, n from " + values + ") to stdout with (format binary)");
        assertThat(expected.length).isGreaterThan(180_000);
        for (int chunk : new int[] {stream.length, 1000, 65_536}) {
            assertThat(format(List.of(Column.of(Kind.TEXT), Column.of(Kind.INT4)), stream, chunk))
                    .as("messages of %d bytes", chunk).isEqualTo(expected);
        }
    }

    @Test
    void aStreamCutShortIsAnError() throws Exception {
        byte[] stream = copy("copy (select t, i2, i4, i8, b, d, ts, f, code from " + ROWS + ") to stdout with (format binary)");
        assertThatThrownBy(() -> format(COLUMNS, Arrays.copyOf(stream, stream.length - 2), 1 << 16))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trailer");
        assertThatThrownBy(() -> format(List.of(Column.of(Kind.TEXT)), stream, 1 << 16))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("9 fields");
    }

    private byte[] copy(String sql) throws Exception {
        try (Connection con = dataSource.getConnection()) {
            CopyManager api = con.unwrap(PGConnection.class).getCopyAPI();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            api.copyOut(sql, out);
            return out.toByteArray();
        }
    }

    /** The stream fed in messages of {@code chunk} bytes. */
    private static byte[] format(List<Column> columns, byte[] stream, int chunk) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryCsv csv = new BinaryCsv(columns, out);
        for (int i = 0; i < stream.length; i += chunk) {
            csv.accept(Arrays.copyOfRange(stream, i, Math.min(stream.length, i + chunk)));
        }
        csv.finish();
        return out.toByteArray();
    }
}

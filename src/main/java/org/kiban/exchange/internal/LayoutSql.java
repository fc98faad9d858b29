package org.kiban.exchange.internal;

import java.util.stream.Collectors;

import org.kiban.common.LgCode;
import org.kiban.exchange.internal.layout.Item;
import org.kiban.exchange.internal.layout.LayoutFile;

/**
 * The SQL of the layout: how each item is written by {@code COPY … TO} (PostgreSQL formats the CSV; Java only hashes
 * and stores the stream). The one place in Kiban that reads other modules' tables for exchange (ADR 0008).
 */
final class LayoutSql {

    /** Every instant in the files is written in Japan time with microseconds, whatever the session's zone. */
    static final String TIMESTAMP_FORMAT = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+09:00\"'";

    private LayoutSql() {
    }

    /**
     * {@code COPY (select …) TO STDOUT} of one file of tenant {@code lg}, in key order; a delta after {@code since};
     * only the rows whose first key is at least {@code from} and below {@code to} when those are given (null: unbounded;
     * no unbalanced brackets here: Spring Modulith's javadoc metadata is read by a simple JSON parser).
     */
    static String copyOut(LayoutFile f, String lg, Cursor since, String from, String to) {
        String select = f.items().stream().map(LayoutSql::exportExpression).collect(Collectors.joining(", "));
        String where = where(f, lg, since);
        String k = f.key().get(0);
        if (from != null) {
            where += " and " + k + " >= " + literal(from);
        }
        if (to != null) {
            where += " and " + k + " < " + literal(to);
        }
        return "copy (select " + select + " from " + f.table() + " where " + where + " order by "
                + String.join(", ", f.key()) + ") to stdout with (format csv)";
    }

    /** The rows of one file: tenant {@code lg}, a delta after {@code since}. */
    static String where(LayoutFile f, String lg, Cursor since) {
        String lgLiteral = LgCode.of(lg).value();   // six checked digits: safe to inline (COPY takes no parameters)
        String where = "lg_code = '" + lgLiteral + "'";
        Long bound = since == null || f.deltaColumn() == null ? null : since.bound(f.deltaColumn());
        if (bound != null) {
            where += " and " + f.deltaColumn() + " > " + bound;
        }
        return where;
    }

    /** A key value read from the snapshot, as an SQL literal (the column's type converts it back). */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String exportExpression(Item i) {
        String c = i.column();
        return switch (i.type()) {
            // date's own output under DateStyle ISO (which pgjdbc sets and insists on): YYYY-MM-DD, faster than to_char
            case DATE -> c + "::text";
            case TIMESTAMP -> "to_char(" + c + " at time zone 'Asia/Tokyo', " + TIMESTAMP_FORMAT + ")";
            case DECIMAL -> c + "::text";
            case CODE -> i.codes().toCodeSql(c);
            case CODE_LIST -> "array_to_string(array(select " + i.codes().toCodeSql("x")
                    + " from unnest(" + c + ") with ordinality as u(x, n) order by n), ',')";
            case INTEGER_LIST -> "array_to_string(" + c + ", ',')";
            case FLAG -> "case when " + c + " then '1' when not " + c + " then '0' end";
            case BASE64 -> "translate(encode(" + c + ", 'base64'), E'\\n', '')";
            default -> c;
        };
    }
}

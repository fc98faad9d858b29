package org.kiban.exchange.internal;

import java.util.ArrayList;
import java.util.List;

import org.kiban.common.LgCode;
import org.kiban.exchange.internal.layout.Item;
import org.kiban.exchange.internal.layout.LayoutFile;

/**
 * The SQL of the layout: how each item is written by {@code COPY … TO}, as PostgreSQL's CSV of SQL expressions or as
 * the stored values of a binary {@code COPY} that {@link BinaryCsv} formats the same (ADR 0017). The one place in Kiban
 * that reads other modules' tables for exchange (ADR 0008).
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
        return copyOut(f, lg, since, from, to, f.items().stream().map(LayoutSql::exportExpression).toList(), "csv");
    }

    /** {@code COPY (select …) TO STDOUT (FORMAT binary)} of {@code plan}'s columns, for Java's formatting. */
    static String copyOutBinary(LayoutFile f, String lg, Cursor since, String from, String to, BinaryPlan plan) {
        return copyOut(f, lg, since, from, to, plan.select(), "binary");
    }

    private static String copyOut(LayoutFile f, String lg, Cursor since, String from, String to, List<String> columns,
                                  String format) {
        String select = String.join(", ", columns);
        String where = where(f, lg, since);
        String k = f.key().get(0);
        if (from != null) {
            where += " and " + k + " >= " + literal(from);
        }
        if (to != null) {
            where += " and " + k + " < " + literal(to);
        }
        return "copy (select " + select + " from " + f.table() + " where " + where + " order by "
                + String.join(", ", f.key()) + ") to stdout with (format " + format + ")";
    }

    /** How a file is read for Java's formatting: the select list of a binary {@code COPY}, and how each column is written. */
    record BinaryPlan(List<String> select, List<BinaryCsv.Column> columns) {
    }

    /**
     * The select list whose result types decide the {@link BinaryPlan}: the stored column where Java may format it,
     * else the item's text expression.
     */
    static List<String> binaryCandidates(LayoutFile f) {
        return f.items().stream().map(i -> switch (i.type()) {
            case DECIMAL, CODE_LIST, INTEGER_LIST, BASE64 -> exportExpression(i);
            default -> i.column();
        }).toList();
    }

    /**
     * The plan for the result types ({@code pg_type} names) of {@link #binaryCandidates}: each item as Java formats
     * it when its column has a type Java writes as PostgreSQL does, else PostgreSQL's own text of it.
     */
    static BinaryPlan binaryPlan(LayoutFile f, List<String> types) {
        List<Item> items = f.items();
        if (types.size() != items.size()) {
            throw new IllegalArgumentException(types.size() + " types for " + items.size() + " items of " + f.file());
        }
        List<String> select = new ArrayList<>();
        List<BinaryCsv.Column> columns = new ArrayList<>();
        for (int n = 0; n < items.size(); n++) {
            Item i = items.get(n);
            String c = i.column();
            String type = types.get(n);
            BinaryCsv.Column java = switch (i.type()) {
                case DECIMAL, CODE_LIST, INTEGER_LIST, BASE64 -> null;
                case TIMESTAMP -> type.equals("timestamptz") ? BinaryCsv.Column.of(BinaryCsv.Kind.TIMESTAMP_JAPAN) : null;
                case CODE -> type.equals("text") || type.equals("varchar") ? BinaryCsv.Column.code(i.codes()) : null;
                case FLAG -> type.equals("bool") ? BinaryCsv.Column.of(BinaryCsv.Kind.FLAG) : null;
                default -> byType(type);
            };
            if (java != null) {
                select.add(c);
                columns.add(java);
            } else {
                // The item's text expression; a plain column as its type's output function, as COPY's text uses it.
                String text = exportExpression(i);
                select.add(text.equals(c) ? "(" + c + ")::text" : text);
                columns.add(BinaryCsv.Column.of(BinaryCsv.Kind.TEXT));
            }
        }
        return new BinaryPlan(List.copyOf(select), List.copyOf(columns));
    }

    /** The column types Java writes as PostgreSQL's output function does (boolean as t/f), or null. */
    private static BinaryCsv.Column byType(String type) {
        BinaryCsv.Kind kind = switch (type) {
            case "text", "varchar", "bpchar" -> BinaryCsv.Kind.TEXT;
            case "int2" -> BinaryCsv.Kind.INT2;
            case "int4" -> BinaryCsv.Kind.INT4;
            case "int8" -> BinaryCsv.Kind.INT8;
            case "bool" -> BinaryCsv.Kind.BOOL;
            case "date" -> BinaryCsv.Kind.DATE;
            default -> null;
        };
        return kind == null ? null : BinaryCsv.Column.of(kind);
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
            // A fixed +09:00 (what the text says), not the zone's history (Japan's summer time of 1948–1951).
            case TIMESTAMP -> "to_char(" + c + " at time zone interval '+09:00', " + TIMESTAMP_FORMAT + ")";
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

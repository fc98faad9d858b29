package org.kiban.insight.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.kiban.insight.internal.CustomizationOverview.ComparisonRow;
import org.kiban.insight.internal.CustomizationOverview.SideBySide;
import org.kiban.insight.internal.CustomizationOverview.TenantCustomization;
import org.kiban.parameter.EffectiveParameter;
import org.kiban.parameter.ParameterDefinition;

/** CSV (RFC 4180, UTF-8 with BOM so that spreadsheet programs read the Japanese) of the customization tables. */
public final class CustomizationCsv {

    private static final String BOM = "\uFEFF";

    private CustomizationCsv() {
    }

    /** Every parameter with each member's value (※: deviates from its standard), then the rates and extensions. */
    public static String sideBySide(SideBySide table) {
        List<TenantCustomization> members = table.members();
        StringBuilder out = new StringBuilder(BOM);
        List<String> header = new ArrayList<>(List.of("区分", "パラメータ", "キー"));
        members.forEach(m -> header.add(m.name() + "（" + m.lgCode() + "）"));
        line(out, header);
        for (ParameterDefinition d : table.catalogue()) {
            List<String> row = new ArrayList<>(List.of(d.parameterClass().name() + " " + d.parameterClass().label(),
                    d.description(), d.key()));
            for (TenantCustomization m : members) {
                row.add(table.value(m.lgCode(), d.key()).map(CustomizationCsv::cell).orElse(""));
            }
            line(out, row);
        }
        summary(out, members, "標準と異なるパラメータ数", m -> String.valueOf(m.rate().deviating()));
        summary(out, members, "パラメータ数", m -> String.valueOf(m.rate().parameters()));
        summary(out, members, "拡張（カスタマイズ）数", m -> String.valueOf(m.rate().extensions()));
        summary(out, members, "拡張の行数", m -> String.valueOf(m.linesOfCode()));
        summary(out, members, "カスタマイズ率", m -> m.rate().customizationRate().toPlainString());
        summary(out, members, "適合率", m -> m.rate().fitRate().toPlainString());
        summary(out, members, "拡張の一覧", m -> m.extensions().stream()
                .map(e -> e.name() + "（" + e.parameterClass().name() + "、" + e.linesOfCode() + "行）")
                .collect(Collectors.joining("／")));
        return out.toString();
    }

    /** The change requests, one line each, grouped as on the screen. */
    public static String changeRequests(List<ComparisonRow> rows, java.util.Map<String, String> names) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, List.of("項目", "パラメータ", "区分", "団体コード", "団体", "要望番号", "要望日", "内容", "対応", "対応の理由"));
        for (ComparisonRow row : rows) {
            row.byMember().forEach((code, requests) -> requests.forEach(r -> line(out, List.of(row.subject(),
                    r.parameterKey() == null ? "" : r.parameterKey(), r.parameterClass().name(), code,
                    names.getOrDefault(code, ""), String.valueOf(r.requestNo()), r.requestedOn().toString(),
                    r.description(), r.status().label(), r.decisionNote() == null ? "" : r.decisionNote()))));
        }
        return out.toString();
    }

    private static String cell(EffectiveParameter p) {
        return p.value() + p.definition().unit() + (p.deviates() ? " ※" : "");
    }

    private static void summary(StringBuilder out, List<TenantCustomization> members, String label,
                                java.util.function.Function<TenantCustomization, String> value) {
        List<String> row = new ArrayList<>(List.of("集計", label, ""));
        members.forEach(m -> row.add(value.apply(m)));
        line(out, row);
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(CustomizationCsv::quote).collect(Collectors.joining(","))).append("\r\n");
    }

    static String quote(String s) {
        String v = s == null ? "" : s;
        // A leading =, +, - or @ would be read as a formula by spreadsheet programs (CSV injection).
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}

package org.kiban.tax.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a 給与支払報告書 or 公的年金等支払報告書 file (CSV, UTF-8, header row of item names; layout in
 * {@code docs/tax/income-reports.md}) for the current tenant: every line or none, errors name the line and the item.
 */
@Service
public class IncomeReportImport {

    public enum Kind { SALARY, PENSION }

    static final String ATENA_NO = "宛名番号";
    static final String PAYER_NO = "支払者番号";
    static final String PAYER_NAME = "支払者名称";
    static final String REVENUE = "支払金額";
    static final String SOCIAL = "社会保険料等の金額";
    static final String[] LIFE = {"新生命保険料の金額", "旧生命保険料の金額", "介護医療保険料の金額", "新個人年金保険料の金額",
            "旧個人年金保険料の金額"};
    static final String EARTHQUAKE = "地震保険料の金額";
    static final String OLD_LONG_TERM = "旧長期損害保険料の金額";
    static final String SPOUSE_BIRTH = "配偶者の生年月日";
    static final String SPOUSE_INCOME = "配偶者の合計所得";
    static final String DEPENDANTS = "扶養親族";
    static final String ORDINARY = "普通徴収";

    private static final int MAX_LINES = 2_000_000;

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    IncomeReportImport(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** @return the number of reports imported */
    @Transactional
    public int importFile(int taxYear, Kind kind, String fileName, Reader csv) throws IOException {
        String lgCode = TenantContext.requireLgCode();
        List<Object[]> rows = parse(lgCode, taxYear, kind, fileName, csv);
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('tax_income_report:' || ?))", Object.class, lgCode);
        Long last = jdbc.queryForObject("select coalesce(max(report_no), 0) from tax_income_report where lg_code = ? "
                + "and tax_year = ?", Long.class, lgCode, taxYear);
        long next = last == null ? 1 : last + 1;
        for (Object[] row : rows) {
            row[2] = next++;
        }
        jdbc.batchUpdate("""
                insert into tax_income_report (lg_code, tax_year, report_no, kind, atena_no, payer_no, payer_name, revenue,
                    social_insurance, life_new_general, life_old_general, life_care_medical, life_new_pension,
                    life_old_pension, earthquake_insurance, old_long_term, spouse_birth_date, spouse_income, dependants,
                    ordinary_collection, source_file, line_no, imported_at, imported_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        audit.record(AuditEvent.of("tax.income-reports-imported", "tax-year", String.valueOf(taxYear),
                Map.of("kind", kind.name(), "file", fileName, "reports", rows.size())));
        return rows.size();
    }

    private static ProblemException invalid(int line, String item, String reason) {
        return ProblemException.badRequest("invalid-income-report", line, item, reason).with("line", line)
                .with("field", item);
    }

    List<Object[]> parse(String lgCode, int taxYear, Kind kind, String fileName, Reader csv) throws IOException {
        BufferedReader in = new BufferedReader(csv);
        String header = in.readLine();
        if (header == null) {
            throw invalid(1, "見出し行", "空のファイルです");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> names = split(header, 1);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            col.put(names.get(i).trim(), i);
        }
        for (String required : List.of(ATENA_NO, PAYER_NO, PAYER_NAME, REVENUE)) {
            if (!col.containsKey(required)) {
                throw invalid(1, required, "必須の項目がありません");
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        String by = TenantContext.currentActor().qualifiedId();
        List<Object[]> rows = new ArrayList<>();
        String text;
        int line = 1;
        while ((text = in.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            if (rows.size() >= MAX_LINES) {
                throw invalid(line, "行数", "1ファイル " + MAX_LINES + " 行までです");
            }
            List<String> f = split(text, line);
            int n = line;
            java.util.function.Function<String, String> get = name -> {
                Integer i = col.get(name);
                return i == null || i >= f.size() ? "" : f.get(i).trim();
            };
            String atenaNo = get.apply(ATENA_NO);
            if (!atenaNo.matches("[0-9]{1,15}")) {
                throw invalid(n, ATENA_NO, "数字15桁以内で記載してください");
            }
            String payerNo = get.apply(PAYER_NO);
            String payerName = get.apply(PAYER_NAME);
            if (payerNo.isEmpty() || payerNo.length() > 20) {
                throw invalid(n, PAYER_NO, "20文字以内で記載してください");
            }
            if (payerName.isEmpty() || payerName.length() > 100) {
                throw invalid(n, PAYER_NAME, "100文字以内で記載してください");
            }
            long[] life = new long[5];
            for (int i = 0; i < 5; i++) {
                life[i] = yen(get.apply(LIFE[i]), n, LIFE[i], false);
            }
            String spouseBirth = get.apply(SPOUSE_BIRTH);
            LocalDate spouseBirthDate = spouseBirth.isEmpty() ? null : date(spouseBirth, n, SPOUSE_BIRTH);
            String dependants = get.apply(DEPENDANTS);
            parseDependants(dependants, n);
            String ordinary = get.apply(ORDINARY);
            if (!ordinary.isEmpty() && !ordinary.equals("0") && !ordinary.equals("1")) {
                throw invalid(n, ORDINARY, "1（普通徴収）か 0・空欄（特別徴収）で記載してください");
            }
            rows.add(new Object[] {lgCode, taxYear, 0L, kind.name(), atenaNo, payerNo, payerName,
                    yen(get.apply(REVENUE), n, REVENUE, true), yen(get.apply(SOCIAL), n, SOCIAL, false),
                    life[0], life[1], life[2], life[3], life[4],
                    yen(get.apply(EARTHQUAKE), n, EARTHQUAKE, false), yen(get.apply(OLD_LONG_TERM), n, OLD_LONG_TERM, false),
                    spouseBirthDate == null ? null : Date.valueOf(spouseBirthDate),
                    spouseBirthDate == null ? null : yen(get.apply(SPOUSE_INCOME), n, SPOUSE_INCOME, false),
                    dependants, kind == Kind.PENSION || ordinary.equals("1"), fileName, n, now, by});
        }
        return rows;
    }

    /** 扶養親族: {@code 生年月日:合計所得[:同居老親]} separated by {@code ;}. */
    static List<String[]> parseDependants(String text, int line) {
        List<String[]> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String one : text.split(";")) {
            String[] p = one.trim().split(":");
            if (p.length < 2 || p.length > 3 || (p.length == 3 && !p[2].equals("同居老親"))) {
                throw invalid(line, DEPENDANTS, "「生年月日:合計所得[:同居老親]」を「;」で区切って記載してください");
            }
            date(p[0], line, DEPENDANTS);
            yen(p[1], line, DEPENDANTS, true);
            out.add(p);
        }
        return out;
    }

    private static long yen(String text, int line, String item, boolean required) {
        if (text.isEmpty()) {
            if (required) {
                throw invalid(line, item, "金額を記載してください");
            }
            return 0;
        }
        if (!text.matches("[0-9]{1,12}")) {
            throw invalid(line, item, "0以上の整数（円）で記載してください");
        }
        return Long.parseLong(text);
    }

    private static LocalDate date(String text, int line, String item) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(line, item, "日付は YYYY-MM-DD で記載してください");
        }
    }

    /** One CSV record (RFC 4180 quoting, no line breaks inside fields). */
    static List<String> split(String line, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw invalid(lineNo, "行", "引用符が閉じていません");
        }
        out.add(cur.toString());
        return out;
    }
}

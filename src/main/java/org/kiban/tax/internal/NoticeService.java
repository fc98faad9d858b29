package org.kiban.tax.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.certificate.DocumentRendering;
import org.kiban.common.Wareki;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.Residents;
import org.kiban.tax.TaxCalculationResult;
import org.kiban.tax.engine.PensionWithholding;
import org.kiban.tenancy.Tenant;
import org.kiban.tenancy.Tenants;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notices as PDF, from the latest version of each assessment: 納税通知書 (普通徴収, 第319条の2), 特別徴収税額決定通知書
 * for the taxpayer and, with the list of its employees, for the employer (第321条の4). Each print is one audit entry.
 */
@Service
public class NoticeService {

    /** 普通徴収の納期 (第320条: 6月・8月・10月・翌年1月中において条例で定める日). */
    static final List<String> ORDINARY_TERMS = List.of("第1期（6月）", "第2期（8月）", "第3期（10月）", "第4期（翌年1月）");
    static final List<String> MONTHS = List.of("6月", "7月", "8月", "9月", "10月", "11月", "12月", "1月", "2月", "3月",
            "4月", "5月");

    /** 公的年金等からの特別徴収's six payments (第321条の7の2〜第321条の7の8). */
    static final List<String> PENSION_MONTHS = List.of("4月", "6月", "8月", "10月", "12月", "翌年2月");

    /**
     * One person's latest assessment with the registry's name and address on the 賦課期日; {@code pension} is the
     * part withheld from the pension, null when none.
     */
    public record Line(String atenaNo, String name, String address, int version, String collection, String payerNo,
                       List<Long> installments, TaxCalculationResult result, PensionWithholding.Schedule pension) {

        /** What the employer withholds or the 納期 add up to: the 年税額 less the pension part. */
        public long installmentTotal() {
            return installments.stream().mapToLong(Long::longValue).sum();
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Residents residents;
    private final Tenants tenants;
    private final ITemplateEngine templates;
    private final DocumentRendering rendering;
    private final AuditTrail audit;
    private final JsonMapper json;

    NoticeService(JdbcTemplate jdbc, TransactionTemplate tx, Residents residents, Tenants tenants,
                  ITemplateEngine templates, DocumentRendering rendering, AuditTrail audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.residents = residents;
        this.tenants = tenants;
        this.templates = templates;
        this.rendering = rendering;
        this.audit = audit;
        this.json = json;
    }

    /** 納税通知書 (普通徴収) or 特別徴収税額決定通知書（納税義務者用）, by how the person's tax is collected. */
    public byte[] taxpayerNotice(int taxYear, String atenaNo) {
        return tx.execute(s -> {
            List<Line> lines = latest(taxYear, "atena_no = ?", atenaNo);
            if (lines.isEmpty()) {
                throw ProblemException.notFound("賦課", taxYear + "/" + atenaNo);
            }
            Line line = lines.get(0);
            boolean special = line.collection().equals("SPECIAL");
            String title = special ? "特別徴収税額決定通知書（納税義務者用）" : "市町村民税・道府県民税・森林環境税 納税通知書";
            audit.record(AuditEvent.of("tax.notice-printed", "resident", atenaNo,
                    Map.of("taxYear", taxYear, "version", line.version(), "notice", title)));
            Context c = context(taxYear, title);
            c.setVariable("line", line);
            c.setVariable("terms", special ? MONTHS : ORDINARY_TERMS);
            c.setVariable("pensionMonths", PENSION_MONTHS);
            return render("tax/notice-taxpayer", c, title);
        });
    }

    /** 特別徴収税額決定通知書（特別徴収義務者用）: every employee of {@code payerNo} with monthly amounts and totals. */
    public byte[] employerNotice(int taxYear, String payerNo) {
        return tx.execute(s -> {
            List<Line> lines = latest(taxYear, "collection = 'SPECIAL' and payer_no = ?", payerNo);
            if (lines.isEmpty()) {
                throw ProblemException.notFound("特別徴収義務者", payerNo);
            }
            String title = "特別徴収税額決定通知書（特別徴収義務者用）";
            audit.record(AuditEvent.of("tax.notice-printed", "payer", payerNo,
                    Map.of("taxYear", taxYear, "employees", lines.size(), "notice", title)));
            long[] monthly = new long[12];
            long total = 0;
            for (Line l : lines) {
                for (int i = 0; i < 12; i++) {
                    monthly[i] += l.installments().get(i);
                }
                total += l.installmentTotal();
            }
            Context c = context(taxYear, title);
            c.setVariable("payerNo", payerNo);
            c.setVariable("lines", lines);
            c.setVariable("months", MONTHS);
            c.setVariable("monthlyTotals", monthly);
            c.setVariable("total", total);
            return render("tax/notice-employer", c, title);
        });
    }

    private Context context(int taxYear, String title) {
        Tenant tenant = tenants.find(TenantContext.requireLgCode()).orElseThrow();
        Context c = new Context(java.util.Locale.JAPAN);
        c.setVariable("title", title);
        c.setVariable("fiscalYear", "令和" + (taxYear - 2018) + "年度");
        c.setVariable("municipality", tenant.name());
        c.setVariable("head", (tenant.mayorTitle() == null ? tenant.name() + "長" : tenant.mayorTitle())
                + (tenant.mayorName() == null ? "" : "　" + tenant.mayorName()));
        c.setVariable("issuedOn", Wareki.format(LocalDate.now()));
        return c;
    }

    private byte[] render(String template, Context c, String title) {
        return rendering.renderPdf(templates.process(template, c), title, (String) c.getVariable("municipality"));
    }

    private List<Line> latest(int taxYear, String condition, String value) {
        String lgCode = TenantContext.requireLgCode();
        record Row(String atenaNo, int version, String collection, String payerNo, List<Long> installments,
                   TaxCalculationResult result, PensionWithholding.Schedule pension) {
        }
        List<Row> rows = jdbc.query("""
                        select atena_no, version, collection, payer_no, installments, result, pension_collection,
                               pension_amount, pension_installments from (
                            select distinct on (atena_no) * from tax_assessment where lg_code = ? and tax_year = ?
                            order by atena_no, version desc) latest
                        where""" + " " + condition + " order by atena_no",
                (rs, n) -> {
                    List<Long> inst = new ArrayList<>();
                    for (Object o : (Object[]) rs.getArray(5).getArray()) {
                        inst.add(((Number) o).longValue());
                    }
                    PensionWithholding.Schedule pension = null;
                    if (rs.getString(7) != null) {
                        Object[] p = (Object[]) rs.getArray(9).getArray();
                        long[] amounts = new long[p.length];
                        long sum = 0;
                        for (int i = 0; i < p.length; i++) {
                            amounts[i] = ((Number) p[i]).longValue();
                            sum += amounts[i];
                        }
                        pension = new PensionWithholding.Schedule(rs.getString(7).equals("FIRST_YEAR"), rs.getLong(8),
                                amounts, Math.max(0, sum - rs.getLong(8)));
                    }
                    return new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), inst,
                            json.readValue(rs.getString(6), TaxCalculationResult.class), pension);
                }, lgCode, taxYear, value);
        Map<String, ResidentRecord> people = residents.recordsForIssuance(rows.stream().map(Row::atenaNo).toList(),
                        LocalDate.of(taxYear, 1, 1)).stream()
                .collect(Collectors.toMap(ResidentRecord::atenaNo, Function.identity(), (a, b) -> a));
        return rows.stream().map(r -> {
            ResidentRecord p = people.get(r.atenaNo());
            return new Line(r.atenaNo(), p == null ? "" : p.name(),
                    p == null || p.address() == null ? "" : p.address().address()
                            + (p.address().supplement() == null ? "" : "　" + p.address().supplement()),
                    r.version(), r.collection(), r.payerNo(), r.installments(), r.result(), r.pension());
        }).toList();
    }
}

package org.kiban.care.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.care.CareParameters;
import org.kiban.care.InsuredStatusChanged;
import org.kiban.care.internal.Collection.Installment;
import org.kiban.parameter.Parameters;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.Residents;
import org.kiban.tax.ResidentTaxAssessed;
import org.kiban.tax.ResidentTaxAssessedInBulk;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;

/**
 * The yearly 第1号保険料 assessment of a tenant and each person's recalculations. The stage rests on the 年度's
 * 市町村民税 results (the tax module's {@link ResidentTaxAssessed}, kept per version in {@code care_tax_result}) and
 * on the household as of 1 April, the 賦課期日 (a later change of household does not change the year's premium);
 * a person not taxed here (所得未把握) is assessed with income 0 until results arrive, as 世田谷区 does. Each result is
 * a version: a 所得更正 or a 資格喪失 appends a new one with its reason and reschedules what is left to collect.
 */
@Service
public class PremiumAssessments {

    static final Actor ASSESSOR = Actor.system("care-premium-assessment");

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Residents residents;
    private final Parameters parameters;
    private final PremiumCalculations calculations;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    PremiumAssessments(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Residents residents, Parameters parameters,
                       PremiumCalculations calculations, AuditTrail audit, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.residents = residents;
        this.parameters = parameters;
        this.calculations = calculations;
        this.audit = audit;
        this.tx = tx;
    }

    public record YearResult(int fiscalYear, long residentsRead, int assessed, int specialCollection, long totalPremium,
                             Duration elapsed) {
    }

    public record Assessment(int fiscalYear, String atenaNo, int version, int stage, BigDecimal multiplier,
                             long fullYearPremium, long annualPremium, int months, boolean taxed, boolean householdTaxed,
                             boolean incomeKnown, String collection, List<Installment> installments, String reason,
                             Instant recordedAt) {
    }

    record TaxFacts(boolean taxed, long totalIncome, long pensionRevenue, long pensionIncome) {
    }

    /** Who is assessed and on what: computed once, stored as one row. */
    private record Row(String atenaNo, String householdNo, List<String> household, PremiumEngine.Outcome outcome,
                       boolean taxed, boolean householdTaxed, boolean incomeKnown, Collection.Method method,
                       List<Installment> installments) {
    }

    // ------------------------------------------------------------------ the year

    /**
     * Assesses every person insured on some day of {@code fiscalYear} (run in June/July, once the income is known).
     * Call inside a transaction of the tenant.
     */
    public YearResult assessYear(int fiscalYear, String reason) {
        long start = System.nanoTime();
        String lg = TenantContext.requireLgCode();
        LocalDate baseDate = LocalDate.of(fiscalYear, 4, 1);
        PremiumCalculations.Rules rules = calculations.tenantRules(fiscalYear);
        int installments = (int) parameters.longValue(CareParameters.ORDINARY_INSTALLMENTS, baseDate);
        Map<String, TaxFacts> tax = taxResults(lg, fiscalYear);
        Map<String, Long> february = previousFebruary(lg, fiscalYear - 1);

        Map<String, String> householdOf = new HashMap<>();
        Map<String, List<String>> members = new HashMap<>();
        long[] read = {0};
        residents.forEachRegisteredOn(baseDate, "令和" + LowIncomeThreshold.reiwa(fiscalYear) + "年度 介護保険料 賦課（賦課期日の世帯）", r -> {
            read[0]++;
            householdOf.put(r.atenaNo(), r.householdNo());
            members.computeIfAbsent(r.householdNo(), k -> new ArrayList<>(3)).add(r.atenaNo());
        });

        List<Row> rows = new ArrayList<>();
        jdbc.sql("""
                        select atena_no, birth_date, eligible_from, eligible_until from care_insured
                        where lg_code = ? and eligible_from <= ? and (eligible_until is null or eligible_until > ?)""")
                .params(lg, java.sql.Date.valueOf(baseDate.plusYears(1).minusDays(1)), java.sql.Date.valueOf(baseDate))
                .query(rs -> {
                    String atena = rs.getString("atena_no");
                    LocalDate from = rs.getObject("eligible_from", LocalDate.class);
                    LocalDate until = rs.getObject("eligible_until", LocalDate.class);
                    int months = EligibilityRules.monthsInsured(fiscalYear, from, until);
                    if (months == 0) {
                        return;
                    }
                    String householdNo = householdOf.get(atena);
                    List<String> household = householdNo == null ? List.of(atena) : members.get(householdNo);
                    rows.add(row(fiscalYear, atena, householdNo, household, rs.getObject("birth_date", LocalDate.class),
                            from, months, tax, rules, installments, february.get(atena)));
                });
        insert(lg, fiscalYear, rows, reason);
        long total = rows.stream().mapToLong(r -> r.outcome().annualPremium()).sum();
        int special = (int) rows.stream().filter(r -> r.method() == Collection.Method.SPECIAL).count();
        audit.record(AuditEvent.of("care.premium-assessed", "care", lg, Map.of("fiscalYear", fiscalYear,
                "persons", rows.size(), "totalPremium", total, "reason", reason)));
        return new YearResult(fiscalYear, read[0], rows.size(), special, total, Duration.ofNanos(System.nanoTime() - start));
    }

    private Row row(int fy, String atena, String householdNo, List<String> household, LocalDate birth, LocalDate from,
                    int months, Map<String, TaxFacts> tax, PremiumCalculations.Rules rules, int installments,
                    Long previousFebruary) {
        TaxFacts own = tax.get(atena);
        boolean householdTaxed = false;
        for (String m : household) {
            TaxFacts t = tax.get(m);
            if (t != null && t.taxed()) {
                householdTaxed = true;
                break;
            }
        }
        TaxFacts f = own != null ? own : new TaxFacts(false, 0, 0, 0);
        PremiumEngine.Outcome o = PremiumEngine.calculate(fy,
                new PremiumEngine.Facts(birth, f.taxed(), f.totalIncome(), f.pensionRevenue(), f.pensionIncome(), 0,
                        false, householdTaxed),
                rules.table(), rules.base(), rules.rounding(), months == 12 ? null : months);
        boolean wholeYear = !from.isAfter(LocalDate.of(fy, 4, 1)) && months == 12;
        Collection.Method method = Collection.methodFor(f.pensionRevenue(), wholeYear);
        List<Installment> plan = method == Collection.Method.SPECIAL
                ? Collection.special(fy, o.annualPremium(), previousFebruary)
                : Collection.ordinary(fy, o.annualPremium(), installments, YearMonth.from(from));
        return new Row(atena, householdNo, household, o, f.taxed(), householdTaxed, own != null, method, plan);
    }

    private void insert(String lg, int fy, List<Row> rows, String reason) {
        Map<String, Integer> versions = new HashMap<>();
        jdbc.sql("select atena_no, max(version) v from care_premium_assessment where lg_code = ? and fiscal_year = ? group by atena_no")
                .params(lg, fy).query(rs -> {
                    versions.put(rs.getString("atena_no"), rs.getInt("v"));
                });
        Timestamp now = Timestamp.from(Instant.now());
        String by = TenantContext.currentActor().qualifiedId();
        List<Object[]> batch = new ArrayList<>(rows.size());
        for (Row r : rows) {
            PremiumEngine.Outcome o = r.outcome();
            batch.add(new Object[] {lg, fy, r.atenaNo(), versions.getOrDefault(r.atenaNo(), 0) + 1, o.stage(), o.multiplier(),
                    o.fullYearPremium(), o.annualPremium(), o.months(), r.taxed(), r.householdNo(),
                    JsonInput.mapper().writeValueAsString(r.household()), r.householdTaxed(), r.incomeKnown(),
                    r.method().name(), installmentsJson(r.installments()), reason, now, by});
        }
        jdbcTemplate.batchUpdate("""
                insert into care_premium_assessment (lg_code, fiscal_year, atena_no, version, stage, multiplier,
                    full_year_premium, annual_premium, months, taxed, household_no, household, household_taxed, income_known,
                    collection, installments, reason, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?, ?)""", batch);
    }

    // ------------------------------------------------------------------ one person

    /**
     * Recalculates a person's assessed premium for {@code fiscalYear} after a change on {@code changedOn}, appending a
     * version with {@code reason}; nothing if the year was not assessed yet. Call inside a transaction of the tenant.
     */
    public Optional<Assessment> reassess(String atenaNo, int fiscalYear, String reason, LocalDate changedOn) {
        String lg = TenantContext.requireLgCode();
        List<Map<String, Object>> rows = jdbc.sql("""
                        select household_no, household::text as household, installments::text as installments, collection
                        from care_premium_assessment where lg_code = ? and fiscal_year = ? and atena_no = ?
                        order by version desc limit 1""")
                .params(lg, fiscalYear, atenaNo).query().listOfRows();
        Optional<Map<String, Object>> last = rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        if (last.isEmpty() && yearAssessed(lg, fiscalYear)) {
            return assessNewcomer(atenaNo, fiscalYear, reason);
        }
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Optional<InsuredDates> insured = jdbc.sql("select birth_date, eligible_from, eligible_until from care_insured where lg_code = ? and atena_no = ?")
                .params(lg, atenaNo).query((rs, n) -> new InsuredDates(rs.getObject("birth_date", LocalDate.class),
                        rs.getObject("eligible_from", LocalDate.class), rs.getObject("eligible_until", LocalDate.class)))
                .optional();
        if (insured.isEmpty()) {
            return Optional.empty();
        }
        List<String> household = JsonInput.mapper().readValue((String) last.get().get("household"), new TypeReference<List<String>>() { });
        Map<String, TaxFacts> tax = taxResults(lg, fiscalYear, household);
        LocalDate baseDate = LocalDate.of(fiscalYear, 4, 1);
        int months = EligibilityRules.monthsInsured(fiscalYear, insured.get().from(), insured.get().until());
        PremiumCalculations.Rules rules = calculations.tenantRules(fiscalYear);
        int installments = (int) parameters.longValue(CareParameters.ORDINARY_INSTALLMENTS, baseDate);
        Row row = row(fiscalYear, atenaNo, (String) last.get().get("household_no"), household, insured.get().birth(),
                insured.get().from(), Math.max(months, 0), tax, rules, installments, null);
        if (months == 0) {
            row = new Row(row.atenaNo(), row.householdNo(), row.household(),
                    new PremiumEngine.Outcome(row.outcome().stage(), row.outcome().stageLabel(), row.outcome().multiplier(),
                            row.outcome().multiplierBeforeReduction(), row.outcome().fullYearPremium(), null, 0, 0,
                            row.outcome().explanation()), row.taxed(), row.householdTaxed(), row.incomeKnown(),
                    Collection.Method.ORDINARY, List.of());
        }
        List<Installment> previous = installments((String) last.get().get("installments"));
        YearMonth from = YearMonth.from(changedOn).plusMonths(1);
        List<Installment> plan = Collection.recalculate(previous, row.outcome().annualPremium(), from);
        Collection.Method method = Collection.Method.valueOf((String) last.get().get("collection"));
        Row changed = new Row(row.atenaNo(), row.householdNo(), household, row.outcome(), row.taxed(), row.householdTaxed(),
                row.incomeKnown(), method, plan);
        insert(lg, fiscalYear, List.of(changed), reason);
        audit.record(AuditEvent.of("care.premium-reassessed", "resident", atenaNo,
                Map.of("fiscalYear", fiscalYear, "annualPremium", row.outcome().annualPremium(), "reason", reason)));
        return history(atenaNo, fiscalYear).stream().reduce((a, b) -> b);
    }

    private record InsuredDates(LocalDate birth, LocalDate from, LocalDate until) {
    }

    boolean yearAssessed(String lg, int fy) {
        return jdbc.sql("select exists (select 1 from care_premium_assessment where lg_code = ? and fiscal_year = ?)")
                .params(lg, fy).query(Boolean.class).single();
    }

    /**
     * Someone insured after the year's assessment (65 or 転入 during the year): assessed alone, with the household
     * they were registered in on the day of 資格取得 (its current members: an approximation the registry's API allows).
     */
    private Optional<Assessment> assessNewcomer(String atenaNo, int fy, String reason) {
        String lg = TenantContext.requireLgCode();
        Optional<InsuredDates> insured = jdbc.sql("select birth_date, eligible_from, eligible_until from care_insured where lg_code = ? and atena_no = ?")
                .params(lg, atenaNo).query((rs, n) -> new InsuredDates(rs.getObject("birth_date", LocalDate.class),
                        rs.getObject("eligible_from", LocalDate.class), rs.getObject("eligible_until", LocalDate.class)))
                .optional();
        if (insured.isEmpty()) {
            return Optional.empty();
        }
        int months = EligibilityRules.monthsInsured(fy, insured.get().from(), insured.get().until());
        if (months == 0) {
            return Optional.empty();
        }
        LocalDate on = insured.get().from().isBefore(LocalDate.of(fy, 4, 1)) ? LocalDate.of(fy, 4, 1) : insured.get().from();
        List<ResidentRecord> self = residents.recordsForIssuance(List.of(atenaNo), on);
        String householdNo = self.isEmpty() ? null : self.get(0).householdNo();
        List<String> household = householdNo == null ? List.of(atenaNo)
                : residents.householdForIssuance(householdNo).stream().map(ResidentRecord::atenaNo).toList();
        if (!household.contains(atenaNo)) {
            household = new ArrayList<>(household);
            household.add(atenaNo);
        }
        PremiumCalculations.Rules rules = calculations.tenantRules(fy);
        int installments = (int) parameters.longValue(CareParameters.ORDINARY_INSTALLMENTS, LocalDate.of(fy, 4, 1));
        insert(lg, fy, List.of(row(fy, atenaNo, householdNo, household, insured.get().birth(), insured.get().from(), months,
                taxResults(lg, fy, household), rules, installments, null)), reason);
        audit.record(AuditEvent.of("care.premium-reassessed", "resident", atenaNo, Map.of("fiscalYear", fy, "reason", reason)));
        return history(atenaNo, fy).stream().reduce((a, b) -> b);
    }

    /** Every version of a person's assessment for the 年度, oldest first (unaudited; the controller audits). */
    public List<Assessment> history(String atenaNo, int fiscalYear) {
        return jdbc.sql("select *, installments::text as plan from care_premium_assessment where lg_code = ? and fiscal_year = ? and atena_no = ? order by version")
                .params(TenantContext.requireLgCode(), fiscalYear, atenaNo)
                .query((rs, n) -> new Assessment(rs.getInt("fiscal_year"), rs.getString("atena_no"), rs.getInt("version"),
                        rs.getInt("stage"), rs.getBigDecimal("multiplier").stripTrailingZeros(), rs.getLong("full_year_premium"),
                        rs.getLong("annual_premium"), rs.getInt("months"), rs.getBoolean("taxed"), rs.getBoolean("household_taxed"),
                        rs.getBoolean("income_known"), rs.getString("collection"), installments(rs.getString("plan")),
                        rs.getString("reason"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    // ------------------------------------------------------------------ what changes a premium

    /** The tax module's results: kept per version; a later result for an assessed year recalculates (所得更正). */
    @Async
    @TransactionalEventListener
    void on(ResidentTaxAssessed e) {
        TenantContext.runAs(e.lgCode(), ASSESSOR, () -> tx.executeWithoutResult(s -> taxAssessed(e)));
    }

    /**
     * A chunk of the tax module's annual run: the same as one {@link ResidentTaxAssessed} per person. Before the
     * 年度's premiums are assessed (the usual case: tax in May, care in June/July) no premium can change, so the
     * results are only kept, in one statement; afterwards each person goes the per-event way.
     */
    @Async
    @TransactionalEventListener
    void on(ResidentTaxAssessedInBulk e) {
        TenantContext.runAs(e.lgCode(), ASSESSOR, () -> tx.executeWithoutResult(s -> taxAssessedInBulk(e)));
    }

    void taxAssessedInBulk(ResidentTaxAssessedInBulk bulk) {
        if (yearAssessed(bulk.lgCode(), bulk.taxYear())) {
            bulk.each().forEach(this::taxAssessed);
            return;
        }
        int n = bulk.assessments().size();
        String[] atena = new String[n];
        int[] version = new int[n];
        boolean[] taxed = new boolean[n];
        long[] total = new long[n];
        long[] pensionRevenue = new long[n];
        long[] pensionIncome = new long[n];
        for (int i = 0; i < n; i++) {
            ResidentTaxAssessedInBulk.Entry e = bulk.assessments().get(i);
            atena[i] = e.atenaNo();
            version[i] = e.version();
            taxed[i] = e.perCapitaLevied() || e.incomeLevyLevied();
            total[i] = e.totalIncome();
            pensionRevenue[i] = e.publicPensionRevenue();
            pensionIncome[i] = e.publicPensionIncome();
        }
        jdbcTemplate.update("""
                        insert into care_tax_result (lg_code, tax_year, atena_no, version, taxed, total_income, pension_revenue,
                            pension_income, reason, recorded_at)
                        select ?, ?, r.* , ?, ? from unnest(?::text[], ?::int[], ?::boolean[], ?::bigint[], ?::bigint[],
                            ?::bigint[]) as r
                        on conflict do nothing""",
                bulk.lgCode(), bulk.taxYear(), bulk.reason(), Timestamp.from(Instant.now()), atena, version, taxed, total,
                pensionRevenue, pensionIncome);
    }

    void taxAssessed(ResidentTaxAssessed e) {
        String lg = e.lgCode();
        Optional<Boolean> before = jdbc.sql("""
                        select taxed from care_tax_result where lg_code = ? and tax_year = ? and atena_no = ?
                        order by version desc limit 1""").params(lg, e.taxYear(), e.atenaNo()).query(Boolean.class).optional();
        int inserted = jdbc.sql("""
                        insert into care_tax_result (lg_code, tax_year, atena_no, version, taxed, total_income, pension_revenue,
                            pension_income, reason, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(lg, e.taxYear(), e.atenaNo(), e.version(), e.taxed(), e.totalIncome(), e.publicPensionRevenue(),
                        e.publicPensionIncome(), e.reason(), Timestamp.from(Instant.now()))
                .update();
        if (inserted == 0) {
            return;
        }
        String reason = "市町村民税の" + (e.version() > 1 ? "更正" : "賦課") + "（" + (e.reason() == null ? "" : e.reason()) + "）";
        LocalDate today = LocalDate.now();
        reassess(e.atenaNo(), e.taxYear(), reason, today);
        if (before.isEmpty() || before.get() != e.taxed()) {
            // 本人の課税・非課税 changes the 世帯 judgement of the others in the household on 1 April.
            for (String other : householdMembersAssessed(lg, e.taxYear(), e.atenaNo())) {
                reassess(other, e.taxYear(), "世帯員の課税状況の変更（" + reason + "）", today);
            }
        }
    }

    /** 資格喪失 or 取得 during an assessed year changes the months owed. */
    @EventListener
    void on(InsuredStatusChanged e) {
        int fy = e.effectiveOn().getMonthValue() >= 4 ? e.effectiveOn().getYear() : e.effectiveOn().getYear() - 1;
        String reason = switch (e.kind()) {
            case "LOST" -> "資格喪失（" + e.reason() + "）";
            case "ACQUIRED" -> "資格取得（" + e.reason() + "）";
            default -> null;
        };
        if (reason != null) {
            reassess(e.atenaNo(), fy, reason, e.effectiveOn().minusMonths(1));
        }
    }

    private List<String> householdMembersAssessed(String lg, int fy, String atenaNo) {
        return jdbc.sql("""
                        select distinct a.atena_no from care_premium_assessment a
                        where a.lg_code = ? and a.fiscal_year = ? and a.atena_no <> ? and jsonb_exists(a.household, ?)""")
                .params(lg, fy, atenaNo, atenaNo).query(String.class).list();
    }

    // ------------------------------------------------------------------ reading stored facts

    private Map<String, TaxFacts> taxResults(String lg, int fy) {
        Map<String, TaxFacts> out = new HashMap<>();
        jdbc.sql("""
                        select distinct on (atena_no) atena_no, taxed, total_income, pension_revenue, pension_income
                        from care_tax_result where lg_code = ? and tax_year = ? order by atena_no, version desc""")
                .params(lg, fy).query(rs -> {
                    out.put(rs.getString("atena_no"), new TaxFacts(rs.getBoolean("taxed"), rs.getLong("total_income"),
                            rs.getLong("pension_revenue"), rs.getLong("pension_income")));
                });
        return out;
    }

    private Map<String, TaxFacts> taxResults(String lg, int fy, List<String> atenaNos) {
        Map<String, TaxFacts> out = new HashMap<>();
        jdbc.sql("""
                        select distinct on (atena_no) atena_no, taxed, total_income, pension_revenue, pension_income
                        from care_tax_result where lg_code = ? and tax_year = ? and atena_no = any(?) order by atena_no, version desc""")
                .params(lg, fy, atenaNos.toArray(String[]::new)).query(rs -> {
                    out.put(rs.getString("atena_no"), new TaxFacts(rs.getBoolean("taxed"), rs.getLong("total_income"),
                            rs.getLong("pension_revenue"), rs.getLong("pension_income")));
                });
        return out;
    }

    private Map<String, Long> previousFebruary(String lg, int fy) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("""
                        select distinct on (atena_no) atena_no, collection, installments::text as plan from care_premium_assessment
                        where lg_code = ? and fiscal_year = ? order by atena_no, version desc""")
                .params(lg, fy).query(rs -> {
                    if ("SPECIAL".equals(rs.getString("collection"))) {
                        for (Installment i : installments(rs.getString("plan"))) {
                            if (i.month().getMonthValue() == 2 && i.kind().equals("本徴収")) {
                                out.put(rs.getString("atena_no"), i.amount());
                            }
                        }
                    }
                });
        return out;
    }

    static String installmentsJson(List<Installment> plan) {
        List<Map<String, Object>> out = new ArrayList<>(plan.size());
        for (Installment i : plan) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("month", i.month().toString());
            m.put("kind", i.kind());
            m.put("amount", i.amount());
            out.add(m);
        }
        return JsonInput.mapper().writeValueAsString(out);
    }

    static List<Installment> installments(String json) {
        List<Map<String, Object>> list = JsonInput.mapper().readValue(json, new TypeReference<List<Map<String, Object>>>() { });
        List<Installment> out = new ArrayList<>(list.size());
        for (Map<String, Object> m : list) {
            out.add(new Installment(YearMonth.parse((String) m.get("month")), (String) m.get("kind"),
                    ((Number) m.get("amount")).longValue()));
        }
        return out;
    }
}

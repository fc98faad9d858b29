package org.kiban.tax.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.platform.Actor;
import org.kiban.platform.CopyText;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.resident.ResidentView;
import org.kiban.resident.Residents;
import org.kiban.tax.ResidentTaxAssessed;
import org.kiban.tax.ResidentTaxAssessedInBulk;
import org.kiban.tax.TaxCalculationRequest;
import org.kiban.tax.TaxCalculationResult;
import org.kiban.tax.TaxCalculationResult.AppliedMunicipality;
import org.kiban.tax.engine.Installments;
import org.kiban.tax.engine.PensionWithholding;
import org.kiban.tax.engine.ResidentTaxEngine;
import org.kiban.tax.engine.ResidentTaxRules;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.Municipalities;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * 賦課: everyone registered on 1 January of the 年度 (賦課期日, 地方税法第39条・第318条) is assessed from the reports and
 * 申告 on file; each result is stored as a version with its input and rule version, and published as
 * {@link ResidentTaxAssessed} through the outbox in the storing transaction. A 更正 appends a version with its reason.
 * Callers set the tenant; this class opens its own transactions (in chunks, for a whole city).
 */
@Service
public class AssessmentService {

    public static final String INITIAL = "当初賦課";
    private static final int CHUNK = 2_000;

    /** What a whole-city run did. */
    /**
     * @param seconds        the whole run
     * @param readSeconds    reading the registry, the reports and the 申告 (before computing)
     * @param storingSeconds the writer thread's time storing the chunks (overlaps the computing)
     */
    public record Run(int registered, int assessed, int alreadyAssessed, long levied, long totalYen,
                      double seconds, double readSeconds, double storingSeconds) {
    }

    /**
     * One stored version. {@code collection}, {@code payerNo} and {@code installments} are for the tax not withheld
     * from a pension; {@code pension} is the 公的年金等からの特別徴収, null when there is none.
     */
    public record Stored(String atenaNo, int taxYear, int version, String reason, String ruleVersion, String collection,
                         String payerNo, List<Long> installments, TaxCalculationResult result, Instant assessedAt,
                         String assessedBy, PensionWithholding.Schedule pension) {
    }

    private record Person(String atenaNo, LocalDate birthDate) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Residents residents;
    private final Municipalities municipalities;
    private final MunicipalSettings settings;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final JsonMapper compact;

    AssessmentService(JdbcTemplate jdbc, TransactionTemplate tx, Residents residents, Municipalities municipalities,
                      MunicipalSettings settings, ApplicationEventPublisher events, AuditTrail audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.residents = residents;
        this.municipalities = municipalities;
        this.settings = settings;
        this.events = events;
        this.audit = audit;
        this.json = json;
        // the stored input leaves out absent members (reading it back gives the same request)
        this.compact = json.rebuild().changeDefaultPropertyInclusion(
                i -> i.withValueInclusion(JsonInclude.Include.NON_NULL)).build();
    }

    private static ResidentTaxRules rules(int taxYear) {
        return org.kiban.tax.engine.RuleSets.forYear(taxYear).orElseThrow(() ->
                CalculationService.invalid("taxYear", "対応している年度は " + org.kiban.tax.engine.RuleSets.supportedYears() + " です"));
    }

    private AppliedMunicipality municipality(String lgCode, int taxYear) {
        LocalGovernment lg = municipalities.find(lgCode).orElseThrow(() -> ProblemException.notFound("団体", lgCode));
        return settings.of(lg, taxYear);
    }

    /** Assesses everyone registered on 1 January not yet assessed for the 年度 (a rerun continues where it stopped). */
    public Run assessAll(int taxYear, java.util.function.IntConsumer progress) {
        long start = System.nanoTime();
        String lgCode = TenantContext.requireLgCode();
        ResidentTaxRules rules = rules(taxYear);
        AppliedMunicipality m = municipality(lgCode, taxYear);
        LocalDate assessmentDate = LocalDate.of(taxYear, 1, 1);
        List<Person> persons = new ArrayList<>();
        Map<String, List<AssessmentInputs.Report>> reports = new HashMap<>();
        Map<String, TaxCalculationRequest> returns = new HashMap<>();
        Set<String> done = new HashSet<>();
        Map<String, Long> previousPension = new HashMap<>();
        tx.executeWithoutResult(s -> {
            s.setRollbackOnly();
            residents.forEachRegisteredOn(assessmentDate, "令和" + (taxYear - 2018) + "年度 個人住民税 賦課",
                    r -> persons.add(new Person(r.atenaNo(), AssessmentInputs.birthDate(r.birthDate()))));
            loadReports(lgCode, taxYear, null).forEach((k, v) -> reports.put(k, v));
            loadReturns(lgCode, taxYear, null).forEach(returns::put);
            done.addAll(jdbc.queryForList("select distinct atena_no from tax_assessment where lg_code = ? and tax_year = ?",
                    String.class, lgCode, taxYear));
            previousPension.putAll(loadPensionAmounts(lgCode, taxYear - 1, null));
        });
        long read = System.nanoTime() - start;
        Actor actor = TenantContext.currentActor();
        long[] totals = new long[3]; // assessed, levied, yen
        long[] storing = new long[1];
        // Compute on this thread while a second thread stores the previous chunk, so that PostgreSQL's work overlaps
        // the engine's. At most two chunks wait, so memory stays bounded.
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "tax-assessment-writer"));
        Deque<Future<?>> pending = new ArrayDeque<>();
        try {
            Chunk chunk = new Chunk(lgCode, taxYear);
            for (int i = 0; i < persons.size(); i++) {
                Person p = persons.get(i);
                if (!done.contains(p.atenaNo())) {
                    List<AssessmentInputs.Report> own = reports.getOrDefault(p.atenaNo(), List.of());
                    TaxCalculationRequest input = AssessmentInputs.build(taxYear, lgCode, p.birthDate(),
                            AssessmentInputs.effective(own), returns.get(p.atenaNo()));
                    Version v = version(rules, m, input, own, p.atenaNo(), 1, INITIAL,
                            previousPension.get(p.atenaNo()));
                    chunk.add(v, actor);
                    totals[0]++;
                    totals[2] += v.result.annualTotal();
                    if (v.result.annualTotal() > 0) {
                        totals[1]++;
                    }
                }
                if (chunk.size() == CHUNK || (i == persons.size() - 1 && chunk.size() > 0)) {
                    Chunk full = chunk;
                    int upTo = i + 1;
                    while (pending.size() >= 2) {
                        await(pending.removeFirst());
                    }
                    pending.addLast(writer.submit(() -> {
                        long t = System.nanoTime();
                        TenantContext.runAs(lgCode, actor, () -> store(full));
                        storing[0] += System.nanoTime() - t;
                        progress.accept(upTo);
                    }));
                    chunk = new Chunk(lgCode, taxYear);
                }
            }
            while (!pending.isEmpty()) {
                await(pending.removeFirst());
            }
        } finally {
            writer.shutdownNow();
        }
        int count = (int) totals[0];
        long taxed = totals[1];
        long sum = totals[2];
        tx.executeWithoutResult(s -> audit.record(AuditEvent.of("tax.assessed", "tax-year", String.valueOf(taxYear),
                Map.of("registered", persons.size(), "assessed", count, "levied", taxed, "totalYen", sum,
                        "ruleVersion", rules.version()))));
        return new Run(persons.size(), count, done.size(), taxed, sum, (System.nanoTime() - start) / 1e9,
                read / 1e9, storing[0] / 1e9);
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One chunk ready to store: its rows in COPY text format and the facts of its event. */
    private final class Chunk {
        final String lgCode;
        final int taxYear;
        final StringBuilder copy = new StringBuilder(CHUNK * 1024);
        final List<ResidentTaxAssessedInBulk.Entry> entries = new ArrayList<>(CHUNK);

        Chunk(String lgCode, int taxYear) {
            this.lgCode = lgCode;
            this.taxYear = taxYear;
        }

        int size() {
            return entries.size();
        }

        void add(Version v, Actor actor) {
            Object[] row = v.row(lgCode, taxYear, actor);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    copy.append('\t');
                }
                Object value = row[i];
                if (value == null) {
                    copy.append("\\N");
                } else {
                    CopyText.escape(copy, value instanceof Timestamp t ? t.toInstant().toString() : value.toString());
                }
            }
            copy.append('\n');
            ResidentTaxAssessed e = v.event(lgCode, taxYear);
            entries.add(new ResidentTaxAssessedInBulk.Entry(e.atenaNo(), e.version(), e.perCapitaLevied(),
                    e.incomeLevyLevied(), e.totalIncome(), e.publicPensionRevenue(), e.publicPensionIncome()));
        }
    }

    /**
     * One chunk in one transaction: COPY into a temporary table (COPY FROM refuses tables under row-level security),
     * then INSERT … SELECT under the tenant's policy, and one {@link ResidentTaxAssessedInBulk} for the chunk. The
     * commit does not wait for the WAL flush: a crash can lose only the last chunks, rows and outbox entry together,
     * and a rerun assesses them again (it skips those already stored).
     */
    private void store(Chunk chunk) {
        byte[] text = chunk.copy.toString().getBytes(StandardCharsets.UTF_8);
        tx.executeWithoutResult(s -> {
            jdbc.execute("set local synchronous_commit = off");
            jdbc.execute("create temp table if not exists tax_assessment_load (like tax_assessment) on commit delete rows");
            jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) con -> {
                try {
                    return con.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                            .copyIn("copy tax_assessment_load (" + COLUMNS + ") from stdin",
                                    new java.io.ByteArrayInputStream(text), 1 << 16);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            jdbc.update("insert into tax_assessment (" + COLUMNS + ") select " + COLUMNS + " from tax_assessment_load");
            events.publishEvent(new ResidentTaxAssessedInBulk(chunk.lgCode, chunk.taxYear, INITIAL, chunk.entries));
        });
    }

    private static final String COLUMNS = "lg_code, tax_year, atena_no, version, reason, rule_version, input, result, "
            + "total_income, exemption, annual_total, collection, payer_no, installments, assessed_at, assessed_by, "
            + "pension_collection, pension_amount, pension_installments";

    private static final String INSERT = """
            insert into tax_assessment (lg_code, tax_year, atena_no, version, reason, rule_version, input, result,
                total_income, exemption, annual_total, collection, payer_no, installments, assessed_at, assessed_by,
                pension_collection, pension_amount, pension_installments)
            values (?, ?, ?, ?, ?, ?, ?::json, ?::json, ?, ?, ?, ?, ?, ?::bigint[], ?, ?, ?, ?, ?::bigint[])""";

    /** A computed version before it is stored. */
    private final class Version {
        final String atenaNo;
        final int version;
        final String reason;
        final String ruleVersion;
        final TaxCalculationRequest input;
        final TaxCalculationResult result;
        final String collection;
        final String payerNo;
        final long[] installments;
        final PensionWithholding.Schedule pension;

        Version(String atenaNo, int version, String reason, String ruleVersion, TaxCalculationRequest input,
                TaxCalculationResult result, String collection, String payerNo, long[] installments,
                PensionWithholding.Schedule pension) {
            this.pension = pension;
            this.atenaNo = atenaNo;
            this.version = version;
            this.reason = reason;
            this.ruleVersion = ruleVersion;
            this.input = input;
            this.result = result;
            this.collection = collection;
            this.payerNo = payerNo;
            this.installments = installments;
        }

        Object[] row(String lgCode, int taxYear, Actor actor) {
            // the explanation is recomputed from input and rule version; storing it would multiply the table's size
            TaxCalculationResult stored = withoutExplanation(result);
            return new Object[] {lgCode, taxYear, atenaNo, version, reason, ruleVersion, compact.writeValueAsString(input),
                    json.writeValueAsString(stored), result.totalIncome(), result.exemption().name(), result.annualTotal(),
                    collection, payerNo, array(installments), Timestamp.from(Instant.now()), actor.qualifiedId(),
                    pension == null ? null : pension.firstYear() ? "FIRST_YEAR" : "CONTINUING",
                    pension == null ? null : pension.annual(), pension == null ? null : array(pension.amounts())};
        }

        ResidentTaxAssessed event(String lgCode, int taxYear) {
            long pensionRevenue = input.income() == null || input.income().pensionRevenue() == null ? 0
                    : input.income().pensionRevenue();
            return new ResidentTaxAssessed(lgCode, taxYear, atenaNo, version,
                    result.exemption() != org.kiban.tax.Exemption.ALL, result.exemption() == org.kiban.tax.Exemption.NONE,
                    result.totalIncome(), pensionRevenue, result.pensionIncome(), reason);
        }
    }

    private static String array(long[] amounts) {
        StringBuilder arr = new StringBuilder("{");
        for (int i = 0; i < amounts.length; i++) {
            arr.append(i == 0 ? "" : ",").append(amounts[i]);
        }
        return arr.append('}').toString();
    }

    private static TaxCalculationResult withoutExplanation(TaxCalculationResult r) {
        return new TaxCalculationResult(r.taxYear(), r.ruleVersion(), r.municipality(), r.salaryIncome(), r.pensionIncome(),
                r.incomeAdjustmentDeduction(), r.totalIncome(), r.aggregateIncome(), r.deductions(), r.totalDeductions(),
                r.taxableIncome(), r.cityIncomeLevyBeforeCredits(), r.prefIncomeLevyBeforeCredits(),
                r.adjustmentCreditCity(), r.adjustmentCreditPref(), r.dividendCreditCity(), r.dividendCreditPref(),
                r.housingLoanCreditCity(), r.housingLoanCreditPref(), r.donationCreditCity(), r.donationCreditPref(),
                r.oneStopCreditCity(), r.oneStopCreditPref(),
                r.incomeLevyReliefCity(), r.incomeLevyReliefPref(), r.cityIncomeLevy(), r.prefIncomeLevy(),
                r.cityPerCapita(), r.prefPerCapita(), r.forestEnvironmentTax(), r.exemption(), r.annualTotal(), List.of());
    }

    /**
     * Computes a version and decides how it is collected. 公的年金等からの特別徴収 (see {@link PensionWithholding}) takes
     * the 所得割 on the 公的年金等に係る所得 and, unless an employer withholds, the 均等割 and 森林環境税; the rest is
     * 特別徴収 by the employer of the main salary report unless it asked for 普通徴収 (第321条の3), otherwise
     * 普通徴収 (第319条の2). {@code previousPensionAmount}: the previous 年度's pension part, null when none was withheld.
     */
    private Version version(ResidentTaxRules rules, AppliedMunicipality m, TaxCalculationRequest input,
                            List<AssessmentInputs.Report> allReports, String atenaNo, int version, String reason,
                            Long previousPensionAmount) {
        TaxCalculationResult result = ResidentTaxEngine.calculate(rules, input, m);
        long annual = result.annualTotal();
        AssessmentInputs.Report employer = AssessmentInputs.effective(allReports).stream()
                .filter(r -> r.kind().equals("SALARY") && !r.ordinaryCollection())
                .max(java.util.Comparator.comparingLong(AssessmentInputs.Report::revenue)).orElse(null);
        PensionWithholding.Schedule pension = pensionWithholding(rules, m, input, result, employer != null,
                previousPensionAmount);
        long rest = annual - (pension == null ? 0 : pension.annual());
        if (rest == 0) {
            return new Version(atenaNo, version, reason, rules.version(), input, result, "NONE", null, new long[0],
                    pension);
        }
        if (employer != null) {
            return new Version(atenaNo, version, reason, rules.version(), input, result, "SPECIAL", employer.payerNo(),
                    Installments.special(rest), pension);
        }
        return new Version(atenaNo, version, reason, rules.version(), input, result, "ORDINARY", null,
                Installments.ordinary(rest), pension);
    }

    /**
     * The pension part and its schedule, or null. The 老齢等年金給付's 年額 is taken as the 公的年金等の収入 of the
     * income year (the payment reports or the 申告), and its 介護保険料 as withheld when that 年額 is 18万円 or more
     * (the care module's own rule); the care module's actual decision is not consulted.
     */
    private static PensionWithholding.Schedule pensionWithholding(ResidentTaxRules rules, AppliedMunicipality m,
                                                                  TaxCalculationRequest input,
                                                                  TaxCalculationResult result, boolean employerWithholds,
                                                                  Long previousPensionAmount) {
        TaxCalculationRequest.Income inc = input.income();
        long pensionRevenue = inc == null || inc.pensionRevenue() == null ? 0 : inc.pensionRevenue();
        if (pensionRevenue < PensionWithholding.MINIMUM_PENSION || result.annualTotal() == 0) {
            return null;
        }
        TaxCalculationRequest withoutPension = new TaxCalculationRequest(input.taxYear(), input.municipality(),
                input.taxpayer(), new TaxCalculationRequest.Income(inc.salaryRevenue(), 0L, inc.businessIncome(),
                inc.miscIncome(), inc.dividendIncome()), input.deductions(), input.spouse(), input.dependents(),
                input.credits());
        long other = ResidentTaxEngine.calculate(rules, withoutPension, m).incomeLevy();
        long part = PensionWithholding.pensionIncomeLevy(result.incomeLevy(), other);
        if (!employerWithholds) {
            part += result.perCapitaLevy() + result.forestEnvironmentTax();
        }
        if (!PensionWithholding.applies(input.taxpayer().birthDate(), rules.taxYear(), pensionRevenue,
                pensionRevenue >= PensionWithholding.MINIMUM_PENSION, part)) {
            return null;
        }
        return previousPensionAmount != null && previousPensionAmount > 0
                ? PensionWithholding.continuing(part, previousPensionAmount) : PensionWithholding.firstYear(part);
    }

    /** The pension part of each person's latest version of a 年度, for those who had one. */
    private Map<String, Long> loadPensionAmounts(String lgCode, int taxYear, String atenaNo) {
        Map<String, Long> out = new HashMap<>();
        jdbc.query("""
                        select distinct on (atena_no) atena_no, pension_amount from tax_assessment
                        where lg_code = ? and tax_year = ? and (?::text is null or atena_no = ?)
                        order by atena_no, version desc""",
                rs -> {
                    long amount = rs.getLong(2);
                    if (!rs.wasNull()) {
                        out.put(rs.getString(1), amount);
                    }
                }, lgCode, taxYear, atenaNo, atenaNo);
        return out;
    }

    /** 更正: recomputes one person from the inputs now on file and appends a version with {@code reason}. */
    public Stored correct(int taxYear, String atenaNo, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw CalculationService.invalid("reason", "更正の理由を500文字以内で指定してください");
        }
        String lgCode = TenantContext.requireLgCode();
        ResidentTaxRules rules = rules(taxYear);
        AppliedMunicipality m = municipality(lgCode, taxYear);
        return tx.execute(s -> {
            LocalDate birth = registeredOnAssessmentDate(taxYear, atenaNo);
            List<AssessmentInputs.Report> reports = loadReports(lgCode, taxYear, atenaNo).getOrDefault(atenaNo, List.of());
            TaxCalculationRequest declared = loadReturns(lgCode, taxYear, atenaNo).get(atenaNo);
            Integer last = jdbc.queryForObject("select max(version) from tax_assessment where lg_code = ? and tax_year = ? "
                    + "and atena_no = ?", Integer.class, lgCode, taxYear, atenaNo);
            int next = last == null ? 1 : last + 1;
            TaxCalculationRequest input = AssessmentInputs.build(taxYear, lgCode, birth,
                    AssessmentInputs.effective(reports), declared);
            CalculationService.validate(input);
            Version v = version(rules, m, input, reports, atenaNo, next, last == null ? INITIAL : reason,
                    loadPensionAmounts(lgCode, taxYear - 1, atenaNo).get(atenaNo));
            jdbc.update(INSERT, v.row(lgCode, taxYear, TenantContext.currentActor()));
            events.publishEvent(v.event(lgCode, taxYear));
            return new Stored(atenaNo, taxYear, next, v.reason, v.ruleVersion, v.collection, v.payerNo,
                    java.util.Arrays.stream(v.installments).boxed().toList(), v.result, Instant.now(),
                    TenantContext.currentActor().qualifiedId(), v.pension);
        });
    }

    /** Appends a 申告 (the whole year's statement of one person); validated as a calculation request. */
    public int fileReturn(int taxYear, String atenaNo, TaxCalculationRequest content) {
        String lgCode = TenantContext.requireLgCode();
        rules(taxYear);
        return tx.execute(s -> {
            LocalDate birth = registeredOnAssessmentDate(taxYear, atenaNo);
            CalculationService.validate(AssessmentInputs.build(taxYear, lgCode, birth, List.of(), content));
            Integer last = jdbc.queryForObject("select max(revision) from tax_return where lg_code = ? and tax_year = ? "
                    + "and atena_no = ?", Integer.class, lgCode, taxYear, atenaNo);
            int next = last == null ? 1 : last + 1;
            jdbc.update("insert into tax_return (lg_code, tax_year, atena_no, revision, content, recorded_at, recorded_by) "
                            + "values (?, ?, ?, ?, ?::jsonb, ?, ?)", lgCode, taxYear, atenaNo, next,
                    json.writeValueAsString(content), Timestamp.from(Instant.now()),
                    TenantContext.currentActor().qualifiedId());
            audit.record(AuditEvent.of("tax.return-filed", "resident", atenaNo, Map.of("taxYear", taxYear, "revision", next)));
            return next;
        });
    }

    /** Every version of one person's assessment for a 年度, oldest first; one audit entry. */
    public List<Stored> history(int taxYear, String atenaNo) {
        String lgCode = TenantContext.requireLgCode();
        return tx.execute(s -> {
            audit.record(AuditEvent.of("tax.assessment-read", "resident", atenaNo, Map.of("taxYear", taxYear)));
            return jdbc.query("""
                            select version, reason, rule_version, collection, payer_no, installments, result, assessed_at,
                                   assessed_by, pension_collection, pension_amount, pension_installments
                            from tax_assessment where lg_code = ? and tax_year = ? and atena_no = ? order by version""",
                    (rs, n) -> {
                        Array a = rs.getArray(6);
                        List<Long> inst = new ArrayList<>();
                        for (Object o : (Object[]) a.getArray()) {
                            inst.add(((Number) o).longValue());
                        }
                        PensionWithholding.Schedule pension = null;
                        if (rs.getString(10) != null) {
                            Object[] p = (Object[]) rs.getArray(12).getArray();
                            long[] amounts = new long[p.length];
                            long sum = 0;
                            for (int i = 0; i < p.length; i++) {
                                amounts[i] = ((Number) p[i]).longValue();
                                sum += amounts[i];
                            }
                            long pensionAmount = rs.getLong(11);
                            pension = new PensionWithholding.Schedule(rs.getString(10).equals("FIRST_YEAR"),
                                    pensionAmount, amounts, Math.max(0, sum - pensionAmount));
                        }
                        return new Stored(atenaNo, taxYear, rs.getInt(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), inst,
                                json.readValue(rs.getString(7), TaxCalculationResult.class),
                                rs.getTimestamp(8).toInstant(), rs.getString(9), pension);
                    }, lgCode, taxYear, atenaNo);
        });
    }

    /** Where a person stands: the latest version of the latest 年度 assessed. */
    public record Summary(int taxYear, int version, long annualTotal, org.kiban.tax.Exemption exemption,
                          String collection, boolean pension) {
    }

    /**
     * The latest version of the latest 年度 assessed for a person, for the counter's flag; one audit entry
     * ({@code tax.status-read}) when there is one.
     */
    public java.util.Optional<Summary> latest(String atenaNo) {
        String lgCode = TenantContext.requireLgCode();
        return tx.execute(s -> {
            List<Summary> found = jdbc.query("""
                            select tax_year, version, annual_total, exemption, collection, pension_collection is not null
                            from tax_assessment
                            where lg_code = ? and atena_no = ? order by tax_year desc, version desc limit 1""",
                    (rs, n) -> new Summary(rs.getInt(1), rs.getInt(2), rs.getLong(3),
                            org.kiban.tax.Exemption.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6)),
                    lgCode, atenaNo);
            found.forEach(x -> audit.record(AuditEvent.of("tax.status-read", "resident", atenaNo,
                    Map.of("taxYear", x.taxYear()))));
            return found.stream().findFirst();
        });
    }

    /**
     * The calculation request a stored version was computed from (income, deductions, family as on file), for the
     * explanation and the staff simulator; read together with {@link #history}, which audits.
     */
    public java.util.Optional<TaxCalculationRequest> input(int taxYear, String atenaNo, int version) {
        String lgCode = TenantContext.requireLgCode();
        return tx.execute(s -> jdbc.query("select input from tax_assessment where lg_code = ? and tax_year = ? "
                        + "and atena_no = ? and version = ?",
                (rs, n) -> json.readValue(rs.getString(1), TaxCalculationRequest.class), lgCode, taxYear, atenaNo, version)
                .stream().findFirst());
    }

    private LocalDate registeredOnAssessmentDate(int taxYear, String atenaNo) {
        LocalDate date = LocalDate.of(taxYear, 1, 1);
        ResidentView view;
        try {
            view = residents.asOf(atenaNo, date, false);
        } catch (ProblemException e) {
            view = null;
        }
        if (view == null || view.record() == null || view.removed()) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-registered-on-assessment-date", atenaNo, date);
        }
        return AssessmentInputs.birthDate(view.record().birthDate());
    }

    private Map<String, List<AssessmentInputs.Report>> loadReports(String lgCode, int taxYear, String atenaNo) {
        Map<String, List<AssessmentInputs.Report>> out = new HashMap<>();
        jdbc.query("""
                        select report_no, kind, payer_no, revenue, social_insurance, life_new_general, life_old_general,
                               life_care_medical, life_new_pension, life_old_pension, earthquake_insurance, old_long_term,
                               spouse_birth_date, spouse_income, dependants, ordinary_collection, atena_no
                        from tax_income_report where lg_code = ? and tax_year = ? and (?::text is null or atena_no = ?)
                        order by report_no""",
                rs -> {
                    long spouseIncome = rs.getLong(14);
                    Long si = rs.wasNull() ? null : spouseIncome;
                    out.computeIfAbsent(rs.getString(17), k -> new ArrayList<>()).add(new AssessmentInputs.Report(
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                            new long[] {rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)},
                            rs.getLong(11), rs.getLong(12), rs.getObject(13, LocalDate.class), si, rs.getString(15),
                            rs.getBoolean(16)));
                }, lgCode, taxYear, atenaNo, atenaNo);
        return out;
    }

    private Map<String, TaxCalculationRequest> loadReturns(String lgCode, int taxYear, String atenaNo) {
        Map<String, TaxCalculationRequest> out = new HashMap<>();
        jdbc.query("""
                        select distinct on (atena_no) atena_no, content from tax_return
                        where lg_code = ? and tax_year = ? and (?::text is null or atena_no = ?)
                        order by atena_no, revision desc""",
                rs -> {
                    out.put(rs.getString(1), json.readValue(rs.getString(2), TaxCalculationRequest.class));
                }, lgCode, taxYear, atenaNo, atenaNo);
        return out;
    }
}

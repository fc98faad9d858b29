package org.kiban.care.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.kiban.care.CareParameters;
import org.kiban.care.internal.PremiumEngine.BaseAmount;
import org.kiban.common.CheckDigits;
import org.kiban.parameter.Parameters;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.Municipalities;
import org.kiban.tenancy.Tenants;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /api/v1/care/premium-calculations} and {@code kiban care premium}: one JSON input, one answer. For a
 * municipality that is a tenant here, its own 基準額, rounding and stage table (public 条例 facts, read as the system)
 * apply; otherwise the national standard. {@code municipality.overrides} replaces any of them for this calculation.
 */
@Service
public class PremiumCalculations {

    private static final Actor CALCULATOR = Actor.system("care-premium-calculation");

    private final Tenants tenants;
    private final Municipalities municipalities;
    private final Parameters parameters;
    private final StageTableStore tables;
    private final TransactionTemplate tx;

    PremiumCalculations(Tenants tenants, Municipalities municipalities, Parameters parameters, StageTableStore tables,
                        TransactionTemplate tx) {
        this.tenants = tenants;
        this.municipalities = municipalities;
        this.parameters = parameters;
        this.tables = tables;
        this.tx = tx;
    }

    /** The answer, in the field order of the documentation. */
    public record Result(int fiscalYear, String lgCode, String tableSource, int stage, String stageLabel,
                         BigDecimal multiplier, BigDecimal multiplierBeforeReduction, long baseAmount,
                         String baseAmountPeriod, String rounding, long fullYearPremium, Long monthlyPremium,
                         int months, long annualPremium, List<String> explanation) {
    }

    /** A municipality's premium rules for a 年度. */
    public record Rules(StageTable table, String tableSource, BaseAmount base, Rounding rounding) {
    }

    public String calculateJson(String json) {
        return JsonInput.mapper().writeValueAsString(calculate(json));
    }

    public Result calculate(String json) {
        JsonInput in = JsonInput.parse(json).only("fiscalYear", "municipality", "person", "household", "months");
        int fy = in.integer("fiscalYear", LowIncomeThreshold.FIRST_YEAR, LowIncomeThreshold.LAST_YEAR);
        JsonInput mun = in.object("municipality").only("lgCode", "overrides");
        String lg = mun.text("lgCode");
        if (!CheckDigits.isValidLgCode(lg) || municipalities.find(lg).isEmpty()) {
            throw new CareInputException("municipality.lgCode", "全国地方公共団体コード（6桁、検査数字付き）の市区町村ではありません。");
        }
        JsonInput person = in.object("person").only("birthDate", "taxed", "totalIncome", "taxablePensionRevenue",
                "pensionIncome", "transferSpecialDeduction", "welfareRecipient");
        LocalDate birth = null;
        if (person.has("birthDate")) {
            try {
                birth = LocalDate.parse(person.text("birthDate"));
            } catch (DateTimeParseException e) {
                throw new CareInputException("person.birthDate", "日付（YYYY-MM-DD）で指定してください。");
            }
        }
        long revenue = person.yen("taxablePensionRevenue", 0);
        if (revenue < 0) {
            throw new CareInputException("person.taxablePensionRevenue", "0円以上で指定してください。");
        }
        Long pensionIncome = person.has("pensionIncome") ? person.yen("pensionIncome") : null;
        if (pensionIncome != null && (pensionIncome < 0 || pensionIncome > revenue)) {
            throw new CareInputException("person.pensionIncome", "0円以上、課税年金収入額以下で指定してください。");
        }
        long special = person.yen("transferSpecialDeduction", 0);
        if (special < 0) {
            throw new CareInputException("person.transferSpecialDeduction", "0円以上で指定してください。");
        }
        PremiumEngine.Facts facts = new PremiumEngine.Facts(birth, person.bool("taxed"), person.yen("totalIncome"),
                revenue, pensionIncome, special, person.bool("welfareRecipient", false),
                in.object("household").only("anyMemberTaxed").bool("anyMemberTaxed"));
        Integer months = in.has("months") ? in.integer("months", 1, 12) : null;

        Rules rules = rulesOf(lg, fy, mun.has("overrides") ? mun.object("overrides") : null);
        PremiumEngine.Outcome o = PremiumEngine.calculate(fy, facts, rules.table(), rules.base(), rules.rounding(), months);
        return new Result(fy, lg, rules.tableSource(), o.stage(), o.stageLabel(), o.multiplier(),
                o.multiplierBeforeReduction(), rules.base().yen(), rules.base().period().name(),
                rules.rounding().unit() + "/" + rules.rounding().mode() + "/" + rules.rounding().basis(),
                o.fullYearPremium(), o.monthlyPremium(), o.months(), o.annualPremium(), o.explanation());
    }

    /** The municipality's rules for {@code fiscalYear}, with {@code overrides} (may be null) applied. */
    Rules rulesOf(String lg, int fy, JsonInput overrides) {
        Rules base = tenants.find(lg).isPresent()
                ? TenantContext.callAs(lg, CALCULATOR, () -> tx.execute(s -> tenantRules(fy)))
                : standardRules(fy);
        if (overrides == null) {
            if (base.table() == null) {
                throw new CareInputException("municipality.overrides.stageTable",
                        "第9期（2024〜2026年度）以外の年度には国の標準段階がありません。段階表を指定してください。");
            }
            return base;
        }
        overrides.only("stageTable", "baseAmountAnnual", "baseAmountMonthly", "rounding");
        StageTable table = base.table();
        String source = base.tableSource();
        if (overrides.has("stageTable")) {
            table = StageTables.parse(overrides.object("stageTable"));
            source = "入力の段階表";
        } else if (table == null) {
            throw new CareInputException("municipality.overrides.stageTable",
                    "第9期（2024〜2026年度）以外の年度には国の標準段階がありません。段階表を指定してください。");
        }
        table.validate("municipality.overrides.stageTable", LowIncomeThreshold.forFiscalYear(fy));
        BaseAmount amount = base.base();
        if (overrides.has("baseAmountAnnual") && overrides.has("baseAmountMonthly")) {
            throw new CareInputException("municipality.overrides.baseAmountMonthly", "基準額は年額か月額のどちらか一方を指定してください。");
        }
        if (overrides.has("baseAmountAnnual")) {
            amount = baseAmount(overrides, "baseAmountAnnual", BaseAmount.Period.ANNUAL);
        } else if (overrides.has("baseAmountMonthly")) {
            amount = baseAmount(overrides, "baseAmountMonthly", BaseAmount.Period.MONTHLY);
        }
        Rounding rounding = base.rounding();
        if (overrides.has("rounding")) {
            JsonInput r = overrides.object("rounding").only("unit", "mode", "basis");
            int unit = r.has("unit") ? (int) r.yen("unit") : rounding.unit();
            if (unit != 1 && unit != 10 && unit != 100) {
                throw new CareInputException(r.pathOf("unit"), "1、10、100 のいずれかで指定してください。");
            }
            rounding = new Rounding(unit, r.has("mode") ? r.choice("mode", Rounding.Mode.class) : rounding.mode(),
                    r.has("basis") ? r.choice("basis", Rounding.Basis.class) : rounding.basis());
        }
        return new Rules(table, source, amount, rounding);
    }

    private static BaseAmount baseAmount(JsonInput overrides, String field, BaseAmount.Period period) {
        long yen = overrides.yen(field);
        if (yen <= 0 || yen > 10_000_000) {
            throw new CareInputException(overrides.pathOf(field), "基準額は1円以上1,000万円以下です。");
        }
        return new BaseAmount(yen, period);
    }

    /** The current tenant's rules as of 1 April of the 年度; call inside a transaction. */
    public Rules tenantRules(int fy) {
        LocalDate at = LocalDate.of(fy, 4, 1);
        BaseAmount base = new BaseAmount(parameters.longValue(CareParameters.BASE_AMOUNT, at),
                BaseAmount.Period.valueOf(parameters.textValue(CareParameters.BASE_AMOUNT_PERIOD, at)));
        Rounding rounding = new Rounding(Integer.parseInt(parameters.textValue(CareParameters.ROUNDING_UNIT, at)),
                Rounding.Mode.valueOf(parameters.textValue(CareParameters.ROUNDING_MODE, at)),
                Rounding.Basis.valueOf(parameters.textValue(CareParameters.ROUNDING_BASIS, at)));
        StageTableStore.Stored stored = tables.inForce(fy).orElse(null);
        if (stored != null) {
            return new Rules(stored.table(), "団体の段階表（" + stored.fiscalYear() + "年度から、改訂" + stored.revision() + "）",
                    base, rounding);
        }
        return new Rules(standardTableFor(fy), "国の標準段階", base, rounding);
    }

    static Rules standardRules(int fy) {
        return new Rules(standardTableFor(fy), "国の標準段階",
                new BaseAmount(CareParameters.STANDARD_BASE_AMOUNT_MONTHLY, BaseAmount.Period.MONTHLY),
                new Rounding(1, Rounding.Mode.DOWN, Rounding.Basis.ANNUAL));
    }

    /** The standard 13 stages are the standard of 第9期 only (令和6〜8年度). */
    static StageTable standardTableFor(int fy) {
        return fy >= 2024 && fy <= 2026 ? StageTables.standard13() : null;
    }
}

package org.kiban.tax.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kiban.common.ResidentDate;
import org.kiban.tax.TaxCalculationRequest;
import org.kiban.tax.TaxCalculationRequest.Dependent;
import org.kiban.tax.TaxCalculationRequest.Disability;

/**
 * Builds one person's calculation request from what the municipality holds: the latest 申告 if there is one (it states
 * the whole year), otherwise the payment reports — incomes summed, deductions and family from the main salary report
 * (the largest; the one of the 年末調整), else from a pension report.
 */
final class AssessmentInputs {

    /** One line of a payment report, as stored. */
    record Report(long reportNo, String kind, String payerNo, long revenue, long socialInsurance, long[] life,
                  long earthquake, long oldLongTerm, LocalDate spouseBirthDate, Long spouseIncome, String dependants,
                  boolean ordinaryCollection) {
    }

    private AssessmentInputs() {
    }

    /** Later reports of the same payer and kind replace earlier ones (a corrected report is appended). */
    static List<Report> effective(List<Report> reports) {
        Map<String, Report> latest = new LinkedHashMap<>();
        for (Report r : reports) {
            latest.merge(r.kind() + "|" + r.payerNo(), r, (a, b) -> a.reportNo() > b.reportNo() ? a : b);
        }
        return new ArrayList<>(latest.values());
    }

    static TaxCalculationRequest build(int taxYear, String lgCode, LocalDate birthDate, List<Report> reports,
                                       TaxCalculationRequest declared) {
        TaxCalculationRequest.Municipality m = new TaxCalculationRequest.Municipality(lgCode, null);
        if (declared != null) {
            TaxCalculationRequest.Taxpayer t = declared.taxpayer();
            TaxCalculationRequest.Taxpayer taxpayer = t == null
                    ? new TaxCalculationRequest.Taxpayer(birthDate, null, null, null, null, null, null)
                    : new TaxCalculationRequest.Taxpayer(birthDate, t.disability(), t.widow(), t.singleParent(),
                    t.workingStudent(), t.sex(), t.publicAssistance());
            return new TaxCalculationRequest(taxYear, m, taxpayer, declared.income(), declared.deductions(),
                    declared.spouse(), declared.dependents(), declared.credits());
        }
        long salary = 0;
        long pension = 0;
        long social = 0;
        for (Report r : reports) {
            if (r.kind().equals("SALARY")) {
                salary += r.revenue();
            } else {
                pension += r.revenue();
            }
            social += r.socialInsurance();
        }
        Report main = reports.stream().filter(r -> r.kind().equals("SALARY")).max(Comparator.comparingLong(Report::revenue))
                .orElse(reports.stream().max(Comparator.comparingLong(Report::revenue)).orElse(null));
        TaxCalculationRequest.LifeInsurance life = null;
        long quake = 0;
        long oldLongTerm = 0;
        TaxCalculationRequest.Spouse spouse = null;
        List<Dependent> dependants = List.of();
        if (main != null) {
            long[] l = main.life();
            life = new TaxCalculationRequest.LifeInsurance(l[0], l[1], l[2], l[3], l[4]);
            quake = main.earthquake();
            oldLongTerm = main.oldLongTerm();
            if (main.spouseBirthDate() != null) {
                spouse = new TaxCalculationRequest.Spouse(main.spouseBirthDate(),
                        main.spouseIncome() == null ? 0 : main.spouseIncome(), Disability.NONE);
            }
            dependants = IncomeReportImport.parseDependants(main.dependants(), 0).stream()
                    .map(p -> new Dependent(LocalDate.parse(p[0]), Long.parseLong(p[1]), Disability.NONE,
                            p.length == 3, p.length == 3))
                    .toList();
        }
        return new TaxCalculationRequest(taxYear, m,
                new TaxCalculationRequest.Taxpayer(birthDate, Disability.NONE, false, false, false, null, false),
                new TaxCalculationRequest.Income(salary, pension, 0L, 0L, 0L),
                new TaxCalculationRequest.Deductions(social, 0L, life, quake, oldLongTerm, 0L),
                spouse, dependants, null);
    }

    /**
     * A registry 生年月日 as a day: exact, or for a 不詳日 the first day its text allows (年月日不詳: 1900-01-01, so the
     * person is treated as aged — the amounts that depend on age are then the more favourable ones).
     */
    static LocalDate birthDate(String registryText) {
        if (registryText == null || registryText.isBlank()) {
            return LocalDate.of(1900, 1, 1);
        }
        ResidentDate d;
        try {
            d = ResidentDate.parse(registryText);
        } catch (IllegalArgumentException e) {
            return LocalDate.of(1900, 1, 1);
        }
        return d.toLocalDate().orElseGet(() -> {
            String key = d.sortKey();
            int year = Integer.parseInt(key.substring(0, 4));
            int month = Integer.parseInt(key.substring(4, 6));
            if (year == 9999) {
                return LocalDate.of(1900, 1, 1);
            }
            return LocalDate.of(year, month >= 1 && month <= 12 ? month : 1, 1);
        });
    }
}

package org.kiban.tax.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.kiban.tax.TaxCalculationRequest;
import org.kiban.tax.TaxCalculationRequest.Dependent;
import org.kiban.tax.TaxCalculationRequest.Disability;
import org.kiban.tax.TaxCalculationRequest.LifeInsurance;
import org.kiban.tax.TaxCalculationResult;
import org.kiban.tax.TaxCalculationResult.AppliedMunicipality;

/** A builder of calculation requests for the engine tests. */
final class Taxpayers {

    static final AppliedMunicipality STANDARD_CITY = municipality("6", "4", 3_000, 1_000, "1級地-1", false);

    static AppliedMunicipality municipality(String cityPct, String prefPct, long cityPc, long prefPc, String grade,
                                            boolean designated) {
        return new AppliedMunicipality("000000", "テスト市", new BigDecimal(cityPct), new BigDecimal(prefPct), cityPc,
                prefPc, 1_000, grade, designated, "TEST");
    }

    private int taxYear = 2026;
    private LocalDate birthDate = LocalDate.of(1980, 6, 1);
    private Disability disability = Disability.NONE;
    private boolean widow;
    private boolean singleParent;
    private boolean workingStudent;
    private long salary;
    private long pension;
    private long business;
    private long dividend;
    private long socialInsurance;
    private LifeInsurance life;
    private long earthquake;
    private long medical;
    private TaxCalculationRequest.Spouse spouse;
    private TaxCalculationRequest.CasualtyLoss casualtyLoss;
    private Boolean oneStop;
    private final List<Dependent> dependents = new ArrayList<>();
    private final List<TaxCalculationRequest.Donation> donations = new ArrayList<>();

    static Taxpayers fy(int taxYear) {
        Taxpayers t = new Taxpayers();
        t.taxYear = taxYear;
        return t;
    }

    /** Born on 1 June, so aged {@code age} on 31 December of the income year. */
    LocalDate bornAged(int age) {
        return LocalDate.of(taxYear - 1 - age, 6, 1);
    }

    Taxpayers aged(int age) {
        birthDate = bornAged(age);
        return this;
    }

    Taxpayers salary(long revenue) {
        salary = revenue;
        return this;
    }

    Taxpayers pension(long revenue) {
        pension = revenue;
        return this;
    }

    Taxpayers business(long income) {
        business = income;
        return this;
    }

    Taxpayers dividend(long income) {
        dividend = income;
        return this;
    }

    Taxpayers socialInsurance(long paid) {
        socialInsurance = paid;
        return this;
    }

    Taxpayers life(Long newGeneral, Long oldGeneral, Long careMedical, Long newPension, Long oldPension) {
        life = new LifeInsurance(newGeneral, oldGeneral, careMedical, newPension, oldPension);
        return this;
    }

    Taxpayers earthquake(long paid) {
        earthquake = paid;
        return this;
    }

    Taxpayers medical(long net) {
        medical = net;
        return this;
    }

    Taxpayers disability(Disability d) {
        disability = d;
        return this;
    }

    Taxpayers widow() {
        widow = true;
        return this;
    }

    Taxpayers singleParent() {
        singleParent = true;
        return this;
    }

    Taxpayers workingStudent() {
        workingStudent = true;
        return this;
    }

    Taxpayers spouse(int age, long totalIncome) {
        spouse = new TaxCalculationRequest.Spouse(bornAged(age), totalIncome, Disability.NONE);
        return this;
    }

    Taxpayers dependent(int age, long totalIncome) {
        dependents.add(new Dependent(bornAged(age), totalIncome, Disability.NONE, false, false));
        return this;
    }

    Taxpayers cohabitingParent(int age) {
        dependents.add(new Dependent(bornAged(age), 0L, Disability.NONE, true, true));
        return this;
    }

    Taxpayers casualtyLoss(long loss, long reimbursed, long disasterRelatedExpenses) {
        casualtyLoss = new TaxCalculationRequest.CasualtyLoss(loss, reimbursed, disasterRelatedExpenses);
        return this;
    }

    Taxpayers oneStop() {
        oneStop = true;
        return this;
    }

    Taxpayers donation(long amount, boolean furusato) {
        donations.add(new TaxCalculationRequest.Donation(amount, furusato));
        return this;
    }

    TaxCalculationRequest request() {
        return new TaxCalculationRequest(taxYear, new TaxCalculationRequest.Municipality("000000", null),
                new TaxCalculationRequest.Taxpayer(birthDate, disability, widow, singleParent, workingStudent, null, false),
                new TaxCalculationRequest.Income(salary, pension, business, 0L, dividend),
                new TaxCalculationRequest.Deductions(socialInsurance, 0L, life, earthquake, 0L, medical,
                        casualtyLoss),
                spouse, List.copyOf(dependents),
                new TaxCalculationRequest.Credits(List.copyOf(donations), 0L, null, oneStop));
    }

    TaxCalculationResult calculate(AppliedMunicipality m) {
        return ResidentTaxEngine.calculate(RuleSets.forYear(taxYear).orElseThrow(), request(), m);
    }

    TaxCalculationResult calculate() {
        return calculate(STANDARD_CITY);
    }
}

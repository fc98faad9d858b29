package org.kiban.tax.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.kiban.platform.ProblemException;
import org.kiban.platform.Problems;
import org.kiban.tax.ResidentTaxCalculation;
import org.kiban.tax.TaxCalculationRequest;
import org.kiban.tax.TaxCalculationRequest.Dependent;
import org.kiban.tax.TaxCalculationRequest.Disability;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The public 個人住民税 simulator (no sign-in): a resident enters salary, family and deductions and sees the estimate
 * with its explanation, from the same engine as the API. A GET form, answered without a session, so nothing about the
 * visitor is kept and the page can sit behind any cache or rate limiter.
 */
@Controller
public class SimulatorController {

    private final ResidentTaxCalculation calculation;
    private final Problems problems;

    SimulatorController(ResidentTaxCalculation calculation, Problems problems) {
        this.calculation = calculation;
        this.problems = problems;
    }

    /** What the form asks; ages instead of birth dates, counts of relatives by age group. */
    public static class Form {
        public int taxYear = 2026;
        public String lgCode = "141003";
        public int age = 40;
        public Long salary;
        public long pension;
        public long businessIncome;
        public long socialInsurance;
        public long lifeInsurance;
        public long earthquakeInsurance;
        public long medicalExpenses;
        public boolean spouse;
        public int spouseAge = 40;
        public long spouseIncome;
        public int childrenUnder16;
        public int children16to18;
        public int children19to22;
        public int elderlyParentsCohabiting;
        public long furusato;
        public boolean oneStop;
        public boolean singleParent;

        // setters for Spring's data binding
        public void setTaxYear(int v) { taxYear = v; }
        public void setLgCode(String v) { lgCode = v; }
        public void setAge(int v) { age = v; }
        public void setSalary(Long v) { salary = v; }
        public void setPension(long v) { pension = v; }
        public void setBusinessIncome(long v) { businessIncome = v; }
        public void setSocialInsurance(long v) { socialInsurance = v; }
        public void setLifeInsurance(long v) { lifeInsurance = v; }
        public void setEarthquakeInsurance(long v) { earthquakeInsurance = v; }
        public void setMedicalExpenses(long v) { medicalExpenses = v; }
        public void setSpouse(boolean v) { spouse = v; }
        public void setSpouseAge(int v) { spouseAge = v; }
        public void setSpouseIncome(long v) { spouseIncome = v; }
        public void setChildrenUnder16(int v) { childrenUnder16 = v; }
        public void setChildren16to18(int v) { children16to18 = v; }
        public void setChildren19to22(int v) { children19to22 = v; }
        public void setElderlyParentsCohabiting(int v) { elderlyParentsCohabiting = v; }
        public void setFurusato(long v) { furusato = v; }
        public void setOneStop(boolean v) { oneStop = v; }
        public void setSingleParent(boolean v) { singleParent = v; }

        public int getTaxYear() { return taxYear; }
        public String getLgCode() { return lgCode; }
        public int getAge() { return age; }
        public Long getSalary() { return salary; }
        public long getPension() { return pension; }
        public long getBusinessIncome() { return businessIncome; }
        public long getSocialInsurance() { return socialInsurance; }
        public long getLifeInsurance() { return lifeInsurance; }
        public long getEarthquakeInsurance() { return earthquakeInsurance; }
        public long getMedicalExpenses() { return medicalExpenses; }
        public boolean isSpouse() { return spouse; }
        public int getSpouseAge() { return spouseAge; }
        public long getSpouseIncome() { return spouseIncome; }
        public int getChildrenUnder16() { return childrenUnder16; }
        public int getChildren16to18() { return children16to18; }
        public int getChildren19to22() { return children19to22; }
        public int getElderlyParentsCohabiting() { return elderlyParentsCohabiting; }
        public long getFurusato() { return furusato; }
        public boolean isOneStop() { return oneStop; }
        public boolean isSingleParent() { return singleParent; }

        /** Born on 1 July, so the age holds on 31 December of the income year. */
        private LocalDate born(int years) {
            return LocalDate.of(taxYear - 1 - Math.max(0, Math.min(years, 120)), 7, 1);
        }

        /** A 年度 the engine has rules for, else a 400 naming {@code taxYear} (a form can send any number). */
        static int supportedYear(int year) {
            if (!org.kiban.tax.engine.RuleSets.supportedYears().contains(year)) {
                throw org.kiban.platform.ProblemException.badRequest("invalid-tax-input", "taxYear",
                        "対応している年度は " + org.kiban.tax.engine.RuleSets.supportedYears() + " です").with("field", "taxYear");
            }
            return year;
        }

        TaxCalculationRequest request() {
            supportedYear(taxYear);
            List<Dependent> deps = new ArrayList<>();
            addRelatives(deps, childrenUnder16, 10, false);
            addRelatives(deps, children16to18, 17, false);
            addRelatives(deps, children19to22, 20, false);
            addRelatives(deps, elderlyParentsCohabiting, 75, true);
            List<TaxCalculationRequest.Donation> gifts = furusato > 0
                    ? List.of(new TaxCalculationRequest.Donation(furusato, true)) : List.of();
            return new TaxCalculationRequest(taxYear, new TaxCalculationRequest.Municipality(lgCode, null),
                    new TaxCalculationRequest.Taxpayer(born(age), Disability.NONE, false, singleParent, false,
                            singleParent ? TaxCalculationRequest.Sex.FEMALE : null, false),
                    new TaxCalculationRequest.Income(salary, pension, businessIncome, 0L, 0L),
                    new TaxCalculationRequest.Deductions(socialInsurance, 0L,
                            new TaxCalculationRequest.LifeInsurance(lifeInsurance, null, null, null, null),
                            earthquakeInsurance, 0L, medicalExpenses),
                    spouse ? new TaxCalculationRequest.Spouse(born(spouseAge), spouseIncome, Disability.NONE) : null,
                    deps, new TaxCalculationRequest.Credits(gifts, 0L, null, oneStop && furusato > 0));
        }

        private void addRelatives(List<Dependent> deps, int count, int ageOf, boolean parent) {
            for (int i = 0; i < Math.max(0, Math.min(count, 10)); i++) {
                deps.add(new Dependent(born(ageOf), 0L, Disability.NONE, parent, parent));
            }
        }
    }

    @GetMapping("/simulator/resident-tax")
    public String simulator(@ModelAttribute("form") Form form, Model model) {
        if (form.salary != null) {
            try {
                model.addAttribute("result", calculation.calculate(form.request()));
            } catch (ProblemException e) {
                model.addAttribute("error", problems.message("problem." + e.code(), e.args()));
            }
        }
        return "tax/simulator";
    }
}

package org.kiban.tax.web;

import java.time.LocalDate;
import java.time.Period;

import org.kiban.tax.TaxCalculationRequest;

/**
 * The staff simulator's form filled from a stored assessment's input: the simulator asks ages and counts, so birth
 * dates become ages on 31 December of the income year (the date the law takes them, 地方税法第314条の2第6項 etc.) and
 * relatives are counted by age group. What the simplified form cannot hold (a relative's own income, 雑所得 and
 * 配当所得) is left out; the clerk sees that the figures are an estimate.
 */
final class SimulatorPrefill {

    private SimulatorPrefill() {
    }

    static void fill(SimulatorController.Form form, TaxCalculationRequest input, LocalDate birthDate) {
        LocalDate yearEnd = LocalDate.of(form.taxYear - 1, 12, 31);
        form.salary = 0L;
        if (birthDate != null) {
            form.age = age(birthDate, yearEnd);
        }
        if (input == null) {
            return;
        }
        if (input.taxpayer() != null) {
            if (input.taxpayer().birthDate() != null) {
                form.age = age(input.taxpayer().birthDate(), yearEnd);
            }
            form.singleParent = Boolean.TRUE.equals(input.taxpayer().singleParent());
        }
        if (input.income() != null) {
            form.salary = orZero(input.income().salaryRevenue());
            form.pension = orZero(input.income().pensionRevenue());
            form.businessIncome = orZero(input.income().businessIncome());
        }
        TaxCalculationRequest.Deductions d = input.deductions();
        if (d != null) {
            form.socialInsurance = orZero(d.socialInsurance());
            form.earthquakeInsurance = orZero(d.earthquakeInsurance());
            form.medicalExpenses = orZero(d.medicalExpenses());
            if (d.lifeInsurance() != null) {
                form.lifeInsurance = orZero(d.lifeInsurance().newGeneral());
            }
        }
        if (input.spouse() != null) {
            form.spouse = true;
            form.spouseIncome = orZero(input.spouse().totalIncome());
            if (input.spouse().birthDate() != null) {
                form.spouseAge = age(input.spouse().birthDate(), yearEnd);
            }
        }
        if (input.dependents() != null) {
            for (TaxCalculationRequest.Dependent dep : input.dependents()) {
                int a = dep.birthDate() == null ? 30 : age(dep.birthDate(), yearEnd);
                if (a < 16) {
                    form.childrenUnder16++;
                } else if (a <= 18) {
                    form.children16to18++;
                } else if (a <= 22) {
                    form.children19to22++;
                } else if (a >= 70 && Boolean.TRUE.equals(dep.cohabiting()) && Boolean.TRUE.equals(dep.linealAscendant())) {
                    form.elderlyParentsCohabiting++;
                }
            }
        }
        if (input.credits() != null && input.credits().donations() != null) {
            form.furusato = input.credits().donations().stream().filter(g -> Boolean.TRUE.equals(g.furusato()))
                    .mapToLong(g -> orZero(g.amount())).sum();
            form.oneStop = Boolean.TRUE.equals(input.credits().oneStopSpecialException());
        }
    }

    private static int age(LocalDate born, LocalDate on) {
        return Math.max(0, Period.between(born, on).getYears());
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}

package org.kiban.tax;

/**
 * The 個人住民税 calculation for one taxpayer, with the municipality's parameters for the 年度 (a tenant's values, or
 * the standard for a municipality that is not a tenant) and the request's overrides. Reads and stores no personal data.
 */
public interface ResidentTaxCalculation {

    /** @throws org.kiban.platform.ProblemException 400 naming the field, if the request is invalid */
    TaxCalculationResult calculate(TaxCalculationRequest request);
}

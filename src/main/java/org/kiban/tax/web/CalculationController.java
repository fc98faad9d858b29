package org.kiban.tax.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kiban.tax.ResidentTaxCalculation;
import org.kiban.tax.TaxCalculationRequest;
import org.kiban.tax.TaxCalculationResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 個人住民税 calculation as a service for other systems. Any authenticated caller (staff of any tenant, an API
 * token, the operator) may use it: it reads no personal data and stores nothing, so it needs no permission and is not
 * audited; a municipality's parameters are public ordinance facts. The public simulator screen uses the same engine.
 */
@RestController
@Tag(name = "resident-tax", description = "個人住民税")
public class CalculationController {

    private final ResidentTaxCalculation calculation;

    CalculationController(ResidentTaxCalculation calculation) {
        this.calculation = calculation;
    }

    @PostMapping("/api/v1/tax/resident-tax/calculations")
    @Operation(summary = "One taxpayer's 個人住民税 for a 年度 (2025, 2026): the full breakdown with the articles applied")
    public TaxCalculationResult calculate(@RequestBody TaxCalculationRequest request) {
        return calculation.calculate(request);
    }
}

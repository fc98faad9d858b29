package org.kiban.care.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kiban.care.internal.CareInputException;
import org.kiban.care.internal.JsonInput;
import org.kiban.care.internal.LowIncomeThreshold;
import org.kiban.care.internal.PremiumCalculations;
import org.kiban.care.internal.StageTable;
import org.kiban.care.internal.StageTableStore;
import org.kiban.care.internal.StageTables;
import org.kiban.platform.Permissions;
import org.kiban.platform.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Premium calculation (anyone signed in: it holds no personal data) and each tenant's stage tables. */
@RestController
@Tag(name = "care", description = "介護保険")
class PremiumController {

    private final PremiumCalculations calculations;
    private final StageTableStore tables;

    PremiumController(PremiumCalculations calculations, StageTableStore tables) {
        this.calculations = calculations;
        this.tables = tables;
    }

    /** The same JSON in and out as {@code kiban care premium}, written by the same code. */
    @PostMapping(path = "/api/v1/care/premium-calculations", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "第1号保険料の計算（段階・保険料率・年額と、その根拠）")
    ResponseEntity<String> calculate(@RequestBody(required = false) String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(calculations.calculateJson(body));
    }

    @GetMapping("/api/v1/municipalities/{lgCode}/care/premium-stage-tables/{fiscalYear}")
    @PreAuthorize("hasAuthority('" + Permissions.PARAMETER_READ + "')")
    @Operation(summary = "その年度に適用される段階表（団体が定めていなければ国の標準段階）")
    Map<String, Object> stageTable(@PathVariable String lgCode, @PathVariable int fiscalYear) {
        checkYear(fiscalYear);
        Map<String, Object> out = new LinkedHashMap<>();
        StageTableStore.Stored stored = tables.inForce(fiscalYear).orElse(null);
        if (stored == null) {
            if (fiscalYear < 2024) {
                throw ProblemException.notFound("段階表", fiscalYear);
            }
            out.put("source", "STANDARD");
            out.put("stageTable", StageTables.toJson(StageTables.standard13()));
        } else {
            out.put("source", "TENANT");
            out.put("fromFiscalYear", stored.fiscalYear());
            out.put("revision", stored.revision());
            out.put("stageTable", StageTables.toJson(stored.table()));
        }
        return out;
    }

    /** Body: {@code {"reason": "…", "stageTable": {…}}}; appends a revision, audited. */
    @PutMapping(path = "/api/v1/municipalities/{lgCode}/care/premium-stage-tables/{fiscalYear}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('" + Permissions.PARAMETER_WRITE + "')")
    @Operation(summary = "段階表を定める（その年度から次の段階表まで適用）")
    Map<String, Object> saveStageTable(@PathVariable String lgCode, @PathVariable int fiscalYear,
                                       @RequestBody(required = false) String body) {
        checkYear(fiscalYear);
        JsonInput in = JsonInput.parse(body).only("reason", "stageTable");
        String reason = in.text("reason");
        StageTable table = StageTables.parse(in.object("stageTable"));
        StageTableStore.Stored stored = tables.save(fiscalYear, table, reason);
        return Map.of("fromFiscalYear", stored.fiscalYear(), "revision", stored.revision(),
                "stageTable", StageTables.toJson(stored.table()));
    }

    private static void checkYear(int fiscalYear) {
        if (fiscalYear < LowIncomeThreshold.FIRST_YEAR || fiscalYear > LowIncomeThreshold.LAST_YEAR) {
            throw new CareInputException("fiscalYear", LowIncomeThreshold.FIRST_YEAR + "〜" + LowIncomeThreshold.LAST_YEAR
                    + "年度で指定してください。");
        }
    }
}

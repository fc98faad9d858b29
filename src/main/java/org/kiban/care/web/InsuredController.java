package org.kiban.care.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kiban.care.internal.CareDailyJob;
import org.kiban.care.internal.EligibilityRules.FacilityKind;
import org.kiban.care.internal.InsuredRegister;
import org.kiban.care.internal.JsonInput;
import org.kiban.platform.Permissions;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 第1号被保険者: status and history, facility stays (住所地特例・適用除外), and the daily job on demand. */
@RestController
@RequestMapping("/api/v1/municipalities/{lgCode}/care")
@Tag(name = "care", description = "介護保険")
class InsuredController {

    private final InsuredRegister register;
    private final CareDailyJob daily;
    private final org.kiban.care.internal.CareDocuments documents;

    InsuredController(InsuredRegister register, CareDailyJob daily, org.kiban.care.internal.CareDocuments documents) {
        this.register = register;
        this.daily = daily;
        this.documents = documents;
    }

    @GetMapping(path = "/insured/{atenaNo}/card", produces = "application/pdf")
    @PreAuthorize("hasAuthority('" + Permissions.CARE_READ + "')")
    @Operation(summary = "介護保険被保険者証（PDF、印刷は監査ログに記録）")
    org.springframework.http.ResponseEntity<byte[]> card(@PathVariable String lgCode, @PathVariable String atenaNo) {
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"insured-card-" + atenaNo + ".pdf\"")
                .body(documents.insuredCard(atenaNo));
    }

    @GetMapping("/insured/{atenaNo}")
    @PreAuthorize("hasAuthority('" + Permissions.CARE_READ + "')")
    @Operation(summary = "被保険者の資格と履歴（閲覧は監査ログに記録）")
    InsuredRegister.Insured insured(@PathVariable String lgCode, @PathVariable String atenaNo) {
        return register.read(atenaNo);
    }

    /** Body: {@code {"kind": "ADDRESS_EXCEPTION", "facilityName": "…", "facilityKind": "SPECIAL_NURSING_HOME", "from": "2026-05-01"}}. */
    @PostMapping("/insured/{atenaNo}/special-statuses")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.CARE_WRITE + "')")
    @Operation(summary = "施設入所の登録：住所地特例、適用除外施設、他市町村の住所地特例対象者")
    InsuredRegister.SpecialStatus registerSpecial(@PathVariable String lgCode, @PathVariable String atenaNo,
                                                  @RequestBody(required = false) String body) {
        JsonInput in = JsonInput.parse(body).only("kind", "facilityName", "facilityKind", "from");
        return register.registerSpecialStatus(atenaNo, in.text("kind"), in.text("facilityName"),
                in.choice("facilityKind", FacilityKind.class), date(in, "from"));
    }

    @PostMapping("/insured/{atenaNo}/special-statuses/{seq}/end")
    @PreAuthorize("hasAuthority('" + Permissions.CARE_WRITE + "')")
    @Operation(summary = "施設入所の終了（適用除外施設の退所などで資格取得）")
    InsuredRegister.Insured endSpecial(@PathVariable String lgCode, @PathVariable String atenaNo, @PathVariable int seq,
                                       @RequestBody(required = false) String body) {
        JsonInput in = JsonInput.parse(body).only("until");
        register.endSpecialStatus(atenaNo, seq, date(in, "until"));
        return register.read(atenaNo);
    }

    /** Body: {@code {"date": "2026-04-01"}}. The nightly job, run now for this tenant and business date. */
    @PostMapping("/daily-runs")
    @PreAuthorize("hasAuthority('" + Permissions.CARE_WRITE + "')")
    @Operation(summary = "日次処理（65歳到達による資格取得）を業務日付で実行")
    InsuredRegister.DailyResult dailyRun(@PathVariable String lgCode, @RequestBody(required = false) String body) {
        return daily.run(lgCode, date(JsonInput.parse(body).only("date"), "date"));
    }

    static LocalDate date(JsonInput in, String field) {
        try {
            return LocalDate.parse(in.text(field));
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.kiban.care.internal.CareInputException(in.pathOf(field), "日付（YYYY-MM-DD）で指定してください。");
        }
    }
}

package org.kiban.exchange.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kiban.exchange.internal.Inquiry;
import org.kiban.platform.Permissions;
import org.kiban.platform.ProblemException;
import org.kiban.resident.ResidentQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inquiry API (PULL, standards.md §1.13): other systems read persons and households item by item, with the
 * items their token grants. {@code fields} is required; an unknown item is a 400, an item not granted a 403.
 */
@RestController
@Tag(name = "exchange", description = "データ連携（照会API）")
public class InquiryController {

    private final Inquiry inquiry;

    InquiryController(Inquiry inquiry) {
        this.inquiry = inquiry;
    }

    /** The persons found, each with the items asked for. */
    public record Persons(List<Map<String, Object>> persons) {
    }

    @GetMapping("/api/v1/inquiry-items")
    @Operation(summary = "Items a system's token can be granted and a request can ask for in fields")
    public Map<String, String> items() {
        return inquiry.items();
    }

    @GetMapping("/api/v1/municipalities/{lgCode}/inquiry/persons/{atenaNo}")
    @PreAuthorize("hasAuthority('" + Permissions.INQUIRY_READ + "')")
    @Operation(summary = "A person, current (as of today) or as of a date, with the items in fields")
    public Map<String, Object> person(@PathVariable String lgCode, @PathVariable String atenaNo,
                                      @RequestParam(required = false) String fields,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return inquiry.person(atenaNo, asOf, fields);
    }

    @GetMapping("/api/v1/municipalities/{lgCode}/inquiry/households/{householdNo}")
    @PreAuthorize("hasAuthority('" + Permissions.INQUIRY_READ + "')")
    @Operation(summary = "A household's members, current or as of a date, with the items in fields")
    public Persons household(@PathVariable String lgCode, @PathVariable String householdNo,
                             @RequestParam(required = false) String fields,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return new Persons(inquiry.household(householdNo, asOf, fields));
    }

    @GetMapping("/api/v1/municipalities/{lgCode}/inquiry/persons")
    @PreAuthorize("hasAuthority('" + Permissions.INQUIRY_READ + "')")
    @Operation(summary = "Search by the standard keys (氏名, カナ, 生年月日, 住所, 宛名番号, 世帯番号, 住民票コード, 個人番号)")
    public Persons search(@PathVariable String lgCode, @RequestParam(required = false) String fields,
                          @RequestParam(required = false) String name, @RequestParam(required = false) String kana,
                          @RequestParam(required = false) String birthDate,
                          @RequestParam(required = false) String address,
                          @RequestParam(required = false) String atenaNo,
                          @RequestParam(required = false) String householdNo,
                          @RequestParam(required = false) String juminhyoCode,
                          @RequestParam(required = false) String individualNumber,
                          @RequestParam(defaultValue = "false") boolean includeRemoved,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw ProblemException.badRequest("invalid-page");
        }
        return new Persons(inquiry.search(new ResidentQuery(name, kana, birthDate, address, atenaNo, householdNo,
                juminhyoCode, individualNumber, false, includeRemoved, page, size), fields));
    }
}

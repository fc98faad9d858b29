package org.kiban.resident.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kiban.platform.Permissions;
import org.kiban.platform.ProblemException;
import org.kiban.resident.AdultGuardianships;
import org.kiban.resident.MoveInNotices;
import org.kiban.resident.Notification;
import org.kiban.resident.NotificationResult;
import org.kiban.resident.ProtectedOperation;
import org.kiban.resident.ProtectionMeasure;
import org.kiban.resident.ProtectionMeasures;
import org.kiban.resident.ResidentNotifications;
import org.kiban.resident.ResidentQuery;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.ResidentView;
import org.kiban.resident.Residents;
import org.kiban.resident.SearchResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 住民記録 over the API: notifications (every 異動), reads with history and as-of dates, search, 支援措置. */
@RestController
@RequestMapping("/api/v1/municipalities/{lgCode}")
@Tag(name = "residents", description = "住民記録")
public class ResidentController {

    private final ResidentNotifications notifications;
    private final Residents residents;
    private final ProtectionMeasures protections;
    private final MoveInNotices moveInNotices;
    private final AdultGuardianships guardianships;

    ResidentController(ResidentNotifications notifications, Residents residents, ProtectionMeasures protections,
                       MoveInNotices moveInNotices, AdultGuardianships guardianships) {
        this.notifications = notifications;
        this.residents = residents;
        this.protections = protections;
        this.moveInNotices = moveInNotices;
        this.guardianships = guardianships;
    }

    @PostMapping("/notifications")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    @Operation(summary = "Record a 異動 (届出 or 職権): all of it or nothing; the type decides the other fields")
    public NotificationResult notify(@PathVariable String lgCode, @RequestBody Notification notification,
                                     @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return notifications.submit(notification, idempotencyKey);
    }

    @GetMapping("/residents")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    @Operation(summary = "Search: name (異体字 folded), kana (fuzzy), birth date (西暦/和暦), address, numbers; history and 除票 included")
    public SearchResult search(@PathVariable String lgCode,
                               @RequestParam(required = false) String name, @RequestParam(required = false) String kana,
                               @RequestParam(required = false) String birthDate, @RequestParam(required = false) String address,
                               @RequestParam(required = false) String atenaNo, @RequestParam(required = false) String householdNo,
                               @RequestParam(required = false) String juminhyoCode,
                               @RequestParam(required = false) String individualNumber,
                               @RequestParam(defaultValue = "false") boolean partial,
                               @RequestParam(defaultValue = "true") boolean includeRemoved,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return residents.search(new ResidentQuery(name, kana, birthDate, address, atenaNo, householdNo, juminhyoCode,
                individualNumber, partial, includeRemoved, page, size));
    }

    @GetMapping("/residents/{atenaNo}")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    @Operation(summary = "A person: now, as of a date (異動日 axis), or as recorded at an instant (処理日時 axis)")
    public ResidentView get(@PathVariable String lgCode, @PathVariable String atenaNo,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedAt,
                            @RequestParam(defaultValue = "false") boolean withIndividualNumber,
                            Authentication user) {
        boolean number = entitledToIndividualNumber(withIndividualNumber, user);
        if (asOf != null && recordedAt != null) {
            throw ProblemException.badRequest("one-axis-only");
        }
        if (asOf != null) {
            return residents.asOf(atenaNo, asOf, number);
        }
        if (recordedAt != null) {
            return residents.recordedAsOf(atenaNo, recordedAt, number);
        }
        return residents.current(atenaNo, number);
    }

    @GetMapping("/residents/{atenaNo}/history")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    @Operation(summary = "Every version of a person's record (履歴番号 order)")
    public List<ResidentRecord> history(@PathVariable String lgCode, @PathVariable String atenaNo,
                                        @RequestParam(defaultValue = "false") boolean withIndividualNumber,
                                        Authentication user) {
        return residents.history(atenaNo, entitledToIndividualNumber(withIndividualNumber, user));
    }

    @GetMapping("/households/{householdNo}")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    @Operation(summary = "A household's current members and version (send it back as expectedVersions)")
    public ResponseEntity<Residents.HouseholdView> household(@PathVariable String lgCode, @PathVariable String householdNo) {
        Residents.HouseholdView view = residents.household(householdNo);
        return ResponseEntity.ok().eTag(Integer.toString(view.version())).body(view);
    }

    /** 個人番号 is shown only to 住民記録 staff who ask for it (番号法第9条・第19条), and the read is logged as such. */
    private static boolean entitledToIndividualNumber(boolean asked, Authentication user) {
        if (!asked) {
            return false;
        }
        boolean entitled = user.getAuthorities().stream().anyMatch(a -> Permissions.RESIDENT_WRITE.equals(a.getAuthority()));
        if (!entitled) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "individual-number-not-entitled");
        }
        return true;
    }

    // ---- 支援措置

    public record Extension(LocalDate on) {
    }

    public record Ending(LocalDate on, String reason) {
    }

    public record Release(ProtectedOperation operation, String reason) {
    }

    @PostMapping("/protection-measures")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    @Operation(summary = "Register a 支援措置 for the applicant and those covered with them")
    public List<ProtectionMeasure> register(@PathVariable String lgCode, @RequestBody ProtectionMeasures.Registration r) {
        return protections.register(r);
    }

    @GetMapping("/protection-measures")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    @Operation(summary = "Measures in force, or those ending within N days (with alerts)")
    public List<ProtectionMeasure> measures(@PathVariable String lgCode, @RequestParam(required = false) Integer expiringWithinDays) {
        return protections.list(expiringWithinDays);
    }

    @GetMapping("/protection-measures/{measureNo}")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    public ProtectionMeasure measure(@PathVariable String lgCode, @PathVariable long measureNo) {
        return protections.get(measureNo);
    }

    @PostMapping("/protection-measures/{measureNo}/extensions")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    public ProtectionMeasure extend(@PathVariable String lgCode, @PathVariable long measureNo, @RequestBody(required = false) Extension e) {
        return protections.extend(measureNo, e == null ? null : e.on());
    }

    @PostMapping("/protection-measures/{measureNo}/confirmation")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    public ProtectionMeasure confirm(@PathVariable String lgCode, @PathVariable long measureNo) {
        return protections.confirm(measureNo);
    }

    @PostMapping("/protection-measures/{measureNo}/ending")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    public ProtectionMeasure end(@PathVariable String lgCode, @PathVariable long measureNo, @RequestBody(required = false) Ending e) {
        return protections.end(measureNo, e == null ? null : e.on(), e == null ? null : e.reason());
    }

    @PostMapping("/protection-measures/{measureNo}/releases")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.PROTECTION_RELEASE + "')")
    @Operation(summary = "A 支援措置責任者 releases one operation for one protected person (valid 30 minutes, audited)")
    public Map<String, Object> release(@PathVariable String lgCode, @PathVariable long measureNo, @RequestBody Release r) {
        long no = protections.release(measureNo, r.operation(), r.reason());
        return Map.of("releaseNo", no, "validMinutes", 30);
    }

    /** Checks whether an operation on a person is allowed now (consumes a release); for the certificate flow. */
    @PostMapping("/residents/{atenaNo}/protection-check")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    @Operation(summary = "May this operation be done for this requester? 403 problem when a 支援措置 refuses it")
    public Map<String, Object> check(@PathVariable String lgCode, @PathVariable String atenaNo,
                                     @RequestParam ProtectedOperation operation,
                                     @RequestParam ProtectionMeasures.Requester requester) {
        ProtectionMeasures.Decision decision = protections.check(atenaNo, operation, requester);
        if (!decision.allowed()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "protected-person", operation.label());
        }
        return Map.of("allowed", true, "protected", decision.protectedPerson(), "operation", operation);
    }

    // ---- 転入通知 (住民基本台帳法第9条第1項)

    @PostMapping("/residents/{atenaNo}/move-in-notice")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    @Operation(summary = "Record the 転入通知 received for a person who moved out (201; the same notice again: 200, nothing more recorded)")
    public ResponseEntity<MoveInNotices.MoveInNotice> recordMoveInNotice(@PathVariable String lgCode, @PathVariable String atenaNo,
                                                                          @RequestBody(required = false) MoveInNotices.Receipt receipt) {
        MoveInNotices.Recorded recorded = moveInNotices.record(atenaNo, receipt);
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.notice());
    }

    @GetMapping("/residents/{atenaNo}/move-in-notice")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    @Operation(summary = "The 転入通知 of a person's 転出, with the 転出 date as final; 404 while none has arrived")
    public MoveInNotices.MoveInNotice moveInNotice(@PathVariable String lgCode, @PathVariable String atenaNo) {
        return moveInNotices.find(atenaNo).orElseThrow(() -> ProblemException.notFound("転入通知", atenaNo));
    }

    @GetMapping("/move-in-notices/outstanding")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    @Operation(summary = "転入通知未着者一覧: persons moved out whose notice has not come after the waiting period")
    public List<MoveInNotices.Outstanding> outstandingMoveInNotices(@PathVariable String lgCode,
                                                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return moveInNotices.outstanding(date == null ? LocalDate.now() : date);
    }

    // ---- 成年被後見人 (標準仕様書 j1310)

    @PostMapping("/residents/{atenaNo}/adult-guardianship")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    @Operation(summary = "Record the 成年被後見人 period of a person (appended: 201; the same as now: 200, nothing appended)")
    public ResponseEntity<AdultGuardianships.Guardianship> recordGuardianship(@PathVariable String lgCode, @PathVariable String atenaNo,
                                                                             @RequestBody(required = false) AdultGuardianships.Period period) {
        AdultGuardianships.Recorded recorded = guardianships.record(atenaNo, period);
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.current());
    }

    @GetMapping("/residents/{atenaNo}/adult-guardianship")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    @Operation(summary = "Every recorded version of the 成年被後見人 period, oldest first (empty: never recorded)")
    public List<AdultGuardianships.Guardianship> guardianship(@PathVariable String lgCode, @PathVariable String atenaNo) {
        residents.current(atenaNo, false);
        return guardianships.history(atenaNo);
    }
}

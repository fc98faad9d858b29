package org.kiban.seal.web;

import java.util.Base64;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kiban.common.InvalidValueException;
import org.kiban.platform.Permissions;
import org.kiban.seal.SealRegistration;
import org.kiban.seal.SealRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 印鑑登録 over the API. */
@RestController
@RequestMapping("/api/v1/municipalities/{lgCode}/seal-registrations")
@Tag(name = "seal", description = "印鑑登録")
public class SealController {

    private final SealRegistry seals;

    SealController(SealRegistry seals) {
        this.seals = seals;
    }

    /** The 印影 as a base64 PNG, and its size in millimetres. */
    public record Registration(String atenaNo, String sealImage, Double widthMm, Double heightMm) {
    }

    public record Abolition(String reason) {
    }

    /** A registration as the API shows it (the 印影 as base64 PNG). */
    public record View(long registrationNo, String atenaNo, String cardNo, String sealImage, double widthMm,
                       double heightMm, String registeredOn, boolean active, String abolishedOn, String abolitionReason) {

        static View of(SealRegistration s) {
            return new View(s.registrationNo(), s.atenaNo(), s.cardNo(), Base64.getEncoder().encodeToString(s.sealImage()),
                    s.widthMm(), s.heightMm(), s.registeredOn().toString(), s.active(),
                    s.abolishedOn() == null ? null : s.abolishedOn().toString(), s.abolitionReason());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    @Operation(summary = "Register a resident's seal; the answer carries the 印鑑登録証 number")
    public View register(@PathVariable String lgCode, @RequestBody Registration r) {
        byte[] image;
        try {
            image = r.sealImage() == null ? null : Base64.getDecoder().decode(r.sealImage());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("seal-image", "印影の画像は base64 で指定してください。");
        }
        if (r.widthMm() == null || r.heightMm() == null) {
            throw new InvalidValueException("seal-size", "印影の大きさ（widthMm、heightMm）を指定してください。");
        }
        return View.of(seals.register(r.atenaNo(), image, r.widthMm(), r.heightMm()));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_READ + "')")
    public List<View> ofPerson(@PathVariable String lgCode, @RequestParam String atenaNo) {
        return seals.ofPerson(atenaNo).stream().map(View::of).toList();
    }

    @PostMapping("/{registrationNo}/abolition")
    @PreAuthorize("hasAuthority('" + Permissions.RESIDENT_WRITE + "')")
    @Operation(summary = "Abolish a registration (廃止申請)")
    public View abolish(@PathVariable String lgCode, @PathVariable long registrationNo,
                        @RequestBody(required = false) Abolition a) {
        return View.of(seals.abolish(registrationNo, a == null ? null : a.reason()));
    }
}

package org.kiban.certificate.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.kiban.certificate.CertificateIssuance;
import org.kiban.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public verification page a certificate's QR code leads to: what was issued, by whom, when, and the SHA-256
 * of the PDF — never personal data. Limited to a few lookups a minute per client, so codes cannot be harvested.
 */
@Controller
class VerificationController {

    static final int LOOKUPS_PER_MINUTE = 30;

    private final CertificateIssuance issuance;
    private final Map<String, long[]> lookups = new ConcurrentHashMap<>();

    VerificationController(CertificateIssuance issuance) {
        this.issuance = issuance;
    }

    @GetMapping(value = "/verify/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public CertificateIssuance.Verification json(@PathVariable String code, HttpServletRequest request) {
        limit(request);
        return issuance.verify(code).orElseThrow(() -> ProblemException.notFound("証明書", code));
    }

    @GetMapping("/verify/{code}")
    public String page(@PathVariable String code, HttpServletRequest request, Model model) {
        limit(request);
        model.addAttribute("code", code);
        model.addAttribute("verification", issuance.verify(code).orElse(null));
        return "certificate/verify";
    }

    /** A fixed window per client address: at most {@link #LOOKUPS_PER_MINUTE} a minute. */
    private void limit(HttpServletRequest request) {
        long minute = Instant.now().getEpochSecond() / Duration.ofMinutes(1).toSeconds();
        long[] window = lookups.compute(request.getRemoteAddr(), (k, w) -> w == null || w[0] != minute
                ? new long[] {minute, 1} : new long[] {minute, w[1] + 1});
        if (window[1] > LOOKUPS_PER_MINUTE) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-lookups");
        }
        if (lookups.size() > 10_000) {
            lookups.entrySet().removeIf(e -> e.getValue()[0] != minute);
        }
    }
}

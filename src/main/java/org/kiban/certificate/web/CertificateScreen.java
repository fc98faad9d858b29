package org.kiban.certificate.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.kiban.certificate.CertificateForm;
import org.kiban.certificate.CertificateIssuance;
import org.kiban.certificate.CertificateRequest;
import org.kiban.certificate.CertificateRequest.OptionalItem;
import org.kiban.certificate.IssuedCertificate;
import org.kiban.certificate.RequesterKind;
import org.kiban.common.InvalidValueException;
import org.kiban.platform.Permissions;
import org.kiban.platform.ProblemException;
import org.kiban.platform.Problems;
import org.kiban.resident.ResidentView;
import org.kiban.resident.Residents;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Certificates at the counter: choose the form, the persons and the optional items, see the PDF as a 見本 first,
 * then issue it (発行番号, seal, signature, fee recorded in the issuance log) and print it from the preview frame.
 * The PDFs stay in the clerk's session only, a few at a time.
 */
@Controller
@RequestMapping("/municipalities/{lgCode}/certificates")
class CertificateScreen {

    static final String PDFS = "kiban.counter.pdfs";
    private static final int KEPT_PDFS = 6;
    /** The forms the counter offers from a resident's view. */
    static final List<CertificateForm> FORMS = List.of(CertificateForm.RESIDENT_COPY_HOUSEHOLD,
            CertificateForm.RESIDENT_COPY_INDIVIDUAL, CertificateForm.REMOVED_RECORD_COPY,
            CertificateForm.MOVE_OUT_CERTIFICATE, CertificateForm.MOVE_OUT_EQUIVALENT);
    static final List<OptionalItem> ITEMS = List.of(OptionalItem.HOUSEHOLD_HEAD_AND_RELATIONSHIP,
            OptionalItem.PERMANENT_DOMICILE, OptionalItem.JUMINHYO_CODE, OptionalItem.INDIVIDUAL_NUMBER,
            OptionalItem.FOREIGN_ITEMS, OptionalItem.NAME_KANA);

    /** What the clerk chose, bound from the form. */
    public static class Order {
        private CertificateForm form = CertificateForm.RESIDENT_COPY_HOUSEHOLD;
        private String householdNo;
        private List<String> atenaNos = new ArrayList<>();
        private RequesterKind requester = RequesterKind.SELF;
        private String requesterName;
        private String purpose;
        private List<OptionalItem> include = new ArrayList<>();
        private boolean withHistory;
        private String feeExemption;

        CertificateRequest toRequest() {
            boolean household = form == CertificateForm.RESIDENT_COPY_HOUSEHOLD;
            return new CertificateRequest(form, household ? householdNo : null, atenaNos, requester, blankToNull(requesterName),
                    blankToNull(purpose), include.isEmpty() ? EnumSet.noneOf(OptionalItem.class) : EnumSet.copyOf(include),
                    withHistory, null, blankToNull(feeExemption), null, "窓口1", null, null);
        }

        public CertificateForm getForm() { return form; }
        public void setForm(CertificateForm v) { form = v; }
        public String getHouseholdNo() { return householdNo; }
        public void setHouseholdNo(String v) { householdNo = blankToNull(v); }
        public List<String> getAtenaNos() { return atenaNos; }
        public void setAtenaNos(List<String> v) { atenaNos = v == null ? new ArrayList<>() : new ArrayList<>(v); }
        public RequesterKind getRequester() { return requester; }
        public void setRequester(RequesterKind v) { requester = v; }
        public String getRequesterName() { return requesterName; }
        public void setRequesterName(String v) { requesterName = v; }
        public String getPurpose() { return purpose; }
        public void setPurpose(String v) { purpose = v; }
        public List<OptionalItem> getInclude() { return include; }
        public void setInclude(List<OptionalItem> v) { include = v == null ? new ArrayList<>() : new ArrayList<>(v); }
        public boolean isWithHistory() { return withHistory; }
        public void setWithHistory(boolean v) { withHistory = v; }
        public String getFeeExemption() { return feeExemption; }
        public void setFeeExemption(String v) { feeExemption = v; }
    }

    private final CertificateIssuance issuance;
    private final Residents residents;
    private final Problems problems;

    CertificateScreen(CertificateIssuance issuance, Residents residents, Problems problems) {
        this.issuance = issuance;
        this.residents = residents;
        this.problems = problems;
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('" + Permissions.CERTIFICATE_ISSUE + "')")
    @Transactional
    public String form(@PathVariable String lgCode, @RequestParam(required = false) String householdNo,
                       @RequestParam(required = false) String atenaNos, @RequestParam(required = false) CertificateForm form,
                       Model model) {
        Order order = new Order();
        order.setHouseholdNo(householdNo);
        if (atenaNos != null && !atenaNos.isBlank()) {
            order.setAtenaNos(Arrays.stream(atenaNos.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
        if (form != null) {
            order.setForm(form);
        } else if (householdNo == null) {
            order.setForm(CertificateForm.RESIDENT_COPY_INDIVIDUAL);
        }
        order.getInclude().add(OptionalItem.HOUSEHOLD_HEAD_AND_RELATIONSHIP);
        return render(lgCode, order, null, null, model);
    }

    @PostMapping("/preview")
    @PreAuthorize("hasAuthority('" + Permissions.CERTIFICATE_ISSUE + "')")
    public String preview(@PathVariable String lgCode, @ModelAttribute Order order, Model model, HttpSession session) {
        return attempt(lgCode, order, model, () -> {
            IssuedCertificate sample = issuance.preview(request(order));
            model.addAttribute("preview", sample);
            model.addAttribute("previewId", keep(session, sample.pdf()));
            return null;
        });
    }

    @PostMapping("/issue")
    @PreAuthorize("hasAuthority('" + Permissions.CERTIFICATE_ISSUE + "')")
    public String issue(@PathVariable String lgCode, @ModelAttribute Order order, Model model, HttpSession session) {
        return attempt(lgCode, order, model, () -> {
            IssuedCertificate issued = issuance.issue(request(order));
            model.addAttribute("pdfId", keep(session, issued.pdf()));
            return issued;
        });
    }

    /** Runs a preview or an issue; a refusal (支援措置, a missing purpose …) comes back on the form, announced. */
    private String attempt(String lgCode, Order order, Model model, java.util.function.Supplier<IssuedCertificate> work) {
        try {
            return render(lgCode, order, null, work.get(), model);
        } catch (ProblemException e) {
            return render(lgCode, order, problems.detail(e), null, model);
        } catch (InvalidValueException e) {
            return render(lgCode, order, e.getMessage(), null, model);
        }
    }

    /** A PDF shown in this session (preview or issued copy), for the frame and for printing. */
    @GetMapping("/pdf/{id}")
    @PreAuthorize("hasAuthority('" + Permissions.CERTIFICATE_ISSUE + "')")
    public ResponseEntity<byte[]> pdf(@PathVariable String lgCode, @PathVariable String id, HttpSession session) {
        byte[] pdf = pdfs(session).get(lgCode + "/" + id);
        if (pdf == null) {
            throw ProblemException.notFound("証明書", id);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(id + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    /** Every member chosen for a 世帯連記式 copy is 「世帯全員」, printed as such. */
    private CertificateRequest request(Order order) {
        CertificateRequest r = order.toRequest();
        if (r.householdNo() != null && r.atenaNos() != null
                && r.atenaNos().size() == residents.household(r.householdNo()).members().size()) {
            return new CertificateRequest(r.form(), r.householdNo(), List.of(), r.requester(), r.requesterName(),
                    r.purpose(), r.include(), r.withHistory(), r.items(), r.feeExemption(), r.reissueOf(), r.terminal(),
                    r.printer(), r.sealCardNo());
        }
        return r;
    }

    private String render(String lgCode, Order order, String problem, IssuedCertificate issued, Model model) {
        List<ResidentView> persons;
        try {
            persons = candidates(order);
        } catch (ProblemException e) {
            persons = List.of();
            problem = problem != null ? problem : problems.detail(e);
        }
        model.addAttribute("lgCode", lgCode);
        model.addAttribute("order", order);
        model.addAttribute("persons", persons);
        model.addAttribute("forms", FORMS);
        model.addAttribute("items", ITEMS);
        model.addAttribute("requesters", RequesterKind.values());
        model.addAttribute("problem", problem);
        model.addAttribute("issued", issued);
        return "certificate/counter";
    }

    /** The persons the clerk may choose: the household's members, or the persons named. */
    private List<ResidentView> candidates(Order order) {
        if (order.getHouseholdNo() != null) {
            return residents.household(order.getHouseholdNo()).members();
        }
        Map<String, ResidentView> found = new LinkedHashMap<>();
        for (String a : order.getAtenaNos()) {
            found.put(a, residents.current(a, false));
        }
        return List.copyOf(found.values());
    }

    private static String keep(HttpSession session, byte[] pdf) {
        Map<String, byte[]> kept = pdfs(session);
        String lg = org.kiban.platform.TenantContext.requireLgCode();
        String id = UUID.randomUUID().toString();
        synchronized (kept) {
            kept.put(lg + "/" + id, pdf);
            while (kept.size() > KEPT_PDFS) {
                kept.remove(kept.keySet().iterator().next());
            }
        }
        return id;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, byte[]> pdfs(HttpSession session) {
        Object map = session.getAttribute(PDFS);
        if (map == null) {
            map = java.util.Collections.synchronizedMap(new LinkedHashMap<String, byte[]>());
            session.setAttribute(PDFS, map);
        }
        return (Map<String, byte[]>) map;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}

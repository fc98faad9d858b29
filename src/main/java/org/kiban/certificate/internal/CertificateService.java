package org.kiban.certificate.internal;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.certificate.CertificateForm;
import org.kiban.certificate.CertificateIssuance;
import org.kiban.certificate.CertificateRequest;
import org.kiban.certificate.CertificateRequest.OptionalItem;
import org.kiban.certificate.DisasterCertificateRequest;
import org.kiban.certificate.IssuedCertificate;
import org.kiban.certificate.RequesterKind;
import org.kiban.common.InvalidValueException;
import org.kiban.common.Wareki;
import org.kiban.parameter.Parameters;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.resident.ChangeReason;
import org.kiban.resident.ProtectedOperation;
import org.kiban.resident.ProtectionMeasures;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.ResidentStatus;
import org.kiban.resident.Residents;
import org.kiban.tenancy.Tenant;
import org.kiban.tenancy.Tenants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues the standard certificates. Three steps: (1) in a transaction, every rule that can refuse — requester and
 * purpose, 支援措置, what the requester may see — and the 発行番号; a refusal commits its audit entry and issues
 * nothing; (2) render and sign, outside any transaction; (3) in a transaction, the issuance log, the public
 * verification facts and one audit entry for the certificate.
 */
@Service
class CertificateService implements CertificateIssuance {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Residents residents;
    private final ProtectionMeasures protections;
    private final Tenants tenants;
    private final Parameters parameters;
    private final AuditTrail audit;
    private final PdfEngine pdf;
    private final SheetBuilder sheets;
    private final JsonMapper json;
    private final String publicBaseUrl;
    private final org.kiban.seal.SealRegistry seals;

    CertificateService(JdbcClient jdbc, TransactionTemplate tx, Residents residents, ProtectionMeasures protections,
                       Tenants tenants, Parameters parameters, AuditTrail audit, PdfEngine pdf, SheetBuilder sheets,
                       JsonMapper json, @Value("${kiban.public-base-url:http://localhost:8080}") String publicBaseUrl,
                       org.kiban.seal.SealRegistry seals) {
        this.seals = seals;
        this.jdbc = jdbc;
        this.tx = tx;
        this.residents = residents;
        this.protections = protections;
        this.tenants = tenants;
        this.parameters = parameters;
        this.audit = audit;
        this.pdf = pdf;
        this.sheets = sheets;
        this.json = json;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** Everything decided before rendering. */
    record Plan(CertificateRequest request, Tenant tenant, boolean refused, List<ResidentRecord> subjects,
                Set<OptionalItem> printed, long fee, String issueNo, long issueSeq, LocalDate issuedOn,
                String verificationCode, Long reissueOf, String reissueNote,
                Map<String, List<ResidentRecord>> histories, boolean sample) {
    }

    /** Step 1 in its own transaction: the plan, or the refusal (committed with its audit entry). */
    private Plan planned(CertificateRequest request, boolean sample) {
        Plan plan = tx.execute(s -> plan(request, sample));
        if (plan == null) {
            throw new IllegalStateException("no plan");
        }
        if (plan.refused()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "protected-person", ProtectedOperation.CERTIFICATE.label());
        }
        return plan;
    }

    @Override
    public IssuedCertificate preview(CertificateRequest request) {
        Plan plan = planned(request, true);
        List<String> warnings = new ArrayList<>();
        Sheet.Doc doc = sheets.build(plan, null, null, null, warnings);
        PdfEngine.Rendered rendered = pdf.render(sheets.xhtml(doc));
        if (rendered.missing() != null) {
            warnings.add("登録されていない文字があります：" + rendered.missing());
        }
        return new IssuedCertificate(plan.issueNo(), null, rendered.pdf(), rendered.pages(), plan.fee(), null, warnings);
    }

    @Override
    public IssuedCertificate issue(CertificateRequest request) {
        Plan plan = planned(request, false);
        List<String> warnings = new ArrayList<>();
        String verifyUrl = publicBaseUrl + "/verify/" + plan.verificationCode();
        Sheet.Doc doc = sheets.build(plan, pdf.qrDataUri(verifyUrl), pdf.sealDataUri(sealText(plan.tenant())), verifyUrl,
                warnings);
        return renderSignAndLog(plan, sheets.xhtml(doc), warnings);
    }

    /**
     * 罹災証明書: step 1 checks the request and draws the 発行番号 like every form; steps 2 and 3 are the same. The
     * 世帯主 is printed as the registry holds them today.
     */
    @Override
    public IssuedCertificate issueDisasterCertificate(DisasterCertificateRequest r) {
        Plan plan = tx.execute(s -> {
            String lg = TenantContext.requireLgCode();
            if (r.headAtenaNo() == null || r.disasterName() == null || r.disasterName().isBlank() || r.occurredOn() == null
                    || r.damagedAddress() == null || r.damagedAddress().isBlank() || r.damageLevels() == null
                    || r.damageLevels().stream().filter(DisasterCertificateRequest.Choice::checked).count() != 1) {
                throw new InvalidValueException("disaster-certificate-incomplete",
                        "罹災証明書には世帯主・災害名・発生日・被災住家の所在地と、被害の程度1つが必要です。");
            }
            List<ResidentRecord> head = residents.recordsForIssuance(List.of(r.headAtenaNo()), LocalDate.now());
            if (head.isEmpty()) {
                throw ProblemException.notFound("住民", r.headAtenaNo());
            }
            Tenant tenant = tenants.find(lg).orElseThrow();
            LocalDate today = LocalDate.now();
            CertificateRequest asLogged = new CertificateRequest(CertificateForm.DISASTER_VICTIM_CERTIFICATE, r.householdNo(),
                    List.of(r.headAtenaNo()), RequesterKind.SELF, r.requesterName(), r.disasterName(), Set.of(), false,
                    null, null, null, r.terminal(), r.printer(), null);
            IssueNo no = drawIssueNo(lg, tenant, r.terminal(), r.printer(), today);
            return new Plan(asLogged, tenant, false, head, EnumSet.noneOf(OptionalItem.class), 0, no.issueNo(), no.seq(),
                    today, verificationCode(), null, null, Map.of(), false);
        });
        List<String> warnings = new ArrayList<>();
        String verifyUrl = publicBaseUrl + "/verify/" + plan.verificationCode();
        String xhtml = sheets.disasterXhtml(plan, r, pdf.qrDataUri(verifyUrl), pdf.sealDataUri(sealText(plan.tenant())),
                verifyUrl, warnings);
        return renderSignAndLog(plan, xhtml, warnings);
    }

    /** Steps 2 and 3 of every issuance: render and sign outside a transaction, then log and audit in one. */
    private IssuedCertificate renderSignAndLog(Plan plan, String xhtml, List<String> warnings) {
        PdfEngine.Rendered rendered = pdf.renderSigned(xhtml, plan.tenant().lgCode(), plan.tenant().name());
        if (rendered.missing() != null) {
            // 標準仕様書 5.8: an unregistered 外字 is an alert, never a silent blank.
            warnings.add("登録されていない文字があります：" + rendered.missing());
        }
        byte[] signed = rendered.pdf();
        String sha256 = org.kiban.common.Hashes.sha256Hex(signed);
        tx.executeWithoutResult(s -> log(plan, rendered.pages(), sha256, warnings));
        return new IssuedCertificate(plan.issueNo(), plan.verificationCode(), signed, rendered.pages(), plan.fee(), sha256,
                warnings);
    }

    /**
     * The 印鑑登録証 (the card) of a registration, as a card-size PDF: number and municipality only, no name, so a
     * lost card tells a finder nothing (要領 第6). Audited.
     */
    @Override
    public byte[] sealCard(long registrationNo) {
        var registration = seals.get(registrationNo);
        if (!registration.active()) {
            throw new ProblemException(HttpStatus.CONFLICT, "seal-abolished", registrationNo);
        }
        Tenant tenant = tenants.find(TenantContext.requireLgCode()).orElseThrow();
        byte[] card = pdf.render(sheets.sealCard(registration.cardNo(), tenant.name())).pdf();
        tx.executeWithoutResult(s -> audit.record(AuditEvent.of("seal.card-printed", "resident", registration.atenaNo(),
                Map.of("registrationNo", registrationNo))));
        return card;
    }

    /** The XHTML a request would print (draws a 連番): for the benchmark's comparison with bare rendering. */
    String xhtmlFor(CertificateRequest request) {
        Plan plan = tx.execute(s -> plan(request, false));
        String verifyUrl = publicBaseUrl + "/verify/" + plan.verificationCode();
        return sheets.xhtml(sheets.build(plan, pdf.qrDataUri(verifyUrl), pdf.sealDataUri(sealText(plan.tenant())),
                verifyUrl, new ArrayList<>()));
    }

    private Plan plan(CertificateRequest r, boolean sample) {
        String lg = TenantContext.requireLgCode();
        if (r.form() == null) {
            throw new InvalidValueException("form-required", "証明書の種類（form）を指定してください。");
        }
        if (r.form() == CertificateForm.DISASTER_VICTIM_CERTIFICATE) {
            throw new InvalidValueException("form-issued-from-register", "罹災証明書は被災者台帳から交付してください。");
        }
        if (r.requester() == null) {
            throw new InvalidValueException("requester-required", "請求の種別（requester：本人等・第三者・公用）を指定してください。");
        }
        if (r.requester() != RequesterKind.SELF) {
            // 第三者請求・公用請求 must state who asks and why (住民基本台帳法第12条の2, 第12条の3); recorded in the log.
            if (r.purpose() == null || r.purpose().isBlank() || r.purpose().length() > 500) {
                throw new InvalidValueException("purpose-required", "第三者請求・公用請求には請求の目的（purpose）を500文字以内で指定してください。");
            }
            if (r.requesterName() == null || r.requesterName().isBlank()) {
                throw new InvalidValueException("requester-name-required", "請求者（requesterName）を指定してください。");
            }
        }
        Tenant tenant = tenants.find(lg).orElseThrow();
        LocalDate today = LocalDate.now();
        Long reissueOf = null;
        String reissueNote = null;
        List<ResidentRecord> subjects;
        if (r.reissueOf() != null) {
            Reissue original = original(lg, r);
            reissueOf = original.seq();
            reissueNote = "再交付（原本の交付 " + Wareki.format(original.issuedOn()) + "　発行番号 " + r.reissueOf() + "）";
            subjects = original.subjects();
        } else {
            subjects = subjects(r, today);
        }
        Set<OptionalItem> printed = printable(r);
        // 支援措置: each person on the copy; a refusal is audited (committed with this transaction) and nothing issued.
        ProtectionMeasures.Requester who = r.requester() == RequesterKind.SELF
                ? ProtectionMeasures.Requester.SELF : ProtectionMeasures.Requester.THIRD_PARTY;
        java.util.Set<String> protectedSubjects = protections.protectedAmong(subjects.stream().map(ResidentRecord::atenaNo).toList());
        for (ResidentRecord subject : subjects) {
            // A preview consumes no release: a third party sees no protected person's sample, released or not.
            boolean refused = protectedSubjects.contains(subject.atenaNo()) && (sample
                    ? who != ProtectionMeasures.Requester.SELF
                    : !protections.check(subject.atenaNo(), ProtectedOperation.CERTIFICATE, who).allowed());
            if (refused) {
                audit.record(AuditEvent.of("certificate.refused", "resident", subject.atenaNo(),
                        Map.of("form", r.form().name(), "requester", r.requester().name(), "reason", "支援措置",
                                "preview", sample)));
                return new Plan(r, tenant, true, List.of(), printed, 0, null, 0, today, null, null, null, Map.of(), sample);
            }
        }
        long fee = r.requester() == RequesterKind.OFFICIAL || (r.feeExemption() != null && !r.feeExemption().isBlank())
                ? 0 : parameters.longValue(r.form().feeParameter(), today);
        // The persons' histories (統合記載欄, 住民となった年月日) in the same transaction as the rest of the facts.
        Map<String, List<ResidentRecord>> histories = residents.historiesForIssuance(
                subjects.stream().map(ResidentRecord::atenaNo).toList());
        if (sample) {
            audit.record(AuditEvent.of("certificate.previewed", "resident", subjects.get(0).atenaNo(),
                    Map.of("form", r.form().name(), "requester", r.requester().name(), "persons", subjects.size())));
            return new Plan(r, tenant, false, subjects, printed, fee, "見本", 0, today, null, reissueOf, reissueNote,
                    histories, true);
        }
        IssueNo no = drawIssueNo(lg, tenant, r.terminal(), r.printer(), today);
        return new Plan(r, tenant, false, subjects, printed, fee, no.issueNo(), no.seq(), today, verificationCode(),
                reissueOf, reissueNote, histories, false);
    }

    record IssueNo(String issueNo, long seq) {
    }

    /** Draws the next 連番 of the tenant's day and builds the 発行番号 (in the caller's transaction). */
    private IssueNo drawIssueNo(String lg, Tenant tenant, String terminalName, String printerName, LocalDate today) {
        int serial = jdbc.sql("""
                        insert into certificate_daily_counter (lg_code, day, last) values (?, ?, 1)
                        on conflict (lg_code, day) do update set last = certificate_daily_counter.last + 1
                        returning last""")
                .params(lg, Date.valueOf(today)).query(Integer.class).single();
        // The 連番 alone needs no flush to disk at this commit: a copy is handed out only after the issuance log's
        // commit, which flushes the write-ahead log up to it, this increment included. A crash before that loses
        // a number no copy was given (a gap, as for a copy that failed to render), never gives one twice.
        jdbc.sql("set local synchronous_commit = off").update();
        String terminal = text(terminalName, "端末1", "発行端末");
        String printer = text(printerName, "プリンタ001", "プリンタ");
        // 発行番号: 発行年月日 市区町村名 発行端末名番号 発行プリンタ番号 連番 (頁/総頁 added per page), §1.12.
        String issueNo = today.format(YYYYMMDD) + " " + tenant.name() + " " + terminal + " " + printer + " "
                + String.format("%03d", serial);
        // The log's key: the day and its 連番, unique per tenant without another counter.
        long seq = Long.parseLong(today.format(YYYYMMDD)) * 100_000L + serial;
        return new IssueNo(issueNo, seq);
    }

    private static String text(String value, String dflt, String item) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        String v = value.strip();
        if (v.length() > 20 || v.contains(" ")) {
            throw new InvalidValueException("invalid-text", item + "は空白を含まない20文字以内で指定してください。");
        }
        return v;
    }

    /** The persons printed, as the registry says today, checked against what the form is for. */
    private List<ResidentRecord> subjects(CertificateRequest r, LocalDate today) {
        List<ResidentRecord> records;
        if (r.form() == CertificateForm.RESIDENT_COPY_HOUSEHOLD) {
            if (r.householdNo() == null || r.householdNo().isBlank()) {
                throw new InvalidValueException("household-required", "世帯連記式の写しには世帯番号（householdNo）を指定してください。");
            }
            records = residents.householdForIssuance(r.householdNo());
            if (r.atenaNos() != null && !r.atenaNos().isEmpty()) {
                for (String a : r.atenaNos()) {
                    if (records.stream().noneMatch(x -> x.atenaNo().equals(a))) {
                        throw new InvalidValueException("not-in-household", "宛名番号 " + a + " はこの世帯の世帯員ではありません。");
                    }
                }
                records = records.stream().filter(x -> r.atenaNos().contains(x.atenaNo())).toList();
            }
            // As of today: a 転出 planned for later is not printed yet (§1.12), and 除票 never join a 世帯連記式 copy.
            records = residents.recordsForIssuance(records.stream().map(ResidentRecord::atenaNo).toList(), today).stream()
                    .filter(x -> x.status() == ResidentStatus.RESIDENT).toList();
            if (records.isEmpty()) {
                throw ProblemException.notFound("世帯", r.householdNo());
            }
            return records;
        }
        if (r.atenaNos() == null || r.atenaNos().isEmpty()) {
            throw new InvalidValueException("persons-required", "証明する人の宛名番号（atenaNos）を指定してください。");
        }
        if (r.form() == CertificateForm.MOVE_OUT_CERTIFICATE || r.form() == CertificateForm.MOVE_OUT_EQUIVALENT) {
            // The 転出 is certified as notified, also before its planned date.
            records = r.atenaNos().stream().map(a -> residents.historyForIssuance(a).stream().reduce((x, y) -> y)
                    .orElseThrow(() -> ProblemException.notFound("住民", a))).toList();
        } else {
            records = residents.recordsForIssuance(r.atenaNos(), today);
        }
        if (records.size() != r.atenaNos().size()) {
            throw ProblemException.notFound("住民", String.join("、", r.atenaNos()));
        }
        for (ResidentRecord x : records) {
            boolean removed = x.status().removed();
            switch (r.form()) {
                case RESIDENT_COPY_INDIVIDUAL, ENTRY_CERTIFICATE, SEAL_CERTIFICATE -> {
                    if (removed) {
                        throw new ProblemException(HttpStatus.CONFLICT, "record-removed", x.atenaNo(), r.form().title());
                    }
                }
                case REMOVED_RECORD_COPY, REMOVED_ENTRY_CERTIFICATE -> {
                    if (!removed) {
                        throw new ProblemException(HttpStatus.CONFLICT, "record-not-removed", x.atenaNo());
                    }
                }
                case MOVE_OUT_CERTIFICATE, MOVE_OUT_EQUIVALENT -> checkMoveOut(r.form(), x, today);
                default -> throw new IllegalStateException(r.form().name());
            }
        }
        if (r.form() == CertificateForm.SEAL_CERTIFICATE) {
            if (records.size() != 1) {
                throw new InvalidValueException("one-person", "印鑑登録証明書は1人ずつ請求してください。");
            }
            // Issued only on presentation of the person's current 印鑑登録証 (要領 第7).
            seals.forCertificate(records.get(0).atenaNo(), r.sealCardNo());
        }
        return records;
    }

    /**
     * 転出証明書 only for a 国内転出 notified within 14 days; later, or for a 職権消除, the 転出証明書に準ずる証明書
     * (標準仕様書 4.1 640).
     */
    private void checkMoveOut(CertificateForm form, ResidentRecord x, LocalDate today) {
        ResidentRecord current = residents.historyForIssuance(x.atenaNo()).stream()
                .reduce((a, b) -> b).orElseThrow();
        boolean movedOut = current.status() == ResidentStatus.MOVED_OUT && current.changeReason() == ChangeReason.MOVE_OUT_DOMESTIC;
        if (form == CertificateForm.MOVE_OUT_CERTIFICATE) {
            if (!movedOut) {
                throw new ProblemException(HttpStatus.CONFLICT, "no-move-out", x.atenaNo());
            }
            LocalDate recorded = current.recordedAt().atZone(java.time.ZoneId.of("Asia/Tokyo")).toLocalDate();
            if (recorded.plusDays(14).isBefore(today)) {
                throw new ProblemException(HttpStatus.CONFLICT, "move-out-certificate-expired", x.atenaNo());
            }
        } else if (!current.status().removed()) {
            throw new ProblemException(HttpStatus.CONFLICT, "record-not-removed", x.atenaNo());
        }
    }

    /**
     * What may be printed for this requester: optional items only when asked for; 住民票コード and 個人番号 never for
     * a third party or a public body (住民基本台帳法第12条の2第3項, 第12条の3第7項), 個人番号 only for 本人等.
     */
    private Set<OptionalItem> printable(CertificateRequest r) {
        Set<OptionalItem> asked = r.include() == null ? EnumSet.noneOf(OptionalItem.class) : EnumSet.copyOf(r.include());
        if (r.form() == CertificateForm.ENTRY_CERTIFICATE || r.form() == CertificateForm.REMOVED_ENTRY_CERTIFICATE) {
            if (r.items() == null || r.items().isEmpty()) {
                throw new InvalidValueException("items-required", "記載事項証明書には証明する事項（items）を指定してください。");
            }
            asked.addAll(r.items());
        }
        if (r.requester() != RequesterKind.SELF
                && (asked.contains(OptionalItem.INDIVIDUAL_NUMBER) || asked.contains(OptionalItem.JUMINHYO_CODE))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "item-not-for-requester", r.requester().label());
        }
        if (asked.contains(OptionalItem.NAME_KANA)
                && !parameters.booleanValue(org.kiban.certificate.CertificateParameters.PRINT_NAME_KANA, LocalDate.now())) {
            throw new ProblemException(HttpStatus.CONFLICT, "name-kana-not-offered");
        }
        return asked;
    }

    record Reissue(long seq, LocalDate issuedOn, List<ResidentRecord> subjects) {
    }

    /** The original of a reissue: its persons in the versions then printed (printing the latest is prohibited, j660). */
    private Reissue original(String lg, CertificateRequest r) {
        record Row(long seq, String form, LocalDate issuedOn, String subjects) { }
        Row row = jdbc.sql("select issue_seq, form, issued_on, subjects from certificate_issue where lg_code = ? and issue_no = ?")
                .params(lg, r.reissueOf())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4)))
                .optional().orElseThrow(() -> ProblemException.notFound("証明書", r.reissueOf()));
        if (!row.form().equals(r.form().name())) {
            throw new InvalidValueException("reissue-form-mismatch", "再交付は元の証明書と同じ種類で請求してください。");
        }
        List<ResidentRecord> subjects = new ArrayList<>();
        for (var subject : json.readTree(row.subjects())) {
            subjects.add(residents.versionForIssuance(subject.get("atenaNo").stringValue(), subject.get("rirekiNo").intValue())
                    .orElseThrow());
        }
        return new Reissue(row.seq(), row.issuedOn(), subjects);
    }

    private void log(Plan p, int pages, String sha256, List<String> warnings) {
        String lg = p.tenant().lgCode();
        CertificateRequest r = p.request();
        List<Map<String, Object>> subjects = p.subjects().stream()
                .map(s -> Map.<String, Object>of("atenaNo", s.atenaNo(), "rirekiNo", s.rirekiNo())).toList();
        boolean numberPrinted = p.printed().contains(OptionalItem.INDIVIDUAL_NUMBER)
                && p.subjects().stream().anyMatch(s -> s.individualNumber() != null);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("include", p.printed().stream().map(Enum::name).sorted().toList());
        options.put("withHistory", Boolean.TRUE.equals(r.withHistory()));
        Instant now = Instant.now();
        long seq = p.issueSeq();
        jdbc.sql("""
                        with verification as (
                            insert into certificate_verification (verification_code, lg_code, issue_seq, form, issue_no,
                                issued_at, pages, sha256, reissue)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?))
                        insert into certificate_issue (lg_code, issue_seq, issue_no, issued_on, issued_at, form,
                            requester_kind, requester_name, purpose, household_no, subjects, options, fee_yen,
                            fee_exemption, reissue_of, pages, sha256, verification_code, individual_number_printed,
                            warnings, issued_by, office_code, terminal, printer)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.verificationCode(), lg, seq, r.form().name(), p.issueNo(), Timestamp.from(now), pages, sha256,
                        p.reissueOf() != null,
                        lg, seq, p.issueNo(), Date.valueOf(p.issuedOn()), Timestamp.from(now), r.form().name(),
                        r.requester().name(), r.requesterName(), r.purpose(), r.householdNo(),
                        json.writeValueAsString(subjects), json.writeValueAsString(options), p.fee(), r.feeExemption(),
                        p.reissueOf(), pages, sha256, p.verificationCode(), numberPrinted,
                        warnings.isEmpty() ? null : String.join("\n", warnings), TenantContext.currentActor().qualifiedId(),
                        TenantContext.currentActor().officeCode(), p.issueNo().split(" ")[2], p.issueNo().split(" ")[3])
                .update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("form", r.form().name());
        detail.put("requester", r.requester().name());
        detail.put("atenaNos", p.subjects().stream().map(ResidentRecord::atenaNo).toList());
        detail.put("fee", p.fee());
        detail.put("pages", pages);
        if (r.purpose() != null) {
            detail.put("purpose", r.purpose());
        }
        audit.record(new AuditEvent("certificate.issued", "certificate", p.issueNo(), numberPrinted, detail));
    }

    @Override
    public Optional<Verification> verify(String code) {
        if (code == null || !code.matches("[A-Z0-9-]{10,40}")) {
            return Optional.empty();
        }
        // Public facts only, read without a tenant: the verification table holds no personal data (ADR 7).
        return jdbc.sql("select * from certificate_verification where verification_code = ?").param(code)
                .query((rs, n) -> new Verification(CertificateForm.valueOf(rs.getString("form")).title(),
                        tenants.find(rs.getString("lg_code")).map(Tenant::name).orElse(""),
                        Wareki.format(rs.getTimestamp("issued_at").toInstant().atZone(java.time.ZoneId.of("Asia/Tokyo")).toLocalDate()),
                        rs.getString("issue_no"), rs.getInt("pages"), rs.getString("sha256"), rs.getBoolean("reissue")))
                .optional();
    }

    private static String verificationCode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                sb.append('-');
            }
            sb.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String sealText(Tenant t) {
        return t.name() + "長之印";
    }

}

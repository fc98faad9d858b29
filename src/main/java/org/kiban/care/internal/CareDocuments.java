package org.kiban.care.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.certificate.DocumentRendering;
import org.kiban.common.ResidentDate;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.Residents;
import org.kiban.tenancy.Tenants;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The care module's printed documents: the 介護保険被保険者証 (介護保険法第12条第3項, 施行規則第26条; layout simplified
 * from 様式第1号). Laid out here, rendered by the certificate module's {@link DocumentRendering}, audited here.
 * Data is read in one transaction, the PDF is rendered outside any, the print is audited in a second one.
 */
@Service
public class CareDocuments {

    private final InsuredRegister register;
    private final Residents residents;
    private final Tenants tenants;
    private final ITemplateEngine templates;
    private final DocumentRendering rendering;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    CareDocuments(InsuredRegister register, Residents residents, Tenants tenants, ITemplateEngine templates,
                  DocumentRendering rendering, AuditTrail audit, TransactionTemplate tx) {
        this.register = register;
        this.residents = residents;
        this.tenants = tenants;
        this.templates = templates;
        this.rendering = rendering;
        this.audit = audit;
        this.tx = tx;
    }

    /** A document's content: title, rows of (item, value), notes. */
    record Sheet(String title, List<String[]> rows, List<String> notes) {
    }

    public byte[] insuredCard(String atenaNo) {
        LocalDate today = LocalDate.now();
        Sheet sheet = tx.execute(s -> {
            InsuredRegister.Insured i = register.find(atenaNo).orElseThrow(() -> ProblemException.notFound("被保険者", atenaNo));
            if (!"INSURED".equals(i.status())) {
                throw new ProblemException(HttpStatus.CONFLICT, "care-not-insured", atenaNo);
            }
            ResidentRecord r = personOn(atenaNo, today, i);
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"被保険者番号", i.insuredNo()});
            rows.addAll(personRows(r));
            rows.add(new String[] {"資格取得年月日", wareki(i.eligibleFrom())});
            if (i.addressException()) {
                rows.add(new String[] {"住所地特例", "対象者（介護保険法第13条）"});
            }
            return new Sheet("介護保険被保険者証", rows, List.of(
                    "要介護・要支援認定を申請するとき、介護サービスを受けるときは、この証を提示してください。",
                    "住所が変わったとき、死亡したときは、14日以内に届け出てください。"));
        });
        byte[] pdf = render(sheet, today);
        tx.executeWithoutResult(s -> audit.record(AuditEvent.of("care.insured-card-printed", "resident", atenaNo)));
        return pdf;
    }

    /**
     * 受給資格証明書 (介護保険法第36条): for a certified person who moves out, the 要介護状態区分 and 有効期間 they carry
     * to the new municipality (filed there within 14 days of 転入). An application still open is stated as 申請中.
     */
    public byte[] eligibilityCertificate(String atenaNo, Certifications certifications) {
        LocalDate today = LocalDate.now();
        Object[] prepared = tx.execute(s -> {
            InsuredRegister.Insured i = register.find(atenaNo).orElseThrow(() -> ProblemException.notFound("被保険者", atenaNo));
            LocalDate on = i.eligibleUntil() != null ? i.eligibleUntil().minusDays(1) : today;
            Certifications.CaseView c = certifications.currentCertification(atenaNo, on)
                    .orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "care-no-certification", atenaNo));
            ResidentRecord r = personOn(atenaNo, on, i);
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"被保険者番号", i.insuredNo()});
            rows.addAll(personRows(r));
            rows.add(new String[] {"要介護状態区分", c.decidedLevel().label()});
            rows.add(new String[] {"認定年月日", wareki(c.decidedOn())});
            rows.add(new String[] {"認定の有効期間", wareki(c.validFrom()) + "から" + wareki(c.validUntil()) + "まで"});
            rows.add(new String[] {"区分支給限度基準額", String.format("%,d単位／月", c.benefitLimitUnits())});
            boolean pending = !certifications.openCases(atenaNo).isEmpty();
            if (pending) {
                rows.add(new String[] {"備考", "要介護認定等を申請中"});
            }
            return new Object[] {new Sheet("介護保険受給資格証明書", rows, List.of(
                    "転入した日から14日以内に、転入先の市町村にこの証明書を提出してください。提出すると、審査・判定を経ずに認定を受けられます。")),
                    c.caseNo()};
        });
        byte[] pdf = render((Sheet) prepared[0], today);
        long caseNo = (Long) prepared[1];
        tx.executeWithoutResult(s -> {
            certifications.recordEligibilityCertificate(atenaNo, caseNo);
            audit.record(AuditEvent.of("care.eligibility-certificate-printed", "resident", atenaNo, Map.of("caseNo", caseNo)));
        });
        return pdf;
    }

    /** The person as registered on {@code date}, or as last registered (a 除票, e.g. under 住所地特例). */
    ResidentRecord personOn(String atenaNo, LocalDate date, InsuredRegister.Insured i) {
        List<ResidentRecord> now = residents.recordsForIssuance(List.of(atenaNo), date);
        if (!now.isEmpty()) {
            return now.get(0);
        }
        List<ResidentRecord> history = residents.historyForIssuance(atenaNo);
        if (history.isEmpty()) {
            throw ProblemException.notFound("住民", atenaNo);
        }
        return history.get(history.size() - 1);
    }

    static List<String[]> personRows(ResidentRecord r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"住所", r.address() == null ? "" : r.address().address()
                + (r.address().supplement() == null ? "" : "　" + r.address().supplement())});
        rows.add(new String[] {"フリガナ", r.nameKana() == null ? "" : r.nameKana()});
        rows.add(new String[] {"氏名", r.name()});
        rows.add(new String[] {"生年月日", r.birthDate()});
        rows.add(new String[] {"性別", r.sex() == null ? "" : r.sex().label()});
        return rows;
    }

    byte[] render(Sheet sheet, LocalDate issuedOn) {
        String lg = TenantContext.requireLgCode();
        String issuer = tenants.find(lg).map(t -> t.name()).orElse(lg);
        Context c = new Context();
        c.setVariables(Map.of("title", sheet.title(), "rows", sheet.rows(), "notes", sheet.notes(),
                "issuedOn", wareki(issuedOn), "issuer", "保険者　" + issuer + "（" + lg + "）"));
        return rendering.renderPdf(templates.process("care/insured-card", c));
    }

    static String wareki(LocalDate d) {
        return ResidentDate.of(d).display();
    }
}

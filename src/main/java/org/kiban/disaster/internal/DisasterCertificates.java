package org.kiban.disaster.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kiban.certificate.CertificateIssuance;
import org.kiban.certificate.DisasterCertificateRequest;
import org.kiban.certificate.IssuedCertificate;
import org.kiban.disaster.AidScope;
import org.kiban.disaster.DamageLevel;
import org.kiban.disaster.Disaster;
import org.kiban.disaster.Flooding;
import org.kiban.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 罹災証明書 from the 被災者台帳 (災害対策基本法第90条の2: the 市町村長 certifies the damage found by the survey), in
 * the affected municipality's name — by its own staff, or by another party's staff through the gate, where it counts
 * as a use of 氏名 and 住所 (both printed).
 */
@Service
public class DisasterCertificates {

    private final Declarations declarations;
    private final VictimRegister register;
    private final CertificateIssuance issuance;
    private final MutualAid gate;
    private final TransactionTemplate tx;

    DisasterCertificates(Declarations declarations, VictimRegister register, CertificateIssuance issuance, MutualAid gate,
                         TransactionTemplate tx) {
        this.declarations = declarations;
        this.register = register;
        this.issuance = issuance;
        this.gate = gate;
        this.tx = tx;
    }

    /** Who asks and what to add. */
    public record IssueInput(String requesterName, String remarks, String terminal, String printer) {
    }

    /** Issued by the current municipality's own staff. */
    public IssuedCertificate issue(int disasterNo, String householdNo, IssueInput in) {
        return issueHere(declarations.disaster(disasterNo), householdNo, in);
    }

    /** Issued by the current municipality's staff for {@code affected}, in its name, under the agreement. */
    public IssuedCertificate issueAsAid(String affected, int disasterNo, String householdNo, IssueInput in) {
        return gate.act(affected, disasterNo, AidScope.DISASTER_CERTIFICATE, EnumSet.of(AidScope.NAME, AidScope.ADDRESS),
                access -> {
                    IssuedCertificate c = issueHere(access.disaster(), householdNo, in);
                    access.fact("householdNo", householdNo);
                    access.fact("issueNo", c.issueNo());
                    return c;
                });
    }

    /** Records a survey's result for {@code affected} (応援職員), answering without the household's members. */
    public Map<String, Object> recordDamageAsAid(String affected, int disasterNo, VictimRegister.DamageInput in) {
        return gate.act(affected, disasterNo, AidScope.VICTIM_REGISTER, EnumSet.noneOf(AidScope.class), access -> {
            VictimRegister.Entry e = register.recordDamage(disasterNo, in);
            VictimRegister.Assessment a = e.current().orElseThrow();
            access.fact("householdNo", e.householdNo());
            access.fact("damageLevel", a.damageLevel().name());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("householdNo", e.householdNo());
            out.put("seq", a.seq());
            out.put("damageLevel", a.damageLevel());
            out.put("damageLevelLabel", a.damageLevelLabel());
            return out;
        });
    }

    private IssuedCertificate issueHere(Disaster d, String householdNo, IssueInput in) {
        VictimRegister.Entry entry = tx.execute(s -> register.forCertificate(d, householdNo));
        VictimRegister.Assessment current = entry.current()
                .orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "no-damage-assessment", householdNo));
        List<DisasterCertificateRequest.Choice> levels = Arrays.stream(DamageLevel.values())
                .map(l -> new DisasterCertificateRequest.Choice(l.label(), l == current.damageLevel())).toList();
        List<DisasterCertificateRequest.Choice> flooding = current.flooding() == null ? List.of()
                : Arrays.stream(Flooding.values())
                .map(f -> new DisasterCertificateRequest.Choice(f.label(), f == current.flooding())).toList();
        String requester = in == null || in.requesterName() == null || in.requesterName().isBlank()
                ? entry.headName() : in.requesterName().strip();
        IssuedCertificate c = issuance.issueDisasterCertificate(new DisasterCertificateRequest(entry.headAtenaNo(),
                householdNo, d.name(), d.occurredOn(), entry.damagedAddress(), levels, flooding, requester,
                in == null ? null : blankToNull(in.remarks()), in == null ? null : in.terminal(),
                in == null ? null : in.printer()));
        tx.executeWithoutResult(s -> register.recordCertificate(d, householdNo, current.seq(), c.issueNo()));
        return c;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

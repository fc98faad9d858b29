package org.kiban.certificate.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.kiban.certificate.CertificateForm;
import org.kiban.certificate.CertificateRequest.OptionalItem;
import org.kiban.certificate.RequesterKind;
import org.kiban.common.Wareki;
import org.kiban.resident.ChangeReason;
import org.kiban.resident.ResidentKind;
import org.kiban.resident.ResidentRecord;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Lays out a certificate: which items each person shows (what the requester asked for and may see), the pages
 * (four persons a sheet for the 世帯連記式, one person a sheet otherwise), the 統合記載欄 from history, and text
 * that shrinks to fit its cell, with a warning when it still overflows.
 */
@Component
class SheetBuilder {

    static final int PERSONS_PER_HOUSEHOLD_SHEET = 4;
    static final int REMARK_LINES_PER_SHEET = 14;
    static final String BLANK = "【空欄】";
    private static final DateTimeFormatter SEIREKI = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPAN);

    private final ITemplateEngine templates;
    private final org.kiban.seal.SealRegistry seals;
    private final org.springframework.beans.factory.ObjectProvider<org.kiban.certificate.internal.pdf.PdfFonts> fonts;

    SheetBuilder(ITemplateEngine templates, org.kiban.seal.SealRegistry seals,
                 org.springframework.beans.factory.ObjectProvider<org.kiban.certificate.internal.pdf.PdfFonts> fonts) {
        this.templates = templates;
        this.seals = seals;
        this.fonts = fonts;
    }

    private org.kiban.certificate.internal.pdf.PdfFonts fonts() {
        return fonts.getObject();
    }

    String xhtml(Sheet.Doc doc) {
        Context context = new Context(Locale.JAPAN);
        context.setVariable("doc", doc);
        return templates.process("certificate/certificate", context);
    }

    /** The 罹災証明書 of the 統一様式 (内閣府 令和2年3月): check boxes as ■ (the determined one) and □. */
    String disasterXhtml(CertificateService.Plan plan, org.kiban.certificate.DisasterCertificateRequest r, String qr,
                         String seal, String verifyUrl, List<String> warnings) {
        ResidentRecord head = plan.subjects().get(0);
        TextFit.Fit headAddressFit = TextFit.fit(fonts(), head.address().full(), 140, 1, 11);
        TextFit.warnIfOverflow(headAddressFit, "世帯主住所", warnings);
        TextFit.Fit nameFit = TextFit.fit(fonts(), head.name(), 140, 1, 13);
        TextFit.warnIfOverflow(nameFit, "世帯主氏名", warnings);
        TextFit.Fit damagedFit = TextFit.fit(fonts(), r.damagedAddress(), 140, 1, 11);
        TextFit.warnIfOverflow(damagedFit, "被災住家の所在地", warnings);
        java.util.function.Function<List<org.kiban.certificate.DisasterCertificateRequest.Choice>, List<Sheet.Item>> boxes =
                choices -> choices == null ? List.of()
                        : choices.stream().map(c -> new Sheet.Item(c.checked() ? "■" : "□", c.label())).toList();
        String mayorName = plan.tenant().mayorName() == null ? "" : plan.tenant().mayorName();
        Sheet.DisasterDoc doc = new Sheet.DisasterDoc(CertificateForm.DISASTER_VICTIM_CERTIFICATE.title(),
                CertificateForm.DISASTER_VICTIM_CERTIFICATE.attestation(), plan.tenant().name(), plan.tenant().mayorTitle(),
                mayorName, Wareki.format(plan.issuedOn()), seal, plan.issueNo(), plan.verificationCode(), verifyUrl, qr,
                head.address().full(), headAddressFit.cssClass(), head.name(), nameFit.cssClass(),
                Wareki.format(r.occurredOn()) + "の" + r.disasterName() + "による", r.damagedAddress(),
                damagedFit.cssClass(), boxes.apply(r.damageLevels()), boxes.apply(r.flooding()), r.remarks());
        Context context = new Context(Locale.JAPAN);
        context.setVariable("doc", doc);
        return templates.process("certificate/disaster-certificate", context);
    }

    String sealCard(String cardNo, String municipality) {
        Context context = new Context(Locale.JAPAN);
        context.setVariable("cardNo", cardNo);
        context.setVariable("municipality", municipality);
        return templates.process("certificate/seal-card", context);
    }

    Sheet.Doc build(CertificateService.Plan plan, String qr, String seal, String verifyUrl, List<String> warnings) {
        CertificateForm form = plan.request().form();
        Set<OptionalItem> printed = plan.printed();
        boolean self = plan.request().requester() == RequesterKind.SELF;
        boolean history = Boolean.TRUE.equals(plan.request().withHistory());
        List<List<Sheet.Person>> groups = new ArrayList<>();
        Sheet.Household household = null;
        java.util.Map<String, List<ResidentRecord>> histories = plan.histories();
        if (form == CertificateForm.RESIDENT_COPY_HOUSEHOLD) {
            ResidentRecord first = plan.subjects().get(0);
            String address = first.address().full();
            TextFit.Fit fit = TextFit.fit(fonts(), address, 150, 1, 9.5);
            TextFit.warnIfOverflow(fit, "住所", warnings);
            String head = printed.contains(OptionalItem.HOUSEHOLD_HEAD_AND_RELATIONSHIP) ? first.householdHeadName() : null;
            household = new Sheet.Household(address, fit.cssClass(), head, plan.subjects().size());
            List<Sheet.Person> persons = new ArrayList<>();
            for (ResidentRecord r : plan.subjects()) {
                persons.add(person(r, histories.get(r.atenaNo()), form, printed, self, false, false, warnings));
            }
            for (int i = 0; i < persons.size(); i += PERSONS_PER_HOUSEHOLD_SHEET) {
                groups.add(persons.subList(i, Math.min(persons.size(), i + PERSONS_PER_HOUSEHOLD_SHEET)));
            }
        } else {
            for (ResidentRecord r : plan.subjects()) {
                Sheet.Person p = person(r, histories.get(r.atenaNo()), form, printed, self, true, history, warnings);
                // A long history continues on further sheets of the same person.
                List<String> remarks = p.remarks();
                for (int i = 0; i == 0 || i < remarks.size(); i += REMARK_LINES_PER_SHEET) {
                    List<String> part = remarks.isEmpty() ? List.of()
                            : remarks.subList(i, Math.min(remarks.size(), i + REMARK_LINES_PER_SHEET));
                    groups.add(List.of(withRemarks(p, part)));
                }
            }
        }
        List<Sheet.Page> pages = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            pages.add(new Sheet.Page(i + 1, groups.size(), i == groups.size() - 1, household, groups.get(i)));
        }
        String subtitle = switch (form) {
            case RESIDENT_COPY_HOUSEHOLD -> plan.request().atenaNos() == null || plan.request().atenaNos().isEmpty()
                    ? "（世帯全員）" : "（世帯の一部）";
            case RESIDENT_COPY_INDIVIDUAL -> "（個人票）";
            default -> "";
        };
        String mayorName = plan.tenant().mayorName() == null ? "" : plan.tenant().mayorName();
        return new Sheet.Doc(form.title(), subtitle, form.attestation(), plan.tenant().name(), plan.tenant().mayorTitle(),
                mayorName, Wareki.format(plan.issuedOn()), seal, plan.issueNo(), plan.verificationCode(), verifyUrl, qr,
                plan.reissueOf() != null, plan.reissueNote(), plan.request().requester() == RequesterKind.OFFICIAL, pages,
                plan.sample());
    }

    private static Sheet.Person withRemarks(Sheet.Person p, List<String> remarks) {
        return new Sheet.Person(p.name(), p.nameFit(), p.nameKana(), p.nameAlphabet(), p.alias(), p.formerSurname(),
                p.birthDate(), p.sex(), p.relationship(), p.becameResidentOn(), p.addressSetOn(), p.notifiedOn(),
                p.individualNumber(), p.juminhyoCode(), p.address(), p.addressFit(), p.previousAddress(),
                p.previousAddressFit(), p.beforeMoveAddress(), p.permanentDomicile(), p.domicileFit(),
                p.familyRegisterHead(), p.foreignItems(), p.removal(), remarks, p.impression());
    }

    private Sheet.Person person(ResidentRecord r, List<ResidentRecord> allVersions, CertificateForm form,
                                Set<OptionalItem> printed, boolean self, boolean ownAddress, boolean withHistory,
                                List<String> warnings) {
        boolean entry = form == CertificateForm.ENTRY_CERTIFICATE || form == CertificateForm.REMOVED_ENTRY_CERTIFICATE;
        List<ResidentRecord> history = allVersions.stream().filter(v -> v.rirekiNo() <= r.rirekiNo()).toList();
        TextFit.Fit nameFit = TextFit.fit(fonts(), r.name(), 150, 1, 13);
        TextFit.warnIfOverflow(nameFit, "氏名", warnings);
        String address = ownAddress && (!entry || printed.contains(OptionalItem.ADDRESS)) ? r.address().full() : null;
        TextFit.Fit addressFit = TextFit.fit(fonts(), address, 150, 1, 9.5);
        TextFit.warnIfOverflow(addressFit, "住所", warnings);
        String previous = entry && !printed.contains(OptionalItem.PREVIOUS_ADDRESS) ? null
                : r.previousAddress() == null ? BLANK : r.previousAddress();
        TextFit.Fit previousFit = TextFit.fit(fonts(), previous, 150, 1, 9.5);
        String domicile = printed.contains(OptionalItem.PERMANENT_DOMICILE) && r.kind() == ResidentKind.JAPANESE
                ? r.permanentDomicile() : null;
        TextFit.Fit domicileFit = TextFit.fit(fonts(), domicile, 60, 2, 9.5);
        TextFit.warnIfOverflow(domicileFit, "本籍", warnings);
        List<Sheet.Item> foreign = new ArrayList<>();
        if (r.kind() == ResidentKind.FOREIGN && printed.contains(OptionalItem.FOREIGN_ITEMS) && r.foreign() != null) {
            var f = r.foreign();
            foreign.add(new Sheet.Item("国籍・地域", f.nationality()));
            foreign.add(new Sheet.Item("区分", f.category().label()));
            if (f.statusOfResidence() != null) {
                foreign.add(new Sheet.Item("在留資格", f.statusOfResidence()));
                foreign.add(new Sheet.Item("在留期間", f.periodOfStay() + "　満了日 " + f.stayExpiresOn().format(SEIREKI)));
                foreign.add(new Sheet.Item("在留カード番号", f.residenceCardNo()));
            }
            if (f.specialPermanentResidentCertNo() != null) {
                foreign.add(new Sheet.Item("特別永住者証明書番号", f.specialPermanentResidentCertNo()));
            }
        }
        String removal = null;
        if (r.status().removed() && r.removal() != null) {
            removal = r.removal().removedOn() + "　" + r.removal().reason().label()
                    + (r.removal().destination() == null ? "" : "（" + r.removal().destination() + "）");
        }
        boolean show = !entry;
        return new Sheet.Person(r.name(), nameFit.cssClass(),
                printed.contains(OptionalItem.NAME_KANA) ? r.nameKana() : null, r.nameAlphabet(), r.alias(),
                r.formerSurname(),
                show || printed.contains(OptionalItem.BIRTH_DATE) ? r.birthDate() : BLANK,
                show || printed.contains(OptionalItem.SEX) ? r.sex().label() : BLANK,
                printed.contains(OptionalItem.HOUSEHOLD_HEAD_AND_RELATIONSHIP) ? r.relationship() : null,
                show || printed.contains(OptionalItem.BECAME_RESIDENT_ON) ? becameResident(r, history) : BLANK,
                show || printed.contains(OptionalItem.ADDRESS_SET_ON) ? (r.addressSetOn() == null ? BLANK : r.addressSetOn()) : BLANK,
                show ? notified(r, history) : BLANK,
                printed.contains(OptionalItem.INDIVIDUAL_NUMBER) && self ? r.individualNumber() : null,
                printed.contains(OptionalItem.JUMINHYO_CODE) && self ? r.juminhyoCode() : null,
                address, addressFit.cssClass(), previous, previousFit.cssClass(),
                self && !entry ? r.beforeMoveAddress() : null,
                domicile, domicileFit.cssClass(), domicile == null ? null : r.familyRegisterHead(), foreign, removal,
                withHistory ? remarks(history) : List.of(), impression(r, form));
    }

    /** The 印影 of an 印鑑登録証明書 as a data URI (the registration was checked against the presented card). */
    private String impression(ResidentRecord r, CertificateForm form) {
        if (form != CertificateForm.SEAL_CERTIFICATE) {
            return null;
        }
        return seals.ofPerson(r.atenaNo()).stream().filter(org.kiban.seal.SealRegistration::active).findFirst()
                .map(s -> "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(s.sealImage()))
                .orElseThrow();
    }

    /** 住民となった日 with how: 転入, 出生 or 職権記載 (the 記載 that began the current residence). */
    private static String becameResident(ResidentRecord r, List<ResidentRecord> history) {
        String how = history.stream().filter(v -> v.changeReason().group() == ChangeReason.Group.ENTRY
                        && v.changeReason() != ChangeReason.CANCELLATION_INCREASE)
                .reduce((a, b) -> b)
                .map(v -> switch (v.changeReason()) {
                    case MOVE_IN_DOMESTIC -> "転入";
                    case MOVE_IN_FROM_ABROAD -> "国外から転入";
                    case BIRTH -> "出生";
                    default -> v.changeReason().label();
                }).orElse("");
        return r.becameResidentOn() + (how.isEmpty() ? "" : "　" + how);
    }

    /** 届出日 of the 異動 that set the current address (転入 or 転居), as the standard layout's 届出日 column. */
    private static String notified(ResidentRecord r, List<ResidentRecord> history) {
        LocalDate on = history.stream().filter(v -> v.changeReason() == ChangeReason.MOVE_WITHIN
                        || v.changeReason().group() == ChangeReason.Group.ENTRY)
                .reduce((a, b) -> b).map(ResidentRecord::notifiedOn).orElse(null);
        return on == null ? BLANK : Wareki.format(on);
    }

    /** 統合記載欄 A類型: one line per 異動 after the first (標準仕様書 1.1.14, 20.0.3). */
    static List<String> remarks(List<ResidentRecord> history) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i < history.size(); i++) {
            ResidentRecord v = history.get(i);
            ResidentRecord before = history.get(i - 1);
            String line = v.effectiveDate() + "　" + v.changeReason().label();
            if (v.changeReason() == ChangeReason.MOVE_WITHIN) {
                line += "（" + before.address().full() + "から）";
            } else if (!java.util.Objects.equals(v.name(), before.name())) {
                line += "（氏名 " + before.name() + "）";
            } else if (!java.util.Objects.equals(v.relationship(), before.relationship())) {
                line += "（続柄 " + before.relationship() + "）";
            }
            if (v.notifiedOn() != null) {
                line += "　" + Wareki.format(v.notifiedOn()) + "届出";
            }
            lines.add(line);
        }
        return lines;
    }

}

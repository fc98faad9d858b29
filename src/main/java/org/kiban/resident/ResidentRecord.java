package org.kiban.resident;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version (履歴) of a person's 住民票: a full snapshot of every item, as the standard keeps it (§1.2.1).
 * Dates of the standard are given as written ({@code effectiveDate}, {@code birthDate}, {@code becameResidentOn}
 * may be 不詳日; 日本人 in 和暦, 外国人 in 西暦).
 */
public record ResidentRecord(
        String lgCode, String atenaNo, int rirekiNo,
        ChangeReason changeReason, String changeReasonLabel, String effectiveDate, LocalDate notifiedOn,
        Instant recordedAt, long notificationNo, String officeCode, String operator, String remarks,
        ResidentStatus status, ResidentKind kind, String householdNo, int householdOrder, String relationship,
        String householdHeadName,
        String name, String nameKana, String nameAlphabet, String formerSurname, String formerSurnameKana,
        String alias, String aliasKana,
        String birthDate, Sex sex, String permanentDomicile, String familyRegisterHead,
        String becameResidentOn, String addressSetOn,
        Address address, String previousAddress, String previousAddressCode, String previousPostalCode,
        String beforeMoveAddress,
        String juminhyoCode, String individualNumber,
        ForeignResidentItems foreign,
        Removal removal) {

    /** This version with the 個人番号 masked, for users and clients not entitled to see it (番号法第19条). */
    public ResidentRecord withoutIndividualNumber() {
        return new ResidentRecord(lgCode, atenaNo, rirekiNo, changeReason, changeReasonLabel, effectiveDate, notifiedOn,
                recordedAt, notificationNo, officeCode, operator, remarks, status, kind, householdNo, householdOrder,
                relationship, householdHeadName, name, nameKana, nameAlphabet, formerSurname, formerSurnameKana, alias,
                aliasKana, birthDate, sex, permanentDomicile, familyRegisterHead, becameResidentOn, addressSetOn, address,
                previousAddress, previousAddressCode, previousPostalCode, beforeMoveAddress, juminhyoCode,
                individualNumber == null ? null : "************", foreign, removal);
    }
}

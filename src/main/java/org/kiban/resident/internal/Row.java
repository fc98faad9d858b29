package org.kiban.resident.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.kiban.resident.Address;
import org.kiban.resident.ChangeReason;
import org.kiban.resident.ForeignCategory;
import org.kiban.resident.ForeignResidentItems;
import org.kiban.resident.Removal;
import org.kiban.resident.ResidentKind;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.ResidentStatus;
import org.kiban.resident.Sex;

/**
 * One row of {@code resident_record}, mutable while a notification builds the next version from the current one.
 * Search keys are derived here, in one place, from the items they fold.
 */
final class Row implements Cloneable {

    String lgCode;
    String atenaNo;
    int rirekiNo;
    ChangeReason changeReason;
    String effectiveDate;
    String effectiveSort;
    LocalDate notifiedOn;
    Instant recordedAt;
    long notificationNo;
    String officeCode;
    String operator;
    String remarks;
    ResidentStatus status;
    ResidentKind kind;
    String householdNo;
    int householdOrder;
    String relationship;
    String householdHeadName;
    String name;
    String nameKana;
    String nameAlphabet;
    String formerSurname;
    String formerSurnameKana;
    String alias;
    String aliasKana;
    String birthDate;
    String birthSort;
    LocalDate birthExact;
    Sex sex;
    String permanentDomicile;
    String familyRegisterHead;
    String becameResidentOn;
    String addressSetOn;
    String address;
    String addressSupplement;
    String addressCode;
    String postalCode;
    String wardLgCode;
    String previousAddress;
    String previousAddressCode;
    String previousPostalCode;
    String beforeMoveAddress;
    String juminhyoCode;
    String individualNumber;
    String nationality;
    ForeignCategory foreignCategory;
    String statusOfResidence;
    String periodOfStay;
    LocalDate stayExpiresOn;
    String residenceCardNo;
    String specialPermanentCertNo;
    String foreignResidentSince;
    ChangeReason removalReason;
    String removedOn;
    String removedSort;
    String moveOutDestination;
    String moveOutDestinationCode;
    LocalDate moveOutPlannedOn;

    /** A copy to become the next version. */
    Row next() {
        try {
            Row copy = (Row) clone();
            copy.rirekiNo = rirekiNo + 1;
            copy.remarks = null;
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    Address addressValue() {
        return new Address(address, addressSupplement, addressCode, postalCode, wardLgCode);
    }

    void setAddress(Address a) {
        address = a.address();
        addressSupplement = a.supplement();
        addressCode = a.addressCode();
        postalCode = a.postalCode();
        wardLgCode = a.wardLgCode();
    }

    ResidentRecord toRecord() {
        ForeignResidentItems foreign = kind == ResidentKind.FOREIGN
                ? new ForeignResidentItems(nationality, foreignCategory, statusOfResidence, periodOfStay, stayExpiresOn,
                residenceCardNo, specialPermanentCertNo, foreignResidentSince)
                : null;
        Removal removal = status.removed()
                ? new Removal(removalReason, removedOn, moveOutDestination, moveOutDestinationCode,
                moveOutPlannedOn == null ? null : moveOutPlannedOn.toString())
                : null;
        return new ResidentRecord(lgCode, atenaNo, rirekiNo, changeReason, changeReason.label(), effectiveDate, notifiedOn,
                recordedAt, notificationNo, officeCode, operator, remarks, status, kind, householdNo, householdOrder,
                relationship, householdHeadName, name, nameKana, nameAlphabet, formerSurname, formerSurnameKana, alias,
                aliasKana, birthDate, sex, permanentDomicile, familyRegisterHead, becameResidentOn, addressSetOn,
                addressValue(), previousAddress, previousAddressCode, previousPostalCode, beforeMoveAddress, juminhyoCode,
                individualNumber, foreign, removal);
    }
}

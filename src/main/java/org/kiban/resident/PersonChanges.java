package org.kiban.resident;

import java.time.LocalDate;

/**
 * Items a correction (職権修正・誤記修正・軽微な修正) changes; only the non-null ones change. A 軽微な修正 may
 * change the characters of the name and the address only (規則第11条第3項第2号).
 */
public record PersonChanges(String name, String nameKana, String nameAlphabet, String birthDate, Sex sex,
                            String permanentDomicile, String familyRegisterHead, String becameResidentOn,
                            String addressSetOn, Address address, String relationship, String nationality,
                            String statusOfResidence, String periodOfStay, LocalDate stayExpiresOn,
                            String residenceCardNo, String specialPermanentResidentCertNo) {
}

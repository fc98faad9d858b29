package org.kiban.certificate.internal;

import java.util.List;

/**
 * What a certificate template prints: the document, its pages, the household block and each person's block.
 * Values are final strings (dates as the 住民票 shows them, 【空欄】 where the standard prints a blank mark).
 */
final class Sheet {

    private Sheet() {
    }

    record Doc(String title, String subtitle, String attestation, String municipality, String mayorTitle,
               String mayorName, String issuedOn, String sealImage, String issueNo, String verificationCode,
               String verifyUrl, String qrImage, boolean reissue, String reissueNote, boolean official,
               List<Page> pages, boolean sample) {
    }

    record Page(int number, int total, boolean last, Household household, List<Person> persons) {
    }

    record Household(String address, String addressFit, String headName, int memberCount) {
    }

    record Item(String label, String value) {
    }

    record Person(String name, String nameFit, String nameKana, String nameAlphabet, String alias, String formerSurname,
                  String birthDate, String sex, String relationship, String becameResidentOn, String addressSetOn,
                  String notifiedOn, String individualNumber, String juminhyoCode, String address, String addressFit,
                  String previousAddress, String previousAddressFit, String beforeMoveAddress,
                  String permanentDomicile, String domicileFit, String familyRegisterHead, List<Item> foreignItems,
                  String removal, List<String> remarks, String impression) {
    }

    /** A 罹災証明書 (統一様式): one sheet. */
    record DisasterDoc(String title, String attestation, String municipality, String mayorTitle, String mayorName,
                       String issuedOn, String sealImage, String issueNo, String verificationCode, String verifyUrl,
                       String qrImage, String headAddress, String headAddressFit, String headName, String headNameFit,
                       String cause, String damagedAddress, String damagedAddressFit, List<Item> damageLevels,
                       List<Item> flooding, String remarks) {
    }
}

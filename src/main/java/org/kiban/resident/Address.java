package org.kiban.resident;

import org.kiban.common.InvalidValueException;

/**
 * 住所 as the 住民票 records it.
 *
 * @param address       the address (都道府県から), e.g. 神奈川県横浜市中区港町一丁目1番地
 * @param supplement    方書 (building, room), printed with the address
 * @param addressCode   住所コード of the municipality's address dictionary, or null
 * @param postalCode    郵便番号, 7 digits (hyphen accepted), or null
 * @param wardLgCode    for a designated city: the ward (行政区) the address lies in
 */
public record Address(String address, String supplement, String addressCode, String postalCode, String wardLgCode) {

    public Address {
        if (address == null || address.isBlank()) {
            throw new InvalidValueException("invalid-address", "住所を指定してください。");
        }
        address = address.strip();
        if (address.length() > 200) {
            throw new InvalidValueException("invalid-address", "住所は200文字以内で指定してください。");
        }
        supplement = blankToNull(supplement);
        if (supplement != null && supplement.length() > 100) {
            throw new InvalidValueException("invalid-address", "方書は100文字以内で指定してください。");
        }
        addressCode = blankToNull(addressCode);
        postalCode = blankToNull(postalCode);
        if (postalCode != null) {
            postalCode = postalCode.replace("-", "").replace("－", "");
            if (!postalCode.matches("[0-9]{7}")) {
                throw new InvalidValueException("invalid-postal-code", "郵便番号「" + postalCode + "」は7桁の数字で指定してください。");
            }
        }
        wardLgCode = blankToNull(wardLgCode);
    }

    public static Address of(String address) {
        return new Address(address, null, null, null, null);
    }

    /** The address with its 方書, as printed. */
    public String full() {
        return supplement == null ? address : address + "　" + supplement;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

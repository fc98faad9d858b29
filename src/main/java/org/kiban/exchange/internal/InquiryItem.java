package org.kiban.exchange.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.kiban.resident.ResidentRecord;

/**
 * The items the inquiry API delivers, each a group of the standard's items (住民記録システム標準仕様書, 基本データ
 * リスト) that other systems ask for together. A system's token names the items it may read; a request names, in
 * {@code fields}, those it wants now (only the needed items leave the registry: 番号法第19条, 個人情報保護法第27条).
 * {@code atenaNo} and the 支援措置 flag {@code protected} come with every person.
 */
enum InquiryItem {

    STATUS("status", "住民状態", r -> r.status().name()),
    NAME("name", "氏名", ResidentRecord::name),
    NAME_KANA("nameKana", "氏名フリガナ", ResidentRecord::nameKana),
    NAME_ALPHABET("nameAlphabet", "氏名（ローマ字）", ResidentRecord::nameAlphabet),
    ALIAS("alias", "通称・通称フリガナ", r -> r.alias() == null ? null : pair("alias", r.alias(), "kana", r.aliasKana())),
    FORMER_SURNAME("formerSurname", "旧氏・旧氏フリガナ",
            r -> r.formerSurname() == null ? null : pair("surname", r.formerSurname(), "kana", r.formerSurnameKana())),
    BIRTH_DATE("birthDate", "生年月日", ResidentRecord::birthDate),
    SEX("sex", "性別", r -> r.sex() == null ? null : r.sex().name()),
    HOUSEHOLD("household", "世帯番号・世帯主氏名・続柄", r -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("householdNo", r.householdNo());
        m.put("householdHeadName", r.householdHeadName());
        m.put("relationship", r.relationship());
        m.put("order", r.householdOrder());
        return m;
    }),
    ADDRESS("address", "住所・方書・郵便番号・住所コード・住定日", r -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", r.address().address());
        m.put("supplement", r.address().supplement());
        m.put("postalCode", r.address().postalCode());
        m.put("addressCode", r.address().addressCode());
        m.put("wardLgCode", r.address().wardLgCode());
        m.put("addressSetOn", r.addressSetOn());
        return m;
    }),
    PREVIOUS_ADDRESS("previousAddress", "前住所", r -> r.previousAddress() == null ? null
            : pair("address", r.previousAddress(), "addressCode", r.previousAddressCode())),
    BECAME_RESIDENT_ON("becameResidentOn", "住民となった年月日", ResidentRecord::becameResidentOn),
    PERMANENT_DOMICILE("permanentDomicile", "本籍・筆頭者", r -> r.permanentDomicile() == null ? null
            : pair("permanentDomicile", r.permanentDomicile(), "familyRegisterHead", r.familyRegisterHead())),
    JUMINHYO_CODE("juminhyoCode", "住民票コード", ResidentRecord::juminhyoCode),
    INDIVIDUAL_NUMBER("individualNumber", "個人番号", ResidentRecord::individualNumber),
    FOREIGN("foreign", "外国人住民の項目（国籍・地域、区分、在留資格 等）", ResidentRecord::foreign),
    LAST_CHANGE("lastChange", "異動事由・異動日・届出日・履歴番号", r -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reason", r.changeReason().name());
        m.put("reasonLabel", r.changeReasonLabel());
        m.put("effectiveDate", r.effectiveDate());
        m.put("notifiedOn", r.notifiedOn());
        m.put("rirekiNo", r.rirekiNo());
        return m;
    }),
    REMOVAL("removal", "消除事由・消除日・転出先", ResidentRecord::removal),
    /** What the 支援措置 refuses and until when; never the perpetrator. Delivered by the service, not the record. */
    PROTECTION_MEASURE("protectionMeasure", "支援措置の内容（対象の事務・期間）", r -> null);

    private final String field;
    private final String label;
    private final Function<ResidentRecord, Object> value;

    InquiryItem(String field, String label, Function<ResidentRecord, Object> value) {
        this.field = field;
        this.label = label;
        this.value = value;
    }

    String field() {
        return field;
    }

    String label() {
        return label;
    }

    Object valueOf(ResidentRecord record) {
        return value.apply(record);
    }

    static Optional<InquiryItem> byField(String field) {
        return Arrays.stream(values()).filter(i -> i.field.equals(field)).findFirst();
    }

    /** Field names and labels, for the token catalogue and error messages. */
    static Map<String, String> catalogue() {
        Map<String, String> m = new LinkedHashMap<>();
        for (InquiryItem i : values()) {
            m.put(i.field, i.label);
        }
        return m;
    }

    private static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}

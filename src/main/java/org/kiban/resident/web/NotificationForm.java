package org.kiban.resident.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.kiban.common.CheckDigits;
import org.kiban.common.InvalidValueException;
import org.kiban.common.ResidentDate;
import org.kiban.common.Wareki;
import org.kiban.resident.Address;
import org.kiban.resident.NewPerson;
import org.kiban.resident.Notification;
import org.kiban.resident.NotificationType;
import org.kiban.resident.Relationship;
import org.kiban.resident.ResidentKind;
import org.kiban.resident.Sex;

/**
 * What a clerk fills in on a guided 異動 form, bound from the request. {@link #check()} applies the value rules of
 * the API field by field (the same value types the API parses: dates, 住所, 郵便番号, 続柄) so the form can say what
 * is wrong as the clerk types; {@link #toNotification()} builds the notification the API would receive.
 */
public class NotificationForm implements Serializable {

    private NotificationType type;
    private String atenaNo;
    private String householdNo;
    private Integer householdVersion;
    private String effectiveDate;
    private String notifiedOn;
    private String remarks;
    private List<String> atenaNos = new ArrayList<>();
    private String postalCode;
    private String address;
    private String supplement;
    private String wardLgCode;
    private String previousAddress;
    private Map<String, String> relationships = new LinkedHashMap<>();
    private String destination;
    private String destinationLgCode;
    private String previousLgCode;
    private String targetHouseholdNo;
    private boolean acknowledgeWarnings;
    private List<PersonForm> persons = new ArrayList<>();

    /** A person a 転入 or 出生 enters. */
    public static class PersonForm implements Serializable {
        private String name;
        private String nameKana;
        private String birthDate;
        private Sex sex;
        private String relationship;
        private String permanentDomicile;
        private String familyRegisterHead;
        private String juminhyoCode;
        private String individualNumber;

        /** The person as an imported 転入 names them. */
        static PersonForm of(NewPerson p) {
            PersonForm f = new PersonForm();
            f.name = p.name();
            f.nameKana = p.nameKana();
            f.birthDate = p.birthDate();
            f.sex = p.sex();
            f.relationship = p.relationship();
            f.permanentDomicile = p.permanentDomicile();
            f.familyRegisterHead = p.familyRegisterHead();
            f.juminhyoCode = p.juminhyoCode();
            f.individualNumber = p.individualNumber();
            return f;
        }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getNameKana() { return nameKana; }
        public void setNameKana(String v) { nameKana = v; }
        public String getBirthDate() { return birthDate; }
        public void setBirthDate(String v) { birthDate = v; }
        public Sex getSex() { return sex; }
        public void setSex(Sex v) { sex = v; }
        public String getRelationship() { return relationship; }
        public void setRelationship(String v) { relationship = v; }
        public String getPermanentDomicile() { return permanentDomicile; }
        public void setPermanentDomicile(String v) { permanentDomicile = v; }
        public String getFamilyRegisterHead() { return familyRegisterHead; }
        public void setFamilyRegisterHead(String v) { familyRegisterHead = v; }
        public String getJuminhyoCode() { return juminhyoCode; }
        public void setJuminhyoCode(String v) { juminhyoCode = v; }
        public String getIndividualNumber() { return individualNumber; }
        public void setIndividualNumber(String v) { individualNumber = v; }

        boolean isEmpty() {
            return blank(name) && blank(nameKana) && blank(birthDate);
        }

        NewPerson toNewPerson() {
            return new NewPerson(null, ResidentKind.JAPANESE, strip(name), strip(nameKana), null, null, null, null, null,
                    strip(birthDate), sex, strip(relationship), strip(permanentDomicile), strip(familyRegisterHead), null,
                    strip(juminhyoCode), strip(individualNumber), null);
        }
    }

    /**
     * Puts back the 住民票コード and 個人番号 of imported persons, which never travel through the page: matched by
     * 氏名 and 生年月日 as read from the file ({@code numbers}: key → [住民票コード, 個人番号]).
     */
    void attachNumbers(Map<String, String[]> numbers) {
        for (PersonForm p : persons) {
            String[] n = numbers.get(numberKey(p));
            if (n != null) {
                p.juminhyoCode = n[0];
                p.individualNumber = n[1];
            }
        }
    }

    static String numberKey(PersonForm p) {
        return strip(p.name) + "|" + strip(p.birthDate);
    }

    /** Whether the form moves persons to a new address (転居, 転入). */
    public boolean needsAddress() {
        return type == NotificationType.MOVE_WITHIN || isEntry();
    }

    public boolean isEntry() {
        return type == NotificationType.MOVE_IN_DOMESTIC || type == NotificationType.MOVE_IN_FROM_ABROAD;
    }

    public boolean isMoveOut() {
        return type == NotificationType.MOVE_OUT_DOMESTIC || type == NotificationType.MOVE_OUT_ABROAD;
    }

    /** Whether the clerk chooses members of the household. */
    public boolean choosesMembers() {
        return type == NotificationType.MOVE_WITHIN || isMoveOut() || type == NotificationType.HOUSEHOLD_SPLIT
                || type == NotificationType.HOUSEHOLD_CHANGE;
    }

    /** Whether 続柄 are set for the members (a new household, or a new head). */
    public boolean setsRelationships() {
        return type == NotificationType.MOVE_WITHIN || type == NotificationType.HOUSEHOLD_SPLIT
                || type == NotificationType.HOUSEHOLD_CHANGE || type == NotificationType.HEAD_CHANGE;
    }

    public boolean entersPersons() {
        return isEntry() || type == NotificationType.BIRTH;
    }

    /** The field-by-field errors (field name → Japanese message), empty when every value reads. */
    public Map<String, String> check() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (type == null) {
            errors.put("type", "届出の種類を選んでください。");
            return errors;
        }
        if (type != NotificationType.BIRTH && type != NotificationType.DEATH) {
            field(errors, "effectiveDate", () -> exactDate(effectiveDate, "異動日"));
        } else {
            field(errors, "effectiveDate", () -> ResidentDate.parse(effectiveDate));
        }
        if (!blank(notifiedOn)) {
            field(errors, "notifiedOn", () -> Wareki.parse(notifiedOn));
        }
        if (choosesMembers() && atenaNos.isEmpty()) {
            errors.put("atenaNos", "届出の対象となる人を1人以上選んでください。");
        }
        if (needsAddress()) {
            field(errors, "postalCode", () -> new Address("-", null, null, postalCode, null));
            field(errors, "address", () -> new Address(address, supplement, null, null, null));
        }
        if (isEntry() && type == NotificationType.MOVE_IN_DOMESTIC) {
            field(errors, "previousAddress", () -> Address.of(previousAddress));
            if (!blank(previousLgCode) && !CheckDigits.isValidLgCode(previousLgCode.strip())) {
                errors.put("previousLgCode", "転出元の団体コード「" + previousLgCode + "」は6桁（検査数字付き）で入力してください。");
            }
        }
        if (isMoveOut()) {
            field(errors, "destination", () -> Address.of(destination));
            if (type == NotificationType.MOVE_OUT_DOMESTIC && !blank(destinationLgCode)
                    && !CheckDigits.isValidLgCode(destinationLgCode.strip())) {
                errors.put("destinationLgCode", "転出先の団体コード「" + destinationLgCode + "」は6桁（検査数字付き）で入力してください。");
            }
        }
        if (setsRelationships()) {
            for (Map.Entry<String, String> e : relationships.entrySet()) {
                if (type == NotificationType.HEAD_CHANGE || atenaNos.contains(e.getKey()) && relationshipsApply()) {
                    field(errors, "relationships[" + e.getKey() + "]", () -> Relationship.of(e.getValue()));
                }
            }
        }
        if (type == NotificationType.HOUSEHOLD_CHANGE && blank(targetHouseholdNo)) {
            errors.put("targetHouseholdNo", "移る先の世帯番号を入力してください。");
        }
        if (entersPersons()) {
            for (int i = 0; i < persons.size(); i++) {
                PersonForm p = persons.get(i);
                if (p.isEmpty() && i > 0) {
                    continue;
                }
                String at = "persons[" + i + "].";
                if (blank(p.name)) {
                    errors.put(at + "name", "氏名を入力してください。");
                }
                if (blank(p.nameKana)) {
                    errors.put(at + "nameKana", "フリガナを入力してください。");
                } else if (!p.nameKana.strip().matches("[\\p{IsKatakana}ー・\\s\u3000]+")) {
                    errors.put(at + "nameKana", "フリガナはカタカナで入力してください。");
                }
                if (type != NotificationType.BIRTH) {
                    field(errors, at + "birthDate", () -> ResidentDate.parse(p.birthDate));
                }
                if (p.sex == null) {
                    errors.put(at + "sex", "性別を選んでください。");
                }
                field(errors, at + "relationship", () -> Relationship.of(p.relationship));
            }
        }
        return errors;
    }

    /** A subset of the household forms a new one with the given 続柄; moving all members keeps theirs. */
    boolean relationshipsApply() {
        return type == NotificationType.HOUSEHOLD_SPLIT || type == NotificationType.HOUSEHOLD_CHANGE
                || type == NotificationType.MOVE_WITHIN && subsetMoves;
    }

    private transient boolean subsetMoves;

    /** Set by the screen, which knows the household: whether only some of its members are chosen. */
    void subsetMoves(boolean subset) {
        this.subsetMoves = subset;
    }

    /** The notification as the API receives it. Call only when {@link #check()} found nothing. */
    public Notification toNotification() {
        Map<String, Integer> expected = householdNo != null && householdVersion != null
                ? Map.of(householdNo, householdVersion) : null;
        LocalDate notified = blank(notifiedOn) ? null : Wareki.parse(notifiedOn);
        String effective = strip(effectiveDate);
        String rem = strip(remarks);
        Boolean ack = acknowledgeWarnings ? Boolean.TRUE : null;
        Map<String, String> rels = new LinkedHashMap<>();
        relationships.forEach((k, v) -> {
            if (type == NotificationType.HEAD_CHANGE || atenaNos.contains(k)) {
                rels.put(k, v.strip());
            }
        });
        return switch (type) {
            case MOVE_WITHIN -> new Notification.MoveWithin(type, effective, notified, rem, expected, ack, atenaNos,
                    newAddress(), relationshipsApply() ? rels : null);
            case MOVE_OUT_DOMESTIC, MOVE_OUT_ABROAD -> new Notification.MoveOut(type, effective, notified, rem, expected,
                    ack, atenaNos, Address.of(destination), blank(destinationLgCode) ? null : destinationLgCode.strip());
            case DEATH -> new Notification.PersonRemoval(type, effective, notified, rem, expected, ack, atenaNo);
            case BIRTH -> new Notification.Birth(type, effective, notified, rem, expected, ack, householdNo,
                    persons.get(0).toNewPerson());
            case HOUSEHOLD_SPLIT, HOUSEHOLD_CHANGE -> new Notification.HouseholdReorganization(type, effective, notified,
                    rem, expected, ack, householdNo, atenaNos,
                    type == NotificationType.HOUSEHOLD_CHANGE ? targetHouseholdNo.strip() : null, rels);
            case HEAD_CHANGE -> new Notification.HouseholdReorganization(type, effective, notified, rem, expected, ack,
                    householdNo, null, null, rels);
            case MOVE_IN_DOMESTIC, MOVE_IN_FROM_ABROAD -> new Notification.Entry(type, effective, notified, rem, null, ack,
                    null, newAddress(), blank(previousAddress) ? null : Address.of(previousAddress),
                    persons.stream().filter(p -> !p.isEmpty()).map(PersonForm::toNewPerson).toList(),
                    type == NotificationType.MOVE_IN_DOMESTIC && !blank(previousLgCode) ? previousLgCode.strip() : null);
            default -> throw new IllegalStateException("no guided form for " + type);
        };
    }

    private Address newAddress() {
        return new Address(address, supplement, null, postalCode, wardLgCode);
    }

    private static Object exactDate(String text, String item) {
        if (blank(text)) {
            throw new InvalidValueException(InvalidValueException.REQUIRED, item + "を入力してください。");
        }
        ResidentDate d = ResidentDate.parse(text);
        if (!d.isExact()) {
            throw new InvalidValueException("date-not-exact", item + "は年月日まで入力してください。");
        }
        return d;
    }

    private static void field(Map<String, String> errors, String name, Supplier<Object> parse) {
        try {
            parse.get();
        } catch (InvalidValueException e) {
            errors.put(name, e.getMessage());
        } catch (java.time.DateTimeException e) {
            errors.put(name, "日付を読み取れません。");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }

    // ---- bean properties for binding

    public NotificationType getType() { return type; }
    public void setType(NotificationType v) { type = v; }
    public String getAtenaNo() { return atenaNo; }
    public void setAtenaNo(String v) { atenaNo = strip(v); }
    public String getHouseholdNo() { return householdNo; }
    public void setHouseholdNo(String v) { householdNo = strip(v); }
    public Integer getHouseholdVersion() { return householdVersion; }
    public void setHouseholdVersion(Integer v) { householdVersion = v; }
    public String getEffectiveDate() { return effectiveDate; }
    public void setEffectiveDate(String v) { effectiveDate = v; }
    public String getNotifiedOn() { return notifiedOn; }
    public void setNotifiedOn(String v) { notifiedOn = v; }
    public String getRemarks() { return remarks; }
    public void setRemarks(String v) { remarks = v; }
    public List<String> getAtenaNos() { return atenaNos; }
    public void setAtenaNos(List<String> v) { atenaNos = v == null ? new ArrayList<>() : new ArrayList<>(v); }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String v) { postalCode = v; }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v; }
    public String getSupplement() { return supplement; }
    public void setSupplement(String v) { supplement = v; }
    public String getWardLgCode() { return wardLgCode; }
    public void setWardLgCode(String v) { wardLgCode = v == null || v.isBlank() ? null : v; }
    public String getPreviousAddress() { return previousAddress; }
    public void setPreviousAddress(String v) { previousAddress = v; }
    public Map<String, String> getRelationships() { return relationships; }
    public void setRelationships(Map<String, String> v) { relationships = v == null ? new LinkedHashMap<>() : v; }
    public String getDestination() { return destination; }
    public void setDestination(String v) { destination = v; }
    public String getPreviousLgCode() { return previousLgCode; }
    public void setPreviousLgCode(String v) { previousLgCode = v; }
    public String getDestinationLgCode() { return destinationLgCode; }
    public void setDestinationLgCode(String v) { destinationLgCode = v; }
    public String getTargetHouseholdNo() { return targetHouseholdNo; }
    public void setTargetHouseholdNo(String v) { targetHouseholdNo = v; }
    public boolean isAcknowledgeWarnings() { return acknowledgeWarnings; }
    public void setAcknowledgeWarnings(boolean v) { acknowledgeWarnings = v; }
    public List<PersonForm> getPersons() { return persons; }
    public void setPersons(List<PersonForm> v) { persons = v == null ? new ArrayList<>() : v; }
}

package org.kiban.disaster;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a mutual-aid agreement lets the other parties' staff do in an affected municipality: the operations, and
 * the resident items a lookup may return. The catalogue is the minimum a counter needs to find a household and
 * issue its 罹災証明書; 個人番号, 住民票コード, 本籍, 外国人住民の在留情報 and history are never in it.
 */
public enum AidScope {
    RESIDENT_LOOKUP("住民の照会", null),
    VICTIM_REGISTER("被災者台帳への記録", null),
    DISASTER_CERTIFICATE("罹災証明書の交付", null),
    NAME("氏名", "name"),
    NAME_KANA("フリガナ", "nameKana"),
    BIRTH_DATE("生年月日", "birthDate"),
    SEX("性別", "sex"),
    ADDRESS("住所", "address"),
    HOUSEHOLD("世帯番号・世帯主・続柄", "household");

    private final String label;
    private final String field;

    AidScope(String label, String field) {
        this.label = label;
        this.field = field;
    }

    public String label() {
        return label;
    }

    /** The name of the item in a lookup's {@code fields}, or null for an operation. */
    public String field() {
        return field;
    }

    public boolean isItem() {
        return field != null;
    }

    public static Optional<AidScope> byField(String field) {
        return Arrays.stream(values()).filter(s -> s.field != null && s.field.equals(field)).findFirst();
    }

    public static Set<AidScope> items() {
        EnumSet<AidScope> items = EnumSet.noneOf(AidScope.class);
        Arrays.stream(values()).filter(AidScope::isItem).forEach(items::add);
        return items;
    }
}

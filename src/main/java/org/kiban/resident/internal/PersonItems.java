package org.kiban.resident.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.kiban.common.CheckDigits;
import org.kiban.common.InvalidValueException;
import org.kiban.common.ResidentDate;
import org.kiban.resident.ForeignCategory;
import org.kiban.resident.ForeignResidentItems;
import org.kiban.resident.ResidentKind;

/**
 * Checks of single items of the 住民票 (standards.md §1.4, §1.1.8, §3), with the Japanese message a clerk sees.
 * Each returns the value in the form the record stores.
 */
final class PersonItems {

    private static final Pattern KATAKANA = Pattern.compile("[\\p{InKatakana}ー－‐ 　]+");
    private static final Pattern RESIDENCE_CARD = Pattern.compile("[A-Z]{2}[0-9]{8}[A-Z]{2}");
    private static final DateTimeFormatter SEIREKI = DateTimeFormatter.ofPattern("uuuu年M月d日");

    private PersonItems() {
    }

    static String name(String value, String item) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("invalid-name", item + "を指定してください。");
        }
        String v = value.strip().replaceAll("[ 　]+", "　");
        if (v.length() > 100) {
            throw new InvalidValueException("invalid-name", item + "は100文字以内で指定してください。");
        }
        if (v.chars().anyMatch(c -> "（）()".indexOf(c) >= 0)) {
            // 【実装しない機能】: symbols such as （株） are not entered (標準仕様書 2.1.2).
            throw new InvalidValueException("invalid-name", item + "に括弧などの記号は使えません。");
        }
        return v;
    }

    static String kana(String value, String item) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().replaceAll("[ 　]+", "　");
        if (!KATAKANA.matcher(v).matches() || v.length() > 100) {
            throw new InvalidValueException("invalid-kana", item + "はカタカナ（100文字以内）で指定してください。");
        }
        return v;
    }

    /**
     * A date of the standard that may be 不詳 or off the calendar (生年月日, 住民となった年月日, 住所を定めた年月日,
     * 異動日 of 出生・死亡・失踪; §1.1.8).
     */
    static ResidentDate uncertainAllowed(String value, String item) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("invalid-date", item + "を指定してください。");
        }
        try {
            return ResidentDate.parse(value.strip());
        } catch (InvalidValueException e) {
            throw new InvalidValueException(e.code(), item + "：" + e.getMessage());
        }
    }

    /** A date that must be on the calendar (every other date of the standard, §1.1.8). */
    static ResidentDate exact(String value, String item) {
        ResidentDate d = uncertainAllowed(value, item);
        if (!d.isExact()) {
            throw new InvalidValueException("date-must-be-exact", item + "「" + value + "」は実在する日付で指定してください"
                    + "（不詳や暦にない日付は使えません）。");
        }
        return d;
    }

    /** 生年月日: 和暦 or 不詳日 for 日本人; for 外国人 a 西暦 calendar date, shown in 西暦 (§1.1.9). */
    static Birth birthDate(String value, ResidentKind kind) {
        if (kind == ResidentKind.FOREIGN) {
            LocalDate d = exact(value, "生年月日").toLocalDate().orElseThrow();
            return new Birth(d.format(SEIREKI), d.format(DateTimeFormatter.BASIC_ISO_DATE), d);
        }
        ResidentDate d = uncertainAllowed(value, "生年月日");
        return new Birth(d.display(), d.sortKey(), d.toLocalDate().orElse(null));
    }

    record Birth(String display, String sort, LocalDate exact) {
    }

    static String juminhyoCode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (!CheckDigits.isValidJuminhyoCode(v)) {
            throw new InvalidValueException("invalid-juminhyo-code", "住民票コード「" + v + "」は11桁の数字で、検査数字が正しくありません。");
        }
        return v;
    }

    static String individualNumber(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (!CheckDigits.isValidIndividualNumber(v)) {
            // The number itself is not repeated in the message (番号法: no needless copies).
            throw new InvalidValueException("invalid-individual-number", "個人番号は12桁の数字で、検査数字が正しいものを指定してください。");
        }
        return v;
    }

    static String text(String value, String item, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidValueException("invalid-text", item + "は" + max + "文字以内で指定してください。");
        }
        return v;
    }

    /** The items a foreign resident's 区分 requires (住民基本台帳法第30条の45). */
    static ForeignResidentItems foreign(ForeignResidentItems f) {
        if (f == null || f.nationality() == null || f.nationality().isBlank() || f.category() == null) {
            throw new InvalidValueException("foreign-items-required", "外国人住民には国籍・地域と区分を指定してください。");
        }
        String card = f.residenceCardNo() == null ? null : f.residenceCardNo().strip().toUpperCase();
        if (f.category() == ForeignCategory.MID_LONG_TERM) {
            if (f.statusOfResidence() == null || f.statusOfResidence().isBlank() || f.periodOfStay() == null
                    || f.stayExpiresOn() == null || card == null) {
                throw new InvalidValueException("foreign-items-required",
                        "中長期在留者には在留資格、在留期間、在留期間の満了の日、在留カードの番号を指定してください。");
            }
            if (!RESIDENCE_CARD.matcher(card).matches()) {
                throw new InvalidValueException("invalid-residence-card-no",
                        "在留カードの番号「" + card + "」は英字2文字・数字8桁・英字2文字で指定してください。");
            }
        }
        if (f.category() == ForeignCategory.SPECIAL_PERMANENT
                && (f.specialPermanentResidentCertNo() == null || f.specialPermanentResidentCertNo().isBlank())) {
            throw new InvalidValueException("foreign-items-required", "特別永住者には特別永住者証明書の番号を指定してください。");
        }
        return new ForeignResidentItems(f.nationality().strip(), f.category(), text(f.statusOfResidence(), "在留資格", 50),
                text(f.periodOfStay(), "在留期間", 30), f.stayExpiresOn(), card,
                text(f.specialPermanentResidentCertNo(), "特別永住者証明書の番号", 20), f.foreignResidentSince());
    }

}

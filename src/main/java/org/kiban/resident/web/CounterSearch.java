package org.kiban.resident.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.kiban.common.InvalidValueException;
import org.kiban.common.ResidentDate;
import org.kiban.resident.ResidentQuery;

/**
 * The counter's one search box, read as the registry's search criteria: a 10-digit number is a 宛名番号 or a
 * 世帯番号, 11 digits a 住民票コード, 12 a 個人番号; a word that reads as a date (和暦 or 西暦) is the 生年月日; the rest
 * is a フリガナ when it is all kana (the standard's fuzzy rules apply: 濁点・小書き・長音 ignored), else a 氏名
 * (漢字, 異体字 folded).
 */
record CounterSearch(List<ResidentQuery> queries, String understood) {

    static final int PAGE_SIZE = 20;
    private static final Pattern KANA = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}ー・\\s\u3000\uFF61-\uFF9F]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    static CounterSearch parse(String text, boolean includeRemoved) {
        String q = text == null ? "" : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).strip();
        if (q.isEmpty()) {
            return new CounterSearch(List.of(), "");
        }
        String digits = q.replace("-", "");
        if (DIGITS.matcher(digits).matches()) {
            return switch (digits.length()) {
                case 10 -> new CounterSearch(List.of(query(null, null, null, digits, null, null, null, includeRemoved),
                        query(null, null, null, null, digits, null, null, includeRemoved)), "宛名番号・世帯番号 " + digits);
                case 11 -> new CounterSearch(List.of(query(null, null, null, null, null, digits, null, includeRemoved)),
                        "住民票コード " + digits);
                case 12 -> new CounterSearch(List.of(query(null, null, null, null, null, null, digits, includeRemoved)),
                        "個人番号（検索は記録されます）");
                default -> throw new InvalidValueException("counter-search-number",
                        "番号は宛名番号・世帯番号（10桁）、住民票コード（11桁）、個人番号（12桁）で入力してください。");
            };
        }
        String birthDate = null;
        List<String> words = new ArrayList<>();
        for (String word : q.split("[\\s\u3000]+")) {
            if (birthDate == null && word.matches(".*[0-9元].*") && isDate(word)) {
                birthDate = word;
            } else {
                words.add(word);
            }
        }
        String rest = String.join(" ", words);
        String kana = null;
        String name = null;
        if (!rest.isEmpty()) {
            if (KANA.matcher(rest).matches()) {
                kana = rest;
            } else {
                name = rest;
            }
        }
        StringBuilder understood = new StringBuilder();
        if (kana != null) {
            understood.append("フリガナ「").append(kana).append("」");
        }
        if (name != null) {
            understood.append("氏名「").append(name).append("」");
        }
        if (birthDate != null) {
            understood.append(understood.isEmpty() ? "" : "　").append("生年月日 ")
                    .append(ResidentDate.parse(birthDate).display());
        }
        return new CounterSearch(List.of(query(name, kana, birthDate, null, null, null, null, includeRemoved)),
                understood.toString());
    }

    private static boolean isDate(String word) {
        try {
            return ResidentDate.parse(word).isExact();
        } catch (InvalidValueException | java.time.DateTimeException e) {
            return false;
        }
    }

    private static ResidentQuery query(String name, String kana, String birthDate, String atenaNo, String householdNo,
                                       String juminhyoCode, String individualNumber, boolean includeRemoved) {
        return new ResidentQuery(name, kana, birthDate, null, atenaNo, householdNo, juminhyoCode, individualNumber, false,
                includeRemoved, 0, PAGE_SIZE);
    }
}

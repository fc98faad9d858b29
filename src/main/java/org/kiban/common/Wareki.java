package org.kiban.common;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conversion between {@link LocalDate} and 和暦 text.
 *
 * <p>Formats: {@link #format(LocalDate)} gives 「令和元年5月1日」 (the first year of an era is 「元年」);
 * {@link #formatShort(LocalDate)} gives 「R1.5.1」.
 *
 * <p>{@link #parse(String)} accepts, after folding full-width digits/letters (NFKC), 〇 as 0, and ignoring
 * spaces:
 * <ul>
 *   <li>和暦: 「令和元年5月1日」「令和1年5月1日」「令和２年１０月１日」</li>
 *   <li>abbreviations: 「R1.5.1」「H31.4.30」「S64.1.7」「R01.05.01」 (separators {@code . / -})</li>
 *   <li>西暦: 「2019-05-01」「2019/5/1」「2019.5.1」「2019年5月1日」「西暦2019年5月1日」「20190501」</li>
 * </ul>
 * A 和暦 date must lie inside its era (「平成31年5月1日」 is rejected), except for the boundary forms of
 * {@link EraTable#boundaryForms()} (「明治45年7月30日」「大正15年12月25日」, 住民記録標準仕様書 §1.1.8).
 * Dates before {@link EraTable#firstSupportedDate()} (1873-01-01) are rejected in every notation, so every
 * date returned by {@code parse} can be formatted.
 *
 * <p>All methods without an {@link EraTable} argument use {@link EraTable#standard()}.
 */
public final class Wareki {

    private Wareki() {
    }

    /** Era date written with the era name: 令和2年3月5日. Group 1 era, 2 year, 3 month, 4 day. */
    private static final Pattern ERA_FULL = Pattern.compile("^([^0-9]+?)(元|[0-9]{1,2})年([0-9]{1,2})月([0-9]{1,2})日$");
    /** Abbreviated era date: R2.3.5, H31/4/30. */
    private static final Pattern ERA_SHORT = Pattern.compile("^([A-Za-z])(元|[0-9]{1,2})([./-])([0-9]{1,2})\\3([0-9]{1,2})$");
    /** 西暦 with separators: 2019-05-01, 2019/5/1, 2019.5.1. */
    private static final Pattern ISO_LIKE = Pattern.compile("^([0-9]{4})([./-])([0-9]{1,2})\\2([0-9]{1,2})$");
    /** 西暦 in kanji form: 2019年5月1日. */
    private static final Pattern SEIREKI_KANJI = Pattern.compile("^(?:西暦)?([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日$");
    /** 西暦 compact: 20190501. */
    private static final Pattern COMPACT = Pattern.compile("^([0-9]{4})([0-9]{2})([0-9]{2})$");

    // ------------------------------------------------------------------ formatting

    /** 「令和元年5月1日」 style, using the standard era table. */
    public static String format(LocalDate date) {
        return format(date, EraTable.standard());
    }

    /** 「令和元年5月1日」 style. On an era change day the new era is used. */
    public static String format(LocalDate date, EraTable table) {
        Objects.requireNonNull(date, "date");
        JapaneseEra era = table.eraOf(date);
        return text(era.name(), era.yearOf(date), date.getMonthValue(), date.getDayOfMonth());
    }

    /** 「R1.5.1」 style, using the standard era table. */
    public static String formatShort(LocalDate date) {
        return formatShort(date, EraTable.standard());
    }

    /** 「R1.5.1」 style: abbreviation, era year (1 for 元年), month, day without zero padding. */
    public static String formatShort(LocalDate date, EraTable table) {
        Objects.requireNonNull(date, "date");
        JapaneseEra era = table.eraOf(date);
        return era.abbreviation() + era.yearOf(date) + "." + date.getMonthValue() + "." + date.getDayOfMonth();
    }

    /** 「平成3年2月29日」 from parts; year 1 is written 「元」. Also used for dates that are not on the calendar. */
    static String text(String eraName, int eraYear, int month, int day) {
        return eraName + yearText(eraYear) + "年" + month + "月" + day + "日";
    }

    static String yearText(int eraYear) {
        return eraYear == 1 ? "元" : Integer.toString(eraYear);
    }

    // ------------------------------------------------------------------ parsing

    /** Parses 和暦 or 西暦 text with the standard era table; see the class comment for the accepted forms. */
    public static LocalDate parse(String text) {
        return parse(text, EraTable.standard());
    }

    /**
     * Parses 和暦 or 西暦 text.
     *
     * @throws InvalidValueException {@code required}, {@code invalid-date} (unreadable or not on the
     *                               calendar), {@code unknown-era}, {@code date-out-of-era} or
     *                               {@code date-out-of-range}
     */
    public static LocalDate parse(String text, EraTable table) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(InvalidValueException.REQUIRED, "日付が入力されていません。");
        }
        String normalized = normalize(text);
        Fields fields = readFields(normalized, table).orElseThrow(() -> unreadable(text));
        return resolve(fields, table);
    }

    /**
     * The parts of a date as written.
     *
     * @param era   the era, or {@code null} for 西暦
     * @param year  era year (1 = 元年) or Gregorian year
     * @param month month as written
     * @param day   day as written
     */
    record Fields(JapaneseEra era, int year, int month, int day) {

        int gregorianYear() {
            return era == null ? year : era.gregorianYear(year);
        }

        /** Canonical text: 和暦 「平成3年2月29日」 or 西暦 「2019年2月29日」. */
        String text() {
            return era == null ? year + "年" + month + "月" + day + "日" : Wareki.text(era.name(), year, month, day);
        }
    }

    /** NFKC (full-width digits and letters to ASCII), 〇 (U+3007) to 0, whitespace removed. */
    static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replace('\u3007', '0');
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /**
     * Reads the parts of a normalized exact-date text; empty when the text has none of the date shapes.
     *
     * @throws InvalidValueException {@code unknown-era} when the shape matches but the era is not in the table
     */
    static Optional<Fields> readFields(String s, EraTable table) {
        Matcher m = ERA_FULL.matcher(s);
        if (m.matches() && !m.group(1).equals("西暦")) {
            JapaneseEra era = eraByName(m.group(1), table);
            return Optional.of(new Fields(era, eraYear(m.group(2)), toInt(m.group(3)), toInt(m.group(4))));
        }
        m = ERA_SHORT.matcher(s);
        if (m.matches()) {
            String abbreviation = m.group(1).toUpperCase(Locale.ROOT);
            JapaneseEra era = table.findByAbbreviation(abbreviation).orElseThrow(() -> new InvalidValueException(
                    InvalidValueException.UNKNOWN_ERA, "元号の略号「" + abbreviation + "」は登録されていません。"));
            return Optional.of(new Fields(era, eraYear(m.group(2)), toInt(m.group(4)), toInt(m.group(5))));
        }
        m = ISO_LIKE.matcher(s);
        if (m.matches()) {
            return Optional.of(new Fields(null, toInt(m.group(1)), toInt(m.group(3)), toInt(m.group(4))));
        }
        m = SEIREKI_KANJI.matcher(s);
        if (m.matches()) {
            return Optional.of(new Fields(null, toInt(m.group(1)), toInt(m.group(2)), toInt(m.group(3))));
        }
        m = COMPACT.matcher(s);
        if (m.matches()) {
            return Optional.of(new Fields(null, toInt(m.group(1)), toInt(m.group(2)), toInt(m.group(3))));
        }
        return Optional.empty();
    }

    /**
     * Turns parts into a real calendar date inside its era (or a boundary form) and inside the supported range.
     */
    static LocalDate resolve(Fields f, EraTable table) {
        if (f.era() != null && f.year() < 1) {
            throw new InvalidValueException(InvalidValueException.INVALID_DATE,
                    f.era().name() + "の年は1（元年）以上で入力してください。");
        }
        LocalDate date = calendarDate(f).orElseThrow(() -> new InvalidValueException(InvalidValueException.INVALID_DATE,
                f.text() + "は暦に存在しない日付です。"));
        if (f.era() != null && !f.era().contains(date) && !table.isBoundaryForm(f.era(), date)) {
            throw outOfEra(f.era(), f.text());
        }
        table.requireSupported(date);
        return date;
    }

    /** The calendar date of the parts, or empty when month/day do not exist (e.g. 2月30日). */
    static Optional<LocalDate> calendarDate(Fields f) {
        try {
            return Optional.of(LocalDate.of(f.gregorianYear(), f.month(), f.day()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static InvalidValueException outOfEra(JapaneseEra era, String text) {
        String range = era.name() + "は" + kanjiDate(era.start()) + "から"
                + (era.end() == null ? "" : kanjiDate(era.end()) + "まで");
        return new InvalidValueException(InvalidValueException.DATE_OUT_OF_ERA,
                text + "は" + era.name() + "の期間外です（" + range + "）。");
    }

    static JapaneseEra eraByName(String name, EraTable table) {
        return table.findByName(name).orElseThrow(() -> new InvalidValueException(InvalidValueException.UNKNOWN_ERA,
                "元号「" + name + "」は登録されていません。"));
    }

    static InvalidValueException unreadable(String original) {
        return new InvalidValueException(InvalidValueException.INVALID_DATE,
                "「" + original.strip() + "」は日付として認識できません。例：令和元年5月1日、R1.5.1、2019-05-01");
    }

    private static String kanjiDate(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    static int eraYear(String s) {
        return s.equals("元") ? 1 : toInt(s);
    }

    private static int toInt(String digits) {
        return Integer.parseInt(digits);
    }
}

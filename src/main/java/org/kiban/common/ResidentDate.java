package org.kiban.common;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 住民記録 date that may be a real day, a day that is not on the calendar, or a 不詳日 (uncertain date).
 *
 * <p>住民記録標準仕様書 §1.1.8 (standards.md §1.4, P: j80): for 生年月日, 住民となった年月日, 住所を定めた年月日,
 * 外国人住民となった年月日 and the 異動日 of 出生・死亡・失踪 the system must accept, besides real dates,
 * dates that are not on the calendar (e.g. 平成3年2月29日), 明治45年7月30日 / 大正15年12月25日, and the
 * 不詳日 forms. Other date items should use {@link LocalDate} and {@link Wareki}.
 *
 * <h2>Kinds</h2>
 * <ul>
 *   <li>{@link Kind#EXACT}: a real day; {@link #toLocalDate()} is present. {@link #display()} is the 和暦
 *       text (西暦 input is shown in 和暦, because showing a Japanese resident's dates in 西暦 is a prohibited
 *       function, standards.md §1.3 「1.1.9 表示」). A boundary form keeps the era it was written in
 *       (「明治45年7月30日」 stays so).</li>
 *   <li>{@link Kind#NON_CALENDAR}: era, year, month and day as written where the day does not exist
 *       (「平成3年2月29日」「令和2年2月30日」). Dates of 明治5年 and earlier, which were written in the
 *       lunisolar calendar and have no exact Gregorian equivalent, are kept this way too (month 1..12,
 *       day 1..30; 閏月 cannot be expressed, and 明治5年12月3日〜30日, which the 改暦 skipped, are not
 *       rejected).</li>
 *   <li>{@link Kind#UNCERTAIN}: a 不詳日; {@link #display()} is the text exactly as written (only
 *       leading/trailing whitespace removed).</li>
 * </ul>
 *
 * <h2>Accepted 不詳日 forms</h2>
 * The forms listed by the standard, each with full-width digits, 〇 for zero and spaces allowed:
 * 「令和2年頃」「令和2年3月頃」「令和2年3月5日頃」「推定令和2年3月5日」「推定令和2年3月」「令和2年春」
 * (and 夏・秋・冬)「令和2年3月上旬」(中旬・下旬)「令和2年3月中旬頃」「年月日不詳」「令和2年 月日不詳」
 * 「令和2年3月 日不詳」 and the range 「令和2年3月1日から3月15日頃までの間」 with its variants (the end may
 * repeat the era/year or omit the month; 頃 and 「の間」 are optional). A bare 「令和2年3月」 without a marker
 * is rejected: the standard lists no such form.
 *
 * <h2>Sort key (decisions where the standard is silent)</h2>
 * {@link #sortKey()} is 8 digits {@code yyyyMMdd}, with the Gregorian year of the era year:
 * <ul>
 *   <li>unknown month or day → {@code 00}, so 「令和2年頃」 = {@code 20200000} sorts before every known day of
 *       2020 and 「令和2年3月 日不詳」 = {@code 20200300} before 2020-03-01;</li>
 *   <li>season → month: 春 03, 夏 06, 秋 09, 冬 12 (day 00);</li>
 *   <li>上旬 → day 01, 中旬 → 11, 下旬 → 21;</li>
 *   <li>a range sorts by its start;</li>
 *   <li>「年月日不詳」 → {@code 99999999}: it sorts <em>last</em>.</li>
 * </ul>
 * The sort key is also the "internal date" the standard asks to store for a 不詳日. Ties are broken by kind
 * (EXACT, NON_CALENDAR, UNCERTAIN) and then by the display text ({@link #compareTo}).
 *
 * <h2>Exchange</h2>
 * {@link #exchangeValue()} is 「不詳」 for an uncertain date (standards.md §1.4: 「不詳 dates go to other
 * systems as 「不詳」」) and the display text otherwise. The 住基ネット coded value is not produced here
 * (its code definition was not retrieved).
 *
 * <p>Persistence: {@code parse(display())} gives back an equal value, so storing {@link #display()} (plus
 * {@link #sortKey()} for ordering) is enough.
 */
public final class ResidentDate implements Comparable<ResidentDate> {

    /** What a {@link ResidentDate} holds. */
    public enum Kind {
        /** A real calendar day. */
        EXACT,
        /** Era, year, month and day as written, not on the (Gregorian) calendar. */
        NON_CALENDAR,
        /** A 不詳日. */
        UNCERTAIN
    }

    /**
     * A 和暦 date as written, used for {@link Kind#NON_CALENDAR}.
     *
     * @param eraName the era
     * @param year    era year, 1 = 元年
     * @param month   1..12
     * @param day     1..31 (may exceed the month's length)
     */
    public record EraDate(String eraName, int year, int month, int day) {
    }

    /** Sort key of 「年月日不詳」: sorts after every other date. */
    public static final String UNKNOWN_SORT_KEY = "99999999";

    /** The value that goes to other systems for an uncertain date. */
    public static final String EXCHANGE_UNKNOWN = "不詳";

    private static final String ALL_UNKNOWN = "年月日不詳";

    /**
     * Era-based 不詳日: group 1 推定, 2 era, 3 year, 4 month, 5 day, 6 qualifier, 7 頃, 8 月日不詳/日不詳.
     */
    private static final Pattern UNCERTAIN = Pattern.compile(
            "^(推定)?([^0-9]+?)(元|[0-9]{1,2})年(?:([0-9]{1,2})月(?:([0-9]{1,2})日)?)?"
                    + "(春|夏|秋|冬|上旬|中旬|下旬)?(頃)?(月日不詳|日不詳)?$");
    /** Range: group 1 推定, 2 start, 3 頃, 4 end, 5 頃, 6 の間. */
    private static final Pattern RANGE = Pattern.compile("^(推定)?(.+?)(頃)?から(.+?)(頃)?まで(の間)?$");
    private static final Pattern RANGE_START = Pattern.compile(
            "^([^0-9]+?)(元|[0-9]{1,2})年(?:([0-9]{1,2})月(?:([0-9]{1,2})日)?)?$");
    private static final Pattern RANGE_END = Pattern.compile(
            "^(?:([^0-9]*?)(元|[0-9]{1,2})年)?(?:([0-9]{1,2})月)?(?:([0-9]{1,2})日)?$");

    private final Kind kind;
    private final String display;
    private final String sortKey;
    private final LocalDate date;
    private final EraDate nonCalendarDate;

    private ResidentDate(Kind kind, String display, String sortKey, LocalDate date, EraDate nonCalendarDate) {
        this.kind = kind;
        this.display = display;
        this.sortKey = sortKey;
        this.date = date;
        this.nonCalendarDate = nonCalendarDate;
    }

    // ------------------------------------------------------------------ factories

    /** An exact date, displayed in 和暦 with the standard era table. */
    public static ResidentDate of(LocalDate date) {
        return of(date, EraTable.standard());
    }

    /** An exact date, displayed in 和暦. */
    public static ResidentDate of(LocalDate date, EraTable table) {
        Objects.requireNonNull(date, "date");
        return exact(date, Wareki.format(date, table));
    }

    /** 「年月日不詳」. */
    public static ResidentDate unknown() {
        return new ResidentDate(Kind.UNCERTAIN, ALL_UNKNOWN, UNKNOWN_SORT_KEY, null, null);
    }

    /** Parses with the standard era table. */
    public static ResidentDate parse(String text) {
        return parse(text, EraTable.standard());
    }

    /**
     * Parses an exact date (any form {@link Wareki#parse(String, EraTable)} accepts), a date not on the
     * calendar, or one of the 不詳日 forms.
     *
     * @throws InvalidValueException {@code required}, {@code invalid-resident-date}, {@code invalid-date},
     *                               {@code unknown-era}, {@code date-out-of-era} or {@code date-out-of-range}
     */
    public static ResidentDate parse(String text, EraTable table) {
        Objects.requireNonNull(table, "table");
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(InvalidValueException.REQUIRED, "年月日が入力されていません。");
        }
        String written = text.strip();
        String s = Wareki.normalize(written);

        if (s.equals(ALL_UNKNOWN)) {
            return new ResidentDate(Kind.UNCERTAIN, written, UNKNOWN_SORT_KEY, null, null);
        }
        Matcher m = UNCERTAIN.matcher(s);
        if (m.matches() && hasUncertainMarker(m)) {
            return uncertain(written, m, table);
        }
        m = RANGE.matcher(s);
        if (m.matches()) {
            return range(written, m, table);
        }
        Optional<Wareki.Fields> fields = Wareki.readFields(s, table);
        if (fields.isEmpty()) {
            throw unreadable(written);
        }
        return exactOrNonCalendar(fields.get(), table);
    }

    // ------------------------------------------------------------------ accessors

    public Kind kind() {
        return kind;
    }

    public boolean isExact() {
        return kind == Kind.EXACT;
    }

    public boolean isUncertain() {
        return kind == Kind.UNCERTAIN;
    }

    /** The text to show: 和暦 for exact dates, the canonical 和暦 for non-calendar dates, as written for 不詳日. */
    public String display() {
        return display;
    }

    /** {@code yyyyMMdd}, see the class comment for how unknown parts are filled. */
    public String sortKey() {
        return sortKey;
    }

    /** 「不詳」 for an uncertain date, otherwise {@link #display()}. */
    public String exchangeValue() {
        return kind == Kind.UNCERTAIN ? EXCHANGE_UNKNOWN : display;
    }

    /** The day, present only for {@link Kind#EXACT}. */
    public Optional<LocalDate> toLocalDate() {
        return Optional.ofNullable(date);
    }

    /** The parts as written, present only for {@link Kind#NON_CALENDAR}. */
    public Optional<EraDate> nonCalendarDate() {
        return Optional.ofNullable(nonCalendarDate);
    }

    /** By {@link #sortKey()}, then kind, then display text. */
    @Override
    public int compareTo(ResidentDate other) {
        int c = sortKey.compareTo(other.sortKey);
        if (c != 0) {
            return c;
        }
        c = kind.compareTo(other.kind);
        return c != 0 ? c : display.compareTo(other.display);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentDate r && kind == r.kind && display.equals(r.display) && sortKey.equals(r.sortKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, display, sortKey);
    }

    /** Same as {@link #display()}. */
    @Override
    public String toString() {
        return display;
    }

    // ------------------------------------------------------------------ parsing internals

    private static ResidentDate exact(LocalDate date, String display) {
        return new ResidentDate(Kind.EXACT, display, key(date.getYear(), date.getMonthValue(), date.getDayOfMonth()),
                date, null);
    }

    private static ResidentDate exactOrNonCalendar(Wareki.Fields f, EraTable table) {
        if (f.era() != null && f.year() < 1) {
            throw eraYearBelowOne(f.era());
        }
        if (f.era() != null && isLunisolar(f.era(), f.year(), table)) {
            // 明治5年以前: lunisolar month/day, no Gregorian equivalent (改暦 1873-01-01)
            checkMonthDay(f.month(), f.day(), 30, f.text());
            return nonCalendar(f.era(), f.year(), f.month(), f.day());
        }
        if (Wareki.calendarDate(f).isPresent()) {
            LocalDate date = Wareki.resolve(f, table);
            return exact(date, f.era() == null ? Wareki.format(date, table) : f.text());
        }
        // not on the calendar, e.g. 平成3年2月29日 (§1.1.8)
        checkMonthDay(f.month(), f.day(), 31, f.text());
        LocalDate lastOfMonth = YearMonth.of(f.gregorianYear(), f.month()).atEndOfMonth();
        if (f.era() == null) {
            JapaneseEra era = table.eraOf(lastOfMonth);
            return nonCalendar(era, era.yearOf(lastOfMonth), f.month(), f.day());
        }
        if (!f.era().contains(lastOfMonth)) {
            throw Wareki.outOfEra(f.era(), f.text());
        }
        table.requireSupported(lastOfMonth);
        return nonCalendar(f.era(), f.year(), f.month(), f.day());
    }

    private static ResidentDate nonCalendar(JapaneseEra era, int year, int month, int day) {
        EraDate parts = new EraDate(era.name(), year, month, day);
        return new ResidentDate(Kind.NON_CALENDAR, Wareki.text(era.name(), year, month, day),
                key(era.gregorianYear(year), month, day), null, parts);
    }

    private static boolean hasUncertainMarker(Matcher m) {
        return m.group(1) != null || m.group(6) != null || m.group(7) != null || m.group(8) != null;
    }

    private static ResidentDate uncertain(String written, Matcher m, EraTable table) {
        JapaneseEra era = Wareki.eraByName(m.group(2), table);
        int year = Wareki.eraYear(m.group(3));
        Integer month = toInteger(m.group(4));
        Integer day = toInteger(m.group(5));
        String qualifier = m.group(6);
        boolean about = m.group(7) != null;
        String unknownPart = m.group(8);
        boolean estimated = m.group(1) != null;

        boolean season = qualifier != null && "春夏秋冬".contains(qualifier);
        boolean tenDays = qualifier != null && !season; // 上旬・中旬・下旬
        boolean valid;
        if (unknownPart != null) {
            // 「令和2年 月日不詳」 needs no month; 「令和2年3月 日不詳」 needs a month and no day; no other marker
            valid = !estimated && qualifier == null && !about && day == null
                    && (unknownPart.equals("月日不詳") ? month == null : month != null);
        } else if (season) {
            valid = month == null && day == null;
        } else if (tenDays) {
            valid = month != null && day == null;
        } else {
            valid = true; // 頃 and/or 推定 on year, year-month or full date
        }
        if (!valid) {
            throw unreadable(written);
        }
        int sortMonth = month != null ? month : season ? seasonMonth(qualifier) : 0;
        int sortDay = day != null ? day : tenDays ? tenDayPeriodStart(qualifier) : 0;
        checkInEra(era, year, month, day, written, table);
        return new ResidentDate(Kind.UNCERTAIN, written, key(era.gregorianYear(year), sortMonth, sortDay), null, null);
    }

    private static ResidentDate range(String written, Matcher m, EraTable table) {
        Matcher start = RANGE_START.matcher(m.group(2));
        Matcher end = RANGE_END.matcher(m.group(4));
        if (!start.matches() || !end.matches() || m.group(4).isEmpty()) {
            throw unreadable(written);
        }
        JapaneseEra era = Wareki.eraByName(start.group(1), table);
        int year = Wareki.eraYear(start.group(2));
        Integer month = toInteger(start.group(3));
        Integer day = toInteger(start.group(4));
        checkInEra(era, year, month, day, written, table);

        JapaneseEra endEra = era;
        if (end.group(1) != null && !end.group(1).isEmpty()) {
            endEra = Wareki.eraByName(end.group(1), table);
        }
        Integer endYear = end.group(2) == null ? null : Wareki.eraYear(end.group(2));
        Integer endMonth = toInteger(end.group(3));
        Integer endDay = toInteger(end.group(4));
        if (endYear != null && endYear < 1) {
            throw eraYearBelowOne(endEra);
        }
        if ((endMonth != null && (endMonth < 1 || endMonth > 12)) || (endDay != null && (endDay < 1 || endDay > 31))) {
            throw unreadable(written);
        }
        return new ResidentDate(Kind.UNCERTAIN, written,
                key(era.gregorianYear(year), month == null ? 0 : month, day == null ? 0 : day), null, null);
    }

    /** Checks that the known parts of an uncertain date are plausible and fall into the era. */
    private static void checkInEra(JapaneseEra era, int year, Integer month, Integer day, String written,
                                   EraTable table) {
        if (year < 1) {
            throw eraYearBelowOne(era);
        }
        String partial = era.name() + Wareki.yearText(year) + "年" + (month == null ? "" : month + "月")
                + (day == null ? "" : day + "日");
        if (year > era.lastYear()) {
            throw Wareki.outOfEra(era, partial);
        }
        if (month == null) {
            return;
        }
        boolean lunisolar = isLunisolar(era, year, table);
        checkMonthDay(month, day == null ? 1 : day, lunisolar ? 30 : 31, written);
        if (lunisolar) {
            return;
        }
        YearMonth ym = YearMonth.of(era.gregorianYear(year), month);
        if (day == null || day > ym.lengthOfMonth()) {
            // month precision, or a day not on the calendar: the era must cover (the end of) that month
            boolean overlaps = !era.start().isAfter(ym.atEndOfMonth())
                    && (era.end() == null || !era.end().isBefore(day == null ? ym.atDay(1) : ym.atEndOfMonth()));
            if (!overlaps) {
                throw Wareki.outOfEra(era, partial);
            }
            return;
        }
        LocalDate date = ym.atDay(day);
        if (!era.contains(date) && !table.isBoundaryForm(era, date)) {
            throw Wareki.outOfEra(era, partial);
        }
    }

    /** Whether an era year lies before the Gregorian calendar (明治5年 and earlier). */
    private static boolean isLunisolar(JapaneseEra era, int year, EraTable table) {
        return era.gregorianYear(year) < table.firstSupportedDate().getYear();
    }

    private static void checkMonthDay(int month, int day, int maxDay, String text) {
        if (month < 1 || month > 12 || day < 1 || day > maxDay) {
            throw new InvalidValueException(InvalidValueException.INVALID_DATE,
                    "「" + text + "」の月または日が正しくありません。");
        }
    }

    private static int seasonMonth(String season) {
        switch (season) {
            case "春":
                return 3;
            case "夏":
                return 6;
            case "秋":
                return 9;
            default:
                return 12; // 冬: December of the written year (meteorological winter starts there)
        }
    }

    private static int tenDayPeriodStart(String period) {
        switch (period) {
            case "上旬":
                return 1;
            case "中旬":
                return 11;
            default:
                return 21; // 下旬
        }
    }

    private static String key(int year, int month, int day) {
        return String.format(Locale.ROOT, "%04d%02d%02d", year, month, day);
    }

    private static Integer toInteger(String s) {
        return s == null ? null : Integer.valueOf(s);
    }

    private static InvalidValueException eraYearBelowOne(JapaneseEra era) {
        return new InvalidValueException(InvalidValueException.INVALID_DATE,
                era.name() + "の年は1（元年）以上で入力してください。");
    }

    private static InvalidValueException unreadable(String written) {
        return new InvalidValueException(InvalidValueException.INVALID_RESIDENT_DATE,
                "「" + written + "」は年月日として認識できません。例：令和2年3月5日、令和2年3月頃、推定令和2年3月、"
                        + "令和2年春、令和2年3月上旬、令和2年3月 日不詳、年月日不詳");
    }
}

package org.kiban.common;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The list of 元号 (eras) as data, oldest first, plus the legally recognised boundary forms.
 *
 * <p>Immutable. {@link #standard()} holds 明治, 大正, 昭和, 平成 and 令和. A future 元号 change is a data
 * change: {@link #withEra(String, String, LocalDate)} returns a new table in which the current era ends the
 * day before the new one starts (standards.md §1.4, 住民記録標準仕様書 §1.1.8 / §1.3.6 「元号の変更はパラメータで
 * 対応」). The application should build the table from its configuration and pass it to the
 * {@code Wareki} / {@code ResidentDate} overloads that take an {@code EraTable}; the overloads without one use
 * {@link #standard()}.
 *
 * <p><b>Supported range.</b> Japan used a lunisolar calendar until 明治5年12月2日; the Gregorian calendar
 * starts on 明治6年1月1日 = 1873-01-01. 明治 is recorded with its nominal start 1868-01-25 (慶応4年1月1日,
 * the day the 改元 was made retroactive to), but conversions between 和暦 and {@link LocalDate} are only
 * defined from {@link #firstSupportedDate()} = 1873-01-01 on. Earlier dates are rejected by {@code Wareki}.
 *
 * <p><b>Boundary forms.</b> 明治 ended and 大正 began on 1912-07-30, and 大正 ended and 昭和 began on
 * 1926-12-25, so these two days may be written in either era. The 住民記録 standard (§1.1.8) requires that
 * 「明治45年7月30日」 and 「大正15年12月25日」 be accepted; they are kept as data in
 * {@link #boundaryForms()}. Formatting always uses the new era (大正元年7月30日, 昭和元年12月25日).
 */
public final class EraTable {

    /** 明治6年1月1日: first day of the Gregorian calendar in Japan (改暦, 明治5年太政官布告第337号). */
    public static final LocalDate GREGORIAN_CALENDAR_START = LocalDate.of(1873, 1, 1);

    /**
     * A date that may also be written in the era that ended on that very day.
     *
     * @param eraName the ending era, e.g. 明治
     * @param date    the day, which is the first day of the following era, e.g. 1912-07-30
     */
    public record BoundaryForm(String eraName, LocalDate date) {
        public BoundaryForm {
            Objects.requireNonNull(eraName, "eraName");
            Objects.requireNonNull(date, "date");
        }
    }

    private static final EraTable STANDARD = new EraTable(
            List.of(
                    new JapaneseEra("明治", "M", LocalDate.of(1868, 1, 25), LocalDate.of(1912, 7, 29)),
                    new JapaneseEra("大正", "T", LocalDate.of(1912, 7, 30), LocalDate.of(1926, 12, 24)),
                    new JapaneseEra("昭和", "S", LocalDate.of(1926, 12, 25), LocalDate.of(1989, 1, 7)),
                    new JapaneseEra("平成", "H", LocalDate.of(1989, 1, 8), LocalDate.of(2019, 4, 30)),
                    new JapaneseEra("令和", "R", LocalDate.of(2019, 5, 1), null)),
            // 住民記録標準仕様書 §1.1.8 (standards.md §1.4): 明治45年7月30日 and 大正15年12月25日 must be accepted
            List.of(
                    new BoundaryForm("明治", LocalDate.of(1912, 7, 30)),
                    new BoundaryForm("大正", LocalDate.of(1926, 12, 25))),
            GREGORIAN_CALENDAR_START);

    private final List<JapaneseEra> eras;
    private final List<BoundaryForm> boundaryForms;
    private final LocalDate firstSupportedDate;

    private EraTable(List<JapaneseEra> eras, List<BoundaryForm> boundaryForms, LocalDate firstSupportedDate) {
        this.eras = List.copyOf(eras);
        this.boundaryForms = List.copyOf(boundaryForms);
        this.firstSupportedDate = Objects.requireNonNull(firstSupportedDate, "firstSupportedDate");
        validate();
    }

    /** 明治, 大正, 昭和, 平成, 令和 with the two boundary forms. */
    public static EraTable standard() {
        return STANDARD;
    }

    /**
     * Builds a table from explicit data (for example loaded from configuration).
     *
     * @param eras          contiguous eras, oldest first; only the last may be open-ended
     * @param boundaryForms extra accepted writings of an era's start day in the previous era
     */
    public static EraTable of(List<JapaneseEra> eras, List<BoundaryForm> boundaryForms, LocalDate firstSupportedDate) {
        return new EraTable(eras, boundaryForms, firstSupportedDate);
    }

    /**
     * A new table with one more era that starts on {@code start}; the current last era now ends the day before.
     *
     * @throws IllegalArgumentException if the name or abbreviation is taken or {@code start} is not after the
     *                                  start of the current last era
     */
    public EraTable withEra(String name, String abbreviation, LocalDate start) {
        Objects.requireNonNull(start, "start");
        JapaneseEra last = eras.get(eras.size() - 1);
        if (!start.isAfter(last.start())) {
            throw new IllegalArgumentException("new era must start after " + last.start());
        }
        if (last.end() != null && !start.equals(last.end().plusDays(1))) {
            throw new IllegalArgumentException("new era must start the day after " + last.end());
        }
        List<JapaneseEra> next = new ArrayList<>(eras);
        next.set(next.size() - 1, last.withEnd(start.minusDays(1)));
        next.add(new JapaneseEra(name, abbreviation, start, null));
        return new EraTable(next, boundaryForms, firstSupportedDate);
    }

    /** A new table in which {@code date} (the first day of the era after {@code eraName}) may also be written in {@code eraName}. */
    public EraTable withBoundaryForm(String eraName, LocalDate date) {
        List<BoundaryForm> next = new ArrayList<>(boundaryForms);
        next.add(new BoundaryForm(eraName, date));
        return new EraTable(eras, next, firstSupportedDate);
    }

    /** All eras, oldest first. */
    public List<JapaneseEra> eras() {
        return eras;
    }

    public List<BoundaryForm> boundaryForms() {
        return boundaryForms;
    }

    /** The first day that can be converted between 和暦 and the Gregorian calendar (1873-01-01 by default). */
    public LocalDate firstSupportedDate() {
        return firstSupportedDate;
    }

    /** The current (latest) era. */
    public JapaneseEra currentEra() {
        return eras.get(eras.size() - 1);
    }

    public Optional<JapaneseEra> findByName(String name) {
        return eras.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** Looks up an abbreviation case-insensitively ({@code r} and {@code R} both find 令和). */
    public Optional<JapaneseEra> findByAbbreviation(String abbreviation) {
        return eras.stream().filter(e -> e.abbreviation().equalsIgnoreCase(abbreviation)).findFirst();
    }

    /**
     * The era a date belongs to (the new era on a change day).
     *
     * @throws InvalidValueException {@code date-out-of-range} before {@link #firstSupportedDate()}
     */
    public JapaneseEra eraOf(LocalDate date) {
        Objects.requireNonNull(date, "date");
        requireSupported(date);
        for (int i = eras.size() - 1; i >= 0; i--) {
            if (!date.isBefore(eras.get(i).start())) {
                return eras.get(i);
            }
        }
        throw outOfRange();
    }

    /** Whether {@code date} written in {@code era} is one of the legally recognised boundary forms. */
    public boolean isBoundaryForm(JapaneseEra era, LocalDate date) {
        return boundaryForms.stream().anyMatch(b -> b.eraName().equals(era.name()) && b.date().equals(date));
    }

    void requireSupported(LocalDate date) {
        if (date.isBefore(firstSupportedDate)) {
            throw outOfRange();
        }
    }

    private InvalidValueException outOfRange() {
        JapaneseEra era = eras.get(0);
        for (JapaneseEra e : eras) {
            if (e.contains(firstSupportedDate)) {
                era = e;
            }
        }
        return new InvalidValueException(InvalidValueException.DATE_OUT_OF_RANGE,
                firstSupportedDate.getYear() + "年" + firstSupportedDate.getMonthValue() + "月"
                        + firstSupportedDate.getDayOfMonth() + "日（" + Wareki.format(firstSupportedDate, this)
                        + "）より前の日付は扱えません。");
    }

    private void validate() {
        if (eras.isEmpty()) {
            throw new IllegalArgumentException("era table must not be empty");
        }
        for (int i = 0; i < eras.size(); i++) {
            JapaneseEra e = eras.get(i);
            for (int j = 0; j < i; j++) {
                if (eras.get(j).name().equals(e.name()) || eras.get(j).abbreviation().equals(e.abbreviation())) {
                    throw new IllegalArgumentException("duplicate era name or abbreviation: " + e);
                }
            }
            boolean last = i == eras.size() - 1;
            if (!last) {
                JapaneseEra next = eras.get(i + 1);
                if (e.end() == null || !e.end().plusDays(1).equals(next.start())) {
                    throw new IllegalArgumentException("eras must be contiguous: " + e + " / " + next);
                }
            }
        }
        for (BoundaryForm b : boundaryForms) {
            JapaneseEra era = findByName(b.eraName())
                    .orElseThrow(() -> new IllegalArgumentException("unknown era in boundary form: " + b));
            if (era.end() == null || !era.end().plusDays(1).equals(b.date())) {
                throw new IllegalArgumentException("a boundary form must be the day after its era ends: " + b);
            }
        }
        if (firstSupportedDate.isBefore(eras.get(0).start())) {
            throw new IllegalArgumentException("first supported date lies before the first era");
        }
    }

    @Override
    public String toString() {
        return "EraTable" + eras;
    }
}

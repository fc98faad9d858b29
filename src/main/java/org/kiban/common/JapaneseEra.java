package org.kiban.common;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One 元号 (Japanese era) as data: name, one-letter abbreviation and Gregorian start and end days.
 *
 * <p>Instances normally come from an {@link EraTable}; a new era is added with
 * {@link EraTable#withEra(String, String, LocalDate)}, never by changing code (standards.md §1.4:
 * 「元号 changes must be possible by parameter」, 住民記録標準仕様書 §1.1.8 / §1.3.6).
 *
 * @param name         the era name as written, e.g. {@code 令和}
 * @param abbreviation one upper-case ASCII letter, e.g. {@code R}
 * @param start        first day of the era (inclusive)
 * @param end          last day of the era (inclusive), or {@code null} for the current era
 */
public record JapaneseEra(String name, String abbreviation, LocalDate start, LocalDate end) {

    public JapaneseEra {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(abbreviation, "abbreviation");
        Objects.requireNonNull(start, "start");
        if (name.isBlank() || name.codePoints().anyMatch(cp -> Character.isDigit(cp) || Character.isWhitespace(cp))) {
            throw new IllegalArgumentException("era name must be non-blank and contain no digits or spaces: " + name);
        }
        if (!abbreviation.matches("[A-Z]")) {
            throw new IllegalArgumentException("era abbreviation must be one upper-case ASCII letter: " + abbreviation);
        }
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("era " + name + " ends before it starts");
        }
    }

    /** Whether this era has no end yet. */
    public boolean isCurrent() {
        return end == null;
    }

    /** Whether {@code date} lies within [start, end]. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && (end == null || !date.isAfter(end));
    }

    /** The era year (1 = 元年) of a date in this era. */
    public int yearOf(LocalDate date) {
        return date.getYear() - start.getYear() + 1;
    }

    /** The Gregorian year in which era year {@code eraYear} (1 = 元年) falls. */
    public int gregorianYear(int eraYear) {
        return start.getYear() + eraYear - 1;
    }

    /** The last era year (e.g. 64 for 昭和), or {@link Integer#MAX_VALUE} for the current era. */
    public int lastYear() {
        return end == null ? Integer.MAX_VALUE : yearOf(end);
    }

    JapaneseEra withEnd(LocalDate newEnd) {
        return new JapaneseEra(name, abbreviation, start, newEnd);
    }
}

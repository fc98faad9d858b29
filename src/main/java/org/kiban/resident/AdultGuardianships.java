package org.kiban.resident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * 成年被後見人 (standards.md §1.4 items kept on the 住民票, §1.9: a flag, and a notice to the 転入地 on 転出): the
 * period a person is under 成年後見, recorded by a clerk, each change appended as a version; reads and writes audited.
 */
public interface AdultGuardianships {

    /**
     * The period as the clerk enters it.
     *
     * @param startOn the day the 後見開始の審判 became final
     * @param endOn   the day it ended, or {@code null} while it lasts
     */
    record Period(LocalDate startOn, LocalDate endOn) {
    }

    /** One version; the newest is the current state. */
    record Guardianship(String atenaNo, int seq, LocalDate startOn, LocalDate endOn, Instant recordedAt, String recordedBy) {

        /** Whether the person is 成年被後見人 on {@code date}. */
        public boolean on(LocalDate date) {
            return !startOn.isAfter(date) && (endOn == null || endOn.isAfter(date));
        }
    }

    /** The answer of {@link #record}: the current version, and whether this call appended it. */
    record Recorded(Guardianship current, boolean created) {
    }

    /** Appends a version (the same as the current one again: nothing appended). */
    Recorded record(String atenaNo, Period period);

    /** The current version, if any was ever recorded. */
    Optional<Guardianship> current(String atenaNo);

    /** Every version, oldest first. */
    List<Guardianship> history(String atenaNo);
}

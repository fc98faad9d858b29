package org.kiban.platform;

import java.nio.file.Path;
import java.util.List;

/** Maintenance the application role may not run itself (it owns no table): done as the schema owner. */
public interface DatabaseMaintenance {

    /**
     * {@code VACUUM (ANALYZE)} of {@code tables} after a bulk load, as autovacuum would a minute later: the planner's
     * statistics, so the first queries get index plans, and the rows' visibility (hint bits, visibility map), so the
     * first reader (an export, an index-only scan) does not dirty and write every page again. Does nothing when the
     * owner's credentials are not known.
     */
    void vacuumAnalyze(String... tables);

    /** One table's rows in COPY text format, for {@link #bareCopyRolledBack}. */
    record BareCopy(String table, List<String> columns, Path file) {
    }

    /**
     * For benchmarks only: the physical limit of loading rows into Kiban's tables. Each file goes into its table by
     * a bare {@code COPY … FROM STDIN} as the schema owner (the table's indexes, constraints and triggers apply; no
     * row-level security, no checks), all in one transaction that is then rolled back. Returns the seconds from the
     * first COPY to the end of the last. Refused when the owner's credentials are not known.
     */
    double bareCopyRolledBack(List<BareCopy> loads);
}

package org.kiban.tenancy;

import java.time.LocalDate;
import java.util.List;

/**
 * Migration rehearsals of the tenants (operator's records). The exchange module's dry-run import can report its
 * result here; operators plan and record them through the API.
 */
public interface MigrationRehearsals {

    /** Plans a rehearsal of a PLANNED or MIGRATING tenant; audited to the tenant. */
    MigrationRehearsal plan(String lgCode, LocalDate plannedOn, String note);

    /** Records how rehearsal {@code seq} went ({@code outcome} other than PLANNED needs {@code performedOn}). */
    MigrationRehearsal recordResult(String lgCode, int seq, RehearsalOutcome outcome, LocalDate performedOn,
                                    Integer recordsImported, Integer errors, String note);

    List<MigrationRehearsal> of(String lgCode);

    /** Every tenant's rehearsals, by tenant and sequence. */
    List<MigrationRehearsal> all();
}

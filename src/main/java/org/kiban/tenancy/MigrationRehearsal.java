package org.kiban.tenancy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One migration rehearsal (移行リハーサル) of a joining municipality: a dry-run import of its previous system's data.
 *
 * @param lgCode          the tenant
 * @param seq             1, 2, … per tenant
 * @param plannedOn       when it is (was) planned
 * @param performedOn     when it ran, or null
 * @param outcome         how it went
 * @param recordsImported records the dry run read, or null
 * @param errors          records it rejected, or null
 * @param note            free text (e.g. what failed)
 * @param recordedAt      when this state was recorded
 * @param recordedBy      who recorded it
 */
public record MigrationRehearsal(String lgCode, int seq, LocalDate plannedOn, LocalDate performedOn,
                                 RehearsalOutcome outcome, Integer recordsImported, Integer errors, String note,
                                 Instant recordedAt, String recordedBy) {
}

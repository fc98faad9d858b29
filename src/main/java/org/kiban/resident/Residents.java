package org.kiban.resident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads of the registry of the current tenant. Every person returned is one audit entry (who looked at whom);
 * the 個人番号 is masked unless {@code withIndividualNumber}, and then the entry says it was shown.
 */
public interface Residents {

    ResidentView current(String atenaNo, boolean withIndividualNumber);

    /** What the registry says was true on {@code date} (異動日 axis). */
    ResidentView asOf(String atenaNo, LocalDate date, boolean withIndividualNumber);

    /** What the registry said at {@code instant} (処理日時 axis). */
    ResidentView recordedAsOf(String atenaNo, Instant instant, boolean withIndividualNumber);

    List<ResidentRecord> history(String atenaNo, boolean withIndividualNumber);

    /** The current members of a household, in household order, with the household's version. */
    HouseholdView household(String householdNo);

    SearchResult search(ResidentQuery query);

    /** A household and its members. */
    record HouseholdView(String householdNo, int version, boolean dissolved, List<ResidentView> members) {
    }
}

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

    /**
     * The versions of {@code atenaNos} that were true on {@code date}, with every item (個人番号 included), NOT
     * audited per person: for modules that print or transmit records and audit that use themselves (a
     * certificate is one audit entry). Persons not registered on that date are left out.
     */
    List<ResidentRecord> recordsForIssuance(List<String> atenaNos, LocalDate date);

    /** One stored version, unaudited, for a reissue that must print the original state. */
    java.util.Optional<ResidentRecord> versionForIssuance(String atenaNo, int rirekiNo);

    /** The current members of a household (residents only), unaudited, for a 世帯連記式 copy. */
    List<ResidentRecord> householdForIssuance(String householdNo);

    /** Every version of a person, unaudited, for the history printed on a certificate (統合記載欄). */
    List<ResidentRecord> historyForIssuance(String atenaNo);

    /** {@link #historyForIssuance} of several persons in one query. */
    java.util.Map<String, List<ResidentRecord>> historiesForIssuance(List<String> atenaNos);

    /** A household and its members. */
    /**
     * The members of a household on a date (its persons whose version that day is in it and not a 除票), in the
     * household's order, 個人番号 included; not audited: the caller audits each person it delivers.
     */
    List<ResidentRecord> householdMembersOn(String householdNo, LocalDate date);

    /**
     * Every person registered (住民, not 除票) on {@code date}, as the registry says they were that day, in
     * 宛名番号 order, streamed without holding them in memory: the 賦課期日 (1 January) of the resident tax, the
     * 基準日 of care premiums. 個人番号 is masked. One audit entry records the bulk read and its purpose; call it
     * inside the caller's read-only transaction.
     *
     * @param purpose why the whole registry is read (e.g. "令和8年度 個人住民税 賦課"), for the audit
     */
    void forEachRegisteredOn(LocalDate date, String purpose, java.util.function.Consumer<ResidentRecord> action);

    record HouseholdView(String householdNo, int version, boolean dissolved, List<ResidentView> members) {
    }
}

package org.kiban.resident;

import java.time.LocalDate;

/**
 * The items of a history row that Kiban derives from the others — the sort keys ("internal dates") of the 住民記録
 * dates and the search keys — for a writer that brings whole rows from outside (the standard-layout import). The
 * derivation is the registry's own, so imported rows are searched and ordered exactly like recorded ones.
 */
public interface RecordDerivation {

    /**
     * @throws org.kiban.common.InvalidValueException if a date cannot be read (its message names the item)
     */
    Derived derive(ResidentKind kind, String effectiveDate, String birthDate, String removedOn, String name,
                   String nameKana, String alias, String formerSurname, String address);

    /** Sort keys (yyyyMMdd, 不詳 by the rules of {@code ResidentDate}), the exact birth day if any, search keys. */
    record Derived(String effectiveSort, String birthSort, LocalDate birthExact, String removedSort, String nameKey,
                   String kanaKey, String givenKanaKey, String aliasKey, String formerSurnameKey, String addressKey) {
    }
}

package org.kiban.resident.internal;

import org.kiban.common.SearchKey;
import org.kiban.resident.RecordDerivation;
import org.kiban.resident.ResidentKind;
import org.springframework.stereotype.Component;

/** {@link RecordDerivation} by the same rules the notifications and {@link ResidentStore#columnValues} apply. */
@Component
class RecordDerivationRules implements RecordDerivation {

    @Override
    public Derived derive(ResidentKind kind, String effectiveDate, String birthDate, String removedOn, String name,
                          String nameKana, String alias, String formerSurname, String address) {
        String effectiveSort = PersonItems.uncertainAllowed(effectiveDate, "異動年月日").sortKey();
        PersonItems.Birth birth = PersonItems.birthDate(birthDate, kind);
        String removedSort = removedOn == null ? null : PersonItems.uncertainAllowed(removedOn, "消除年月日").sortKey();
        return new Derived(effectiveSort, birth.sort(), birth.exact(), removedSort, SearchKey.name(name),
                nameKana == null ? null : SearchKey.kana(nameKana), ResidentStore.givenNameKey(nameKana),
                alias == null ? null : SearchKey.name(alias), formerSurname == null ? null : SearchKey.name(formerSurname),
                SearchKey.name(address));
    }
}

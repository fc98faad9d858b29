package org.kiban.disaster.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kiban.common.InvalidValueException;
import org.kiban.disaster.AidScope;
import org.kiban.resident.ResidentQuery;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.ResidentView;
import org.kiban.resident.Residents;
import org.kiban.platform.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 応援職員's lookup of the affected municipality's residents: read-only, current residents only, at most 20, each
 * with only the items asked for in {@code fields} and allowed by the agreement. Searching by an item is a use of
 * it, so the criteria must be in scope too. A person under a 支援措置 is shown as protected with no address and no
 * household: the helper is a third party to the DV victim's whereabouts.
 */
@Service
public class AidLookup {

    static final int MAX_RESULTS = 20;

    private final MutualAid gate;
    private final Residents residents;
    private final TransactionTemplate tx;

    AidLookup(MutualAid gate, Residents residents, TransactionTemplate tx) {
        this.gate = gate;
        this.residents = residents;
        this.tx = tx;
    }

    /** Search criteria of a lookup. */
    public record Criteria(String name, String kana, String birthDate, String address) {
    }

    public List<Map<String, Object>> search(String affected, int disasterNo, Criteria c, String fields) {
        Set<AidScope> items = requested(fields);
        Set<AidScope> used = EnumSet.copyOf(items);
        if (blank(c.name()) && blank(c.kana()) && blank(c.birthDate()) && blank(c.address())) {
            throw new InvalidValueException("search-criteria-required", "氏名・フリガナ・生年月日・住所のいずれかで検索してください。");
        }
        if (!blank(c.name())) {
            used.add(AidScope.NAME);
        }
        if (!blank(c.kana())) {
            used.add(AidScope.NAME_KANA);
        }
        if (!blank(c.birthDate())) {
            used.add(AidScope.BIRTH_DATE);
        }
        if (!blank(c.address())) {
            used.add(AidScope.ADDRESS);
        }
        return gate.act(affected, disasterNo, AidScope.RESIDENT_LOOKUP, used, access -> tx.execute(s -> {
            var found = residents.search(new ResidentQuery(c.name(), c.kana(), c.birthDate(), c.address(), null, null,
                    null, null, false, false, 0, MAX_RESULTS));
            List<Map<String, Object>> out = new ArrayList<>();
            for (ResidentView v : found.results()) {
                ResidentRecord r = v.record();
                Map<String, Object> person = new LinkedHashMap<>();
                person.put("atenaNo", r.atenaNo());
                person.put("protected", v.protectedPerson());
                for (AidScope item : items) {
                    if (v.protectedPerson() && (item == AidScope.ADDRESS || item == AidScope.HOUSEHOLD)) {
                        continue;
                    }
                    switch (item) {
                        case NAME -> person.put("name", r.name());
                        case NAME_KANA -> person.put("nameKana", r.nameKana());
                        case BIRTH_DATE -> person.put("birthDate", r.birthDate());
                        case SEX -> person.put("sex", r.sex() == null ? null : r.sex().label());
                        case ADDRESS -> person.put("address", r.address() == null ? null : r.address().full());
                        case HOUSEHOLD -> {
                            person.put("householdNo", r.householdNo());
                            person.put("householdHeadName", r.householdHeadName());
                            person.put("relationship", r.relationship());
                        }
                        default -> throw new IllegalStateException(item.name());
                    }
                }
                access.disclosed(r.atenaNo());
                out.add(person);
            }
            access.fact("results", out.size());
            access.fact("truncated", found.total() > out.size());
            return out;
        }));
    }

    /** The items named in {@code fields}: each must be a lookup item (400); the gate checks the scope (403). */
    static Set<AidScope> requested(String fields) {
        if (fields == null || fields.isBlank()) {
            throw ProblemException.badRequest("fields-required").with("field", "fields");
        }
        Set<AidScope> items = EnumSet.noneOf(AidScope.class);
        for (String name : fields.split(",")) {
            String field = name.strip();
            items.add(AidScope.byField(field).orElseThrow(() -> ProblemException.badRequest("unknown-field", field,
                    String.join(", ", AidScope.items().stream().map(AidScope::field).toList())).with("field", field)));
        }
        return items;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

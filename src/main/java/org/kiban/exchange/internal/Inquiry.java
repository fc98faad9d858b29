package org.kiban.exchange.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.platform.ApiTokenItems;
import org.kiban.platform.ProblemException;
import org.kiban.resident.ProtectionMeasure;
import org.kiban.resident.ProtectionMeasures;
import org.kiban.resident.ResidentQuery;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.ResidentView;
import org.kiban.resident.Residents;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inquiry API for other systems (税, 国保, 介護, 障害福祉 of any vendor): a person or a household, current or as
 * of a date, and searches by the standard's keys, each person with only the items asked for in {@code fields} and
 * granted to the calling system's token. Every delivered person is one audit entry naming the system and the items.
 */
@Service
public class Inquiry implements ApiTokenItems {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final Residents residents;
    private final ProtectionMeasures protections;
    private final AuditTrail audit;

    Inquiry(Residents residents, ProtectionMeasures protections, AuditTrail audit) {
        this.residents = residents;
        this.protections = protections;
        this.audit = audit;
    }

    @Override
    public Map<String, String> items() {
        return InquiryItem.catalogue();
    }

    /** One person as of {@code asOf} (today when null). */
    @Transactional
    public Map<String, Object> person(String atenaNo, LocalDate asOf, String fields) {
        Set<InquiryItem> items = requested(fields);
        LocalDate date = asOf == null ? LocalDate.now(JAPAN) : asOf;
        List<ResidentRecord> found = residents.recordsForIssuance(List.of(atenaNo), date);
        if (found.isEmpty()) {
            throw ProblemException.notFound("住民", atenaNo);
        }
        return deliver(found, items, date, "person").get(0);
    }

    /** The members of a household as of {@code asOf} (today when null), in the household's order. */
    @Transactional
    public List<Map<String, Object>> household(String householdNo, LocalDate asOf, String fields) {
        Set<InquiryItem> items = requested(fields);
        LocalDate date = asOf == null ? LocalDate.now(JAPAN) : asOf;
        List<ResidentRecord> members = residents.householdMembersOn(householdNo, date);
        if (members.isEmpty()) {
            throw ProblemException.notFound("世帯", householdNo);
        }
        return deliver(members, items, date, "household " + householdNo);
    }

    /** A search by the standard's keys (§2.1.2; the registry's fuzzy kana and 異体字 rules), persons as of today. */
    @Transactional
    public List<Map<String, Object>> search(ResidentQuery query, String fields) {
        Set<InquiryItem> items = requested(fields);
        // Searching by a number is a use of it: only for systems that may read it.
        if (query.individualNumber() != null && !query.individualNumber().isBlank()) {
            requireGranted(InquiryItem.INDIVIDUAL_NUMBER.field());
        }
        if (query.juminhyoCode() != null && !query.juminhyoCode().isBlank()) {
            requireGranted(InquiryItem.JUMINHYO_CODE.field());
        }
        LocalDate today = LocalDate.now(JAPAN);
        List<String> atenaNos = residents.search(query).results().stream().map(ResidentView::record)
                .map(ResidentRecord::atenaNo).distinct().toList();
        if (atenaNos.isEmpty()) {
            return List.of();
        }
        return deliver(residents.recordsForIssuance(atenaNos, today), items, today, "search");
    }

    /** The items named in {@code fields}: each must exist (400) and be granted to the caller (403). */
    Set<InquiryItem> requested(String fields) {
        if (fields == null || fields.isBlank()) {
            throw ProblemException.badRequest("fields-required").with("field", "fields");
        }
        Set<InquiryItem> items = EnumSet.noneOf(InquiryItem.class);
        for (String name : fields.split(",")) {
            String field = name.strip();
            InquiryItem item = InquiryItem.byField(field).orElseThrow(() -> ProblemException
                    .badRequest("unknown-field", field, String.join(", ", InquiryItem.catalogue().keySet()))
                    .with("field", field));
            requireGranted(field);
            items.add(item);
        }
        return items;
    }

    private static void requireGranted(String field) {
        boolean granted = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch((AUTHORITY_PREFIX + field)::equals);
        if (!granted) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "field-not-granted", field).with("field", field);
        }
    }

    private List<Map<String, Object>> deliver(List<ResidentRecord> records, Set<InquiryItem> items, LocalDate date,
                                              String view) {
        Collection<String> atenaNos = records.stream().map(ResidentRecord::atenaNo).toList();
        Set<String> protectedPersons = protections.protectedAmong(atenaNos);
        Map<String, List<ProtectionMeasure>> measures = items.contains(InquiryItem.PROTECTION_MEASURE)
                && !protectedPersons.isEmpty()
                ? protections.list(null).stream().filter(m -> protectedPersons.contains(m.atenaNo()))
                .collect(Collectors.groupingBy(ProtectionMeasure::atenaNo))
                : Map.of();
        List<String> fieldNames = items.stream().map(InquiryItem::field).toList();
        List<Map<String, Object>> out = new ArrayList<>(records.size());
        for (ResidentRecord r : records) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("atenaNo", r.atenaNo());
            person.put("protected", protectedPersons.contains(r.atenaNo()));
            for (InquiryItem item : items) {
                person.put(item.field(), item == InquiryItem.PROTECTION_MEASURE
                        ? measures.getOrDefault(r.atenaNo(), List.of()).stream().map(Inquiry::measure).toList()
                        : item.valueOf(r));
            }
            out.add(person);
            boolean numberDelivered = items.contains(InquiryItem.INDIVIDUAL_NUMBER) && r.individualNumber() != null;
            audit.record(new AuditEvent("inquiry.delivered", "resident", r.atenaNo(), numberDelivered,
                    Map.of("fields", fieldNames, "asOf", date.toString(), "view", view)));
        }
        return out;
    }

    /** What a system needs to respect a 支援措置: the refused operations and the period, never the perpetrator. */
    private static Map<String, Object> measure(ProtectionMeasure m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("blockedOperations", m.blockedOperations().stream().map(Enum::name).sorted().toList());
        out.put("startOn", m.startOn());
        out.put("endOn", m.endOn());
        out.put("provisional", m.provisional());
        return out;
    }
}

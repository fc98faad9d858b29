package org.kiban.resident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.HINOHARA;

/**
 * Any sequence of valid notifications leaves every person's history append-only (each earlier view of it is a
 * prefix of every later one, §1.2.1) and the as-of answer for any date equal to replaying the sequence up to that
 * date in a simple model.
 */
@JqwikSpringSupport
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Tag("db")
class HistoryProperties {

    private static int seed = 100;

    @Autowired
    MockMvc mvc;

    enum Kind { MOVE, RENAME_WIFE, HEAD_SWAP, CHILD_NUMBER, CHILD_DIES, CHILD_MOVES_OUT }

    record Step(Kind kind, int daysLater, int address) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 40), Arbitraries.integers().between(1, 9)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(7);
    }

    /** The model: what should be true of each person after the steps up to a date. */
    record State(String address, String status, String relationship, String name) {
    }

    @Property(tries = 12)
    void historyIsAppendOnlyAndAsOfMatchesReplay(@ForAll("steps") List<Step> steps) throws Exception {
        RegistryClient registry = new RegistryClient(mvc, HINOHARA, "hinohara-clerk");
        int s = seed++;
        Family f = Family.moveIn(registry, s % 50, false, "東京都西多摩郡檜原村" + (2000 + s) + "番地", null);
        List<String> persons = List.of(f.head, f.wife, f.child);
        Map<String, State> state = new HashMap<>();
        state.put(f.head, new State(f.address, "RESIDENT", "世帯主", f.surname + "　健"));
        state.put(f.wife, new State(f.address, "RESIDENT", "妻", f.surname + "　恵"));
        state.put(f.child, new State(f.address, "RESIDENT", "子", f.surname + "　翔"));
        // timeline[date] = states after everything on or before that date
        LinkedHashMap<LocalDate, Map<String, State>> timeline = new LinkedHashMap<>();
        LocalDate date = LocalDate.of(2026, 4, 1);
        timeline.put(date, new HashMap<>(state));
        Map<String, List<String>> snapshots = new HashMap<>();
        for (String p : persons) {
            snapshots.put(p, history(registry, p));
        }
        boolean childGone = false;
        boolean childNumbered = false;
        boolean wifeIsHead = false;
        for (Step step : steps) {
            date = date.plusDays(step.daysLater());
            String json = null;
            switch (step.kind()) {
                case MOVE -> {
                    String address = "東京都西多摩郡檜原村" + (3000 + s * 10 + step.address()) + "番地";
                    List<String> movers = childGone ? List.of(f.head, f.wife) : persons;
                    json = """
                            {"type":"MOVE_WITHIN","effectiveDate":"%s","atenaNos":%s,"address":{"address":"%s"}}"""
                            .formatted(date, quoted(movers), address);
                    for (String p : movers) {
                        State old = state.get(p);
                        state.put(p, new State(address, old.status(), old.relationship(), old.name()));
                    }
                }
                case RENAME_WIFE -> {
                    String name = f.surname + "　恵" + "子".repeat(step.address() % 2 + 1);
                    json = """
                            {"type":"CLERICAL_CORRECTION","effectiveDate":"%s","atenaNo":"%s","changes":{"name":"%s"}}"""
                            .formatted(date, f.wife, name);
                    State old = state.get(f.wife);
                    state.put(f.wife, new State(old.address(), old.status(), old.relationship(), name));
                }
                case HEAD_SWAP -> {
                    wifeIsHead = !wifeIsHead;
                    String headRel = wifeIsHead ? "夫" : "世帯主";
                    String wifeRel = wifeIsHead ? "世帯主" : "妻";
                    String rel = childGone ? """
                            {"%s":"%s","%s":"%s"}""".formatted(f.head, headRel, f.wife, wifeRel) : """
                            {"%s":"%s","%s":"%s","%s":"子"}""".formatted(f.head, headRel, f.wife, wifeRel, f.child);
                    json = """
                            {"type":"HEAD_CHANGE","effectiveDate":"%s","householdNo":"%s","relationships":%s}"""
                            .formatted(date, f.household, rel);
                    replaceRelationship(state, f.head, headRel);
                    replaceRelationship(state, f.wife, wifeRel);
                }
                case CHILD_NUMBER -> {
                    if (childGone || childNumbered) {
                        continue;
                    }
                    childNumbered = true;
                    String base = String.format("%011d", 70_000_000_000L + Long.parseLong(f.child));
                    json = """
                            {"type":"INDIVIDUAL_NUMBER_EX_OFFICIO_ENTRY","effectiveDate":"%s","atenaNo":"%s","value":"%s"}"""
                            .formatted(date, f.child, base + org.kiban.common.CheckDigits.individualNumber(base));
                }
                case CHILD_DIES, CHILD_MOVES_OUT -> {
                    if (childGone) {
                        continue;
                    }
                    childGone = true;
                    json = step.kind() == Kind.CHILD_DIES ? """
                            {"type":"DEATH","effectiveDate":"%s","atenaNo":"%s"}""".formatted(date, f.child) : """
                            {"type":"MOVE_OUT_DOMESTIC","effectiveDate":"%s","atenaNos":["%s"],"destination":{"address":"東京都青梅市"}}"""
                            .formatted(date, f.child);
                    State old = state.get(f.child);
                    state.put(f.child, new State(old.address(), step.kind() == Kind.CHILD_DIES ? "DEAD" : "MOVED_OUT",
                            old.relationship(), old.name()));
                }
            }
            registry.accepted(json);
            timeline.put(date, new HashMap<>(state));
            for (String p : persons) {
                List<String> now = history(registry, p);
                assertThat(now.subList(0, snapshots.get(p).size())).as("history of %s is append-only", p)
                        .isEqualTo(snapshots.get(p));
                snapshots.put(p, now);
            }
        }
        for (Map.Entry<LocalDate, Map<String, State>> at : timeline.entrySet()) {
            for (String p : persons) {
                State expected = at.getValue().get(p);
                DocumentContext view = registry.json("/residents/" + p, "asOf", at.getKey().toString());
                assertThat(new State(view.read("$.record.address.address"), view.read("$.record.status"),
                        view.read("$.record.relationship"), view.read("$.record.name")))
                        .as("%s as of %s", p, at.getKey()).isEqualTo(expected);
            }
        }
        registry.get("/residents/" + f.head, "asOf", "2026-03-31")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
    }

    private static void replaceRelationship(Map<String, State> state, String person, String relationship) {
        State old = state.get(person);
        state.put(person, new State(old.address(), old.status(), relationship, old.name()));
    }

    private static List<String> history(RegistryClient registry, String atenaNo) throws Exception {
        DocumentContext doc = registry.json("/residents/" + atenaNo + "/history");
        List<Object> rows = doc.read("$[*]");
        List<String> out = new ArrayList<>();
        for (Object row : rows) {
            out.add(JsonPath.parse(row).jsonString());
        }
        return out;
    }

    private static String quoted(List<String> values) {
        return "[" + String.join(",", values.stream().map(v -> "\"" + v + "\"").toList()) + "]";
    }
}

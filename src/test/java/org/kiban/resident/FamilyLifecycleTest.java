package org.kiban.resident;

import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.SABAE;
import static org.kiban.resident.RegistryClient.atenaNoOf;
import static org.kiban.resident.RegistryClient.householdOf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One family through 転入 → 出生 → 転居 → 世帯分離 → 死亡 → 転出 in 鯖江市, checked against the history model of
 * the 住民記録システム標準仕様書 §1.2.1 (standards.md §1.5: one full row per 宛名番号 and 履歴番号, appended on every
 * change), the 除票 items (§1.1.5, standards.md §1.4) and the as-of answers those rows imply.
 */
@KibanIntegrationTest
@RecordApplicationEvents
class FamilyLifecycleTest {

    private static final String ADDRESS_1 = "福井県鯖江市西山町13番1号";
    private static final String ADDRESS_2 = "福井県鯖江市本町二丁目2番2号";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEvents events;

    @Test
    void familyMovesInGrowsMovesSplitsLosesItsHeadAndMovesOut_spec1_2_1() throws Exception {
        RegistryClient registry = new RegistryClient(mvc, SABAE, "sabae-clerk");

        // 転入: 世帯主, 妻, 子 into a new household (§4.1 転入, j590).
        DocumentContext in = registry.accepted("""
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-01","notifiedOn":"2026-04-03",
                 "address":{"address":"%s","postalCode":"916-0057"},
                 "previousAddress":{"address":"福井県福井市大手三丁目10番1号","postalCode":"910-0005"},
                 "persons":[
                  {"name":"青木 太郎","nameKana":"アオキ タロウ","birthDate":"昭和60年1月7日","sex":"MALE","relationship":"世帯主",
                   "permanentDomicile":"福井県福井市大手三丁目10番地","familyRegisterHead":"青木 太郎"},
                  {"name":"青木 花子","nameKana":"アオキ ハナコ","birthDate":"昭和62年3月3日","sex":"FEMALE","relationship":"妻",
                   "permanentDomicile":"福井県福井市大手三丁目10番地","familyRegisterHead":"青木 太郎"},
                  {"name":"青木 一郎","nameKana":"アオキ イチロウ","birthDate":"平成10年5月5日","sex":"MALE","relationship":"子",
                   "permanentDomicile":"福井県福井市大手三丁目10番地","familyRegisterHead":"青木 太郎"}]}
                """.formatted(ADDRESS_1));
        String taro = atenaNoOf(in, "青木　太郎");
        String hanako = atenaNoOf(in, "青木　花子");
        String ichiro = atenaNoOf(in, "青木　一郎");
        String household = householdOf(in, "青木　太郎");
        assertThat(List.of(taro, hanako, ichiro)).doesNotHaveDuplicates();
        assertThat(in.<String>read("$.records[0].householdHeadName")).isEqualTo("青木　太郎");
        int version = in.read("$.householdVersions." + household);

        // 出生 into the same household; 住民となった年月日 is the birth date.
        DocumentContext birth = registry.accepted("""
                {"type":"BIRTH","effectiveDate":"令和8年5月10日","notifiedOn":"2026-05-15","householdNo":"%s",
                 "expectedVersions":{"%s":%d},
                 "person":{"name":"青木 次郎","nameKana":"アオキ ジロウ","sex":"MALE","relationship":"子",
                   "permanentDomicile":"福井県福井市大手三丁目10番地","familyRegisterHead":"青木 太郎"}}
                """.formatted(household, household, version));
        String jiro = atenaNoOf(birth, "青木　次郎");
        assertThat(birth.<String>read("$.records[0].birthDate")).isEqualTo("令和8年5月10日");
        assertThat(birth.<String>read("$.records[0].becameResidentOn")).isEqualTo("令和8年5月10日");
        version = birth.read("$.householdVersions." + household);

        // 転居 of the whole household: the household keeps its number; 住所を定めた年月日 and 異動前住所 are set.
        DocumentContext move = registry.accepted("""
                {"type":"MOVE_WITHIN","effectiveDate":"2026-06-01","notifiedOn":"2026-06-01",
                 "expectedVersions":{"%s":%d},"atenaNos":["%s","%s","%s","%s"],
                 "address":{"address":"%s","supplement":"本町ハイツ201","postalCode":"9160026"}}
                """.formatted(household, version, taro, hanako, ichiro, jiro, ADDRESS_2));
        assertThat(move.<List<String>>read("$.records[*].householdNo")).containsOnly(household);
        assertThat(move.<List<String>>read("$.records[*].addressSetOn")).containsOnly("令和8年6月1日");
        assertThat(move.<List<String>>read("$.records[*].beforeMoveAddress")).containsOnly(ADDRESS_1);

        // 世帯分離: 一郎 forms his own household at the same address, as its 世帯主.
        DocumentContext split = registry.accepted("""
                {"type":"HOUSEHOLD_SPLIT","effectiveDate":"2026-07-01","notifiedOn":"2026-07-01","householdNo":"%s",
                 "atenaNos":["%s"],"relationships":{"%s":"世帯主"}}
                """.formatted(household, ichiro, ichiro));
        String ichiroHousehold = householdOf(split, "青木　一郎");
        assertThat(ichiroHousehold).isNotEqualTo(household);
        assertThat(split.<String>read("$.records[0].relationship")).isEqualTo("世帯主");
        assertThat(split.<String>read("$.records[0].address.address")).isEqualTo(ADDRESS_2);

        // 死亡 of the head: the household is left without 世帯主 (allowed, j490) and the clerk is told.
        DocumentContext death = registry.accepted("""
                {"type":"DEATH","effectiveDate":"2026-08-01","notifiedOn":"2026-08-03","atenaNo":"%s"}
                """.formatted(taro));
        assertThat(death.<List<String>>read("$.warnings")).singleElement().asString().contains("世帯主が不在");

        // 国内転出 of 花子 and 次郎, planned for 2026-09-01: their 除票 dates from the planned date (§1.1.5).
        DocumentContext out = registry.accepted("""
                {"type":"MOVE_OUT_DOMESTIC","effectiveDate":"2026-09-01","notifiedOn":"2026-08-25",
                 "atenaNos":["%s","%s"],"destination":{"address":"東京都千代田区千代田1番1号"},"destinationLgCode":"131016"}
                """.formatted(hanako, jiro));
        assertThat(out.<List<String>>read("$.records[*].status")).containsOnly("MOVED_OUT");

        // Every version of every person, in 履歴番号 order (§1.2.1).
        registry.get("/residents/" + taro + "/history")
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[*].rirekiNo").value(org.hamcrest.Matchers.contains(1, 2, 3)))
                .andExpect(jsonPath("$[*].changeReasonLabel").value(org.hamcrest.Matchers.contains("国内転入", "転居", "死亡")))
                .andExpect(jsonPath("$[0].address.address").value(ADDRESS_1))
                .andExpect(jsonPath("$[0].previousAddress").value("福井県福井市大手三丁目10番1号"))
                .andExpect(jsonPath("$[0].becameResidentOn").value("令和8年4月1日"))
                .andExpect(jsonPath("$[0].notifiedOn").value("2026-04-03"))
                .andExpect(jsonPath("$[1].address.address").value(ADDRESS_2))
                .andExpect(jsonPath("$[2].status").value("DEAD"))
                .andExpect(jsonPath("$[2].removal.reason").value("DEATH"))
                .andExpect(jsonPath("$[2].removal.removedOn").value("令和8年8月1日"));
        registry.get("/residents/" + hanako + "/history")
                .andExpect(jsonPath("$[*].changeReasonLabel").value(org.hamcrest.Matchers.contains("国内転入", "転居", "国内転出")))
                .andExpect(jsonPath("$[2].removal.destination").value("東京都千代田区千代田1番1号"))
                .andExpect(jsonPath("$[2].removal.destinationCode").value("131016"))
                .andExpect(jsonPath("$[2].removal.plannedMoveOutOn").value("2026-09-01"));
        registry.get("/residents/" + jiro + "/history")
                .andExpect(jsonPath("$[*].changeReasonLabel").value(org.hamcrest.Matchers.contains("出生", "転居", "国内転出")));
        registry.get("/residents/" + ichiro + "/history")
                .andExpect(jsonPath("$[*].changeReasonLabel").value(org.hamcrest.Matchers.contains("国内転入", "転居", "世帯分離")))
                .andExpect(jsonPath("$[2].householdHeadName").value("青木　一郎"));

        // As-of answers: what the registry says was true on each date.
        registry.get("/residents/" + taro, "asOf", "2026-03-31").andExpect(status().isNotFound());
        registry.get("/residents/" + taro, "asOf", "2026-05-31").andExpect(jsonPath("$.record.address.address").value(ADDRESS_1));
        registry.get("/residents/" + taro, "asOf", "2026-06-01").andExpect(jsonPath("$.record.address.address").value(ADDRESS_2));
        registry.get("/residents/" + taro, "asOf", "2026-07-31").andExpect(jsonPath("$.record.status").value("RESIDENT"));
        registry.get("/residents/" + taro, "asOf", "2026-08-01")
                .andExpect(jsonPath("$.record.status").value("DEAD")).andExpect(jsonPath("$.removed").value(true));
        registry.get("/residents/" + hanako, "asOf", "2026-08-31").andExpect(jsonPath("$.record.status").value("RESIDENT"));
        registry.get("/residents/" + hanako, "asOf", "2026-09-01").andExpect(jsonPath("$.record.status").value("MOVED_OUT"));
        registry.get("/residents/" + jiro, "asOf", "2026-05-09").andExpect(status().isNotFound());
        registry.get("/residents/" + ichiro, "asOf", "2026-06-30").andExpect(jsonPath("$.record.householdNo").value(household));
        registry.get("/residents/" + ichiro, "asOf", "2026-07-01").andExpect(jsonPath("$.record.householdNo").value(ichiroHousehold));

        // 除票 stay searchable with the same action, marked; without them only 一郎 remains a resident.
        registry.get("/residents", "name", "青木", "birthDate", "昭和62年3月3日")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.results[0].removed").value(true));
        registry.get("/residents", "kana", "あおき", "address", "本町二丁目", "includeRemoved", "false")
                .andExpect(jsonPath("$.results[*].record.atenaNo").value(org.hamcrest.Matchers.contains(ichiro)));

        // Events, one per notification, carrying reason, persons and dates.
        assertThat(events.stream(ResidentEvent.class).filter(e -> e.persons().stream().anyMatch(p ->
                        List.of(taro, hanako, ichiro, jiro).contains(p.atenaNo()))).map(e -> e.getClass().getSimpleName()))
                .containsExactly("ResidentMovedIn", "ResidentBorn", "ResidentMovedWithin", "HouseholdReorganized",
                        "ResidentDied", "ResidentMovedOut");
        ResidentEvent.ResidentMovedOut moved = events.stream(ResidentEvent.ResidentMovedOut.class)
                .filter(e -> e.persons().stream().anyMatch(p -> p.atenaNo().equals(hanako))).findFirst().orElseThrow();
        assertThat(moved.effectiveOn()).hasToString("2026-09-01");
        assertThat(moved.notifiedOn()).hasToString("2026-08-25");
        assertThat(moved.reason()).isEqualTo(ChangeReason.MOVE_OUT_DOMESTIC);
        assertThat(moved.persons()).extracting(ResidentEvent.PersonChange::atenaNo).containsExactlyInAnyOrder(hanako, jiro);
    }
}

package org.kiban.resident.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.common.CheckDigits;
import org.kiban.common.SearchKey;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.resident.Address;
import org.kiban.resident.NewPerson;
import org.kiban.resident.Notification;
import org.kiban.resident.NotificationResult;
import org.kiban.resident.NotificationType;
import org.kiban.resident.Relationship;
import org.kiban.resident.ResidentKind;
import org.kiban.resident.ResidentNotifications;
import org.kiban.resident.ResidentQuery;
import org.kiban.resident.Residents;
import org.kiban.resident.SearchResult;
import org.kiban.resident.Sex;
import org.kiban.tenancy.internal.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The bulk loader on a real PostgreSQL, into a tenant registered for this test only (池田町 183822): every row
 * keeps the registry's invariants — numbers with valid check digits (§1.1.13, 番号法), one 世帯主 per household
 * (§1.1.11), search keys as the service writes them — and the tenant's numbering goes on after the load.
 */
@KibanIntegrationTest
class BulkResidentLoaderTest {

    private static final String LG = "183822";
    private static final int RESIDENTS = 2_000;
    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 1);

    @Autowired
    BulkResidentLoader loader;
    @Autowired
    TenantService tenants;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Residents residents;
    @Autowired
    ResidentNotifications notifications;

    record Loaded(String atenaNo, String householdNo, int order, String relationship, String name, String nameKana,
                  String nameKey, String kanaKey, String givenKanaKey, String address, String addressKey,
                  String birthSort, LocalDate birthExact, String juminhyoCode, String individualNumber,
                  String changeReason, String effectiveSort, long notificationNo, String status, String headName) {
    }

    @Test
    void loadsAConsistentSyntheticPopulationAndNumberingContinuesAfterIt() {
        TenantContext.runAs(null, Actor.system("test"), () -> tenants.register(LG, LocalDate.of(2026, 4, 1), null));
        long t0 = System.nanoTime();
        BulkResidentLoader.Result result = loader.load(new BulkResidentLoader.Request(LG, RESIDENTS, 11, AS_OF), null, Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(result.residents()).isEqualTo(RESIDENTS);

        List<Loaded> rows = TenantContext.callAs(LG, Actor.system("test"), () -> tx.execute(s -> jdbc.sql("""
                        select r.atena_no, r.household_no, r.household_order, r.relationship, r.name, r.name_kana,
                               r.name_key, r.kana_key, r.given_kana_key, r.address, r.address_key, r.birth_sort,
                               r.birth_exact, r.juminhyo_code, r.individual_number, r.change_reason, r.effective_sort,
                               r.notification_no, c.status, r.household_head_name
                        from resident_current c
                        join resident_record r on r.lg_code = c.lg_code and r.atena_no = c.atena_no and r.rireki_no = c.rireki_no
                        where c.lg_code = ? order by r.atena_no""")
                .param(LG)
                .query((rs, n) -> new Loaded(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12), rs.getObject(13, LocalDate.class), rs.getString(14), rs.getString(15),
                        rs.getString(16), rs.getString(17), rs.getLong(18), rs.getString(19), rs.getString(20)))
                .list()));
        assertThat(rows).hasSize(RESIDENTS);

        Set<String> juminhyo = new HashSet<>();
        Set<String> individual = new HashSet<>();
        Map<String, List<Loaded>> households = new HashMap<>();
        int children = 0;
        int old = 0;
        for (Loaded r : rows) {
            // 宛名番号・世帯番号: M11W2-7 check digit (§1.1.13); 住民票コード and 個人番号 valid and unique.
            assertThat(CheckDigits.isValidAtenaNo(r.atenaNo())).as(r.atenaNo()).isTrue();
            assertThat(CheckDigits.isValidAtenaNo(r.householdNo())).as(r.householdNo()).isTrue();
            assertThat(CheckDigits.isValidJuminhyoCode(r.juminhyoCode())).isTrue();
            assertThat(CheckDigits.isValidIndividualNumber(r.individualNumber())).isTrue();
            assertThat(juminhyo.add(r.juminhyoCode())).isTrue();
            assertThat(individual.add(r.individualNumber())).isTrue();
            assertThatCode(() -> Relationship.of(r.relationship())).doesNotThrowAnyException();
            // Search keys exactly as ResidentStore writes them.
            assertThat(r.nameKey()).isEqualTo(SearchKey.name(r.name()));
            assertThat(r.kanaKey()).isEqualTo(SearchKey.kana(r.nameKana()));
            assertThat(r.givenKanaKey()).isEqualTo(ResidentStore.givenNameKey(r.nameKana())).isNotNull();
            assertThat(r.addressKey()).isEqualTo(SearchKey.name(r.address()));
            assertThat(r.changeReason()).isIn("MOVE_IN_DOMESTIC", "BIRTH");
            if (r.changeReason().equals("BIRTH")) {
                assertThat(r.effectiveSort()).isEqualTo(r.birthSort());
            }
            assertThat(r.status()).isEqualTo("RESIDENT");
            assertThat(r.notificationNo()).isEqualTo(result.notificationNo());
            households.computeIfAbsent(r.householdNo(), k -> new ArrayList<>()).add(r);
            int age = Period.between(r.birthExact(), AS_OF).getYears();
            children += age < 15 ? 1 : 0;
            old += age >= 65 ? 1 : 0;
        }
        assertThat(households).hasSize(result.households());
        for (List<Loaded> members : households.values()) {
            assertThat(members.size()).isBetween(1, 6);
            List<Loaded> heads = members.stream().filter(m -> m.relationship().equals(Relationship.HEAD)).toList();
            assertThat(heads).hasSize(1);
            assertThat(members).allMatch(m -> m.headName().equals(heads.get(0).name()));
            assertThat(members.stream().map(Loaded::order).sorted().toList())
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, members.size()).boxed().toList());
        }
        // Ages roughly by the pyramid: 0–14 11.6 %, 65+ 29.0 % in 2022 (bounds loose for 2,000 persons).
        assertThat(children / (double) RESIDENTS).isBetween(0.06, 0.20);
        assertThat(old / (double) RESIDENTS).isBetween(0.18, 0.40);

        // Search by a loaded person's フリガナ finds them, as a clerk would (§1.11).
        Actor clerk = new Actor(Actor.Kind.STAFF, "bench-test", "試験 窓口", "001");
        for (Loaded r : List.of(rows.get(0), rows.get(RESIDENTS / 2), rows.get(RESIDENTS - 1))) {
            SearchResult found = TenantContext.callAs(LG, clerk, () -> residents.search(
                    new ResidentQuery(null, r.nameKana(), null, null, null, null, null, null, false, false, 0, 100)));
            assertThat(found.results()).extracting(v -> v.record().atenaNo()).contains(r.atenaNo());
            Residents.HouseholdView household = TenantContext.callAs(LG, clerk, () -> residents.household(r.householdNo()));
            assertThat(household.members()).hasSize(households.get(r.householdNo()).size());
        }

        // The tenant's numbering continues after the reserved blocks; the same person is not a duplicate-number clash.
        String lastAtena = rows.get(RESIDENTS - 1).atenaNo();
        NotificationResult moveIn = TenantContext.callAs(LG, clerk, () -> notifications.submit(new Notification.Entry(
                NotificationType.MOVE_IN_DOMESTIC, "2026-10-01", AS_OF, null, null, Boolean.TRUE, null,
                Address.of("福井県池田町稲荷一丁目1番1号"), Address.of("福井県福井市大手三丁目10番1号"),
                List.of(new NewPerson(null, ResidentKind.JAPANESE, "試験　一郎", "シケン　イチロウ", null, null, null, null, null,
                        "平成2年4月1日", Sex.MALE, Relationship.HEAD, "福井県池田町稲荷1番地", "試験　一郎", null, null, null, null)))));
        String newAtena = moveIn.records().get(0).atenaNo();
        assertThat(newAtena.compareTo(lastAtena)).isPositive();
        assertThat(households).doesNotContainKey(moveIn.records().get(0).householdNo());

        // One audit entry records the load.
        long audited = TenantContext.callAs(LG, Actor.system("test"), () -> tx.execute(s -> jdbc.sql(
                        "select count(*) from audit_entry where lg_code = ? and action = 'resident.synthetic-loaded' and target_id = ?")
                .params(LG, Long.toString(result.notificationNo())).query(Long.class).single()));
        assertThat(audited).isEqualTo(1);
    }
}

package org.kiban.disaster;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.kiban.TestAccounts;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.StaffRole;
import org.kiban.tenancy.internal.StaffService;
import org.kiban.tenancy.internal.TenantService;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The test world of mutual aid, built once per test run: four 高知県 towns of this test's own (no other test uses
 * them). 黒潮町 (coastal) is struck; 四万十町 has the agreement with it; 梼原町 has a copy of its own only (and a
 * separate agreement that has ended); 土佐町 has none. Dates are relative to today, so the test reads the same on
 * any day.
 */
final class AidWorld {

    static final String KUROSHIO = "394289";
    static final String SHIMANTO = "394122";
    static final String YUSUHARA = "394050";
    static final String TOSA = "393631";
    static final String AGREEMENT = "KOCHI-WEST-2026";
    static final String ENDED_AGREEMENT = "KOCHI-2025";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    /** The agreement's scope: everything but 性別. */
    static final String SCOPE = "[\"RESIDENT_LOOKUP\",\"VICTIM_REGISTER\",\"DISASTER_CERTIFICATE\",\"NAME\",\"NAME_KANA\","
            + "\"BIRTH_DATE\",\"ADDRESS\",\"HOUSEHOLD\"]";

    private static AidWorld world;

    /** Disasters declared by 黒潮町: aid now; aid from tomorrow; aid ended yesterday; under the ended agreement. */
    int during;
    int before;
    int after;
    int agreementOver;
    String household;
    String head;
    String child;
    String protectedPerson;

    private AidWorld() {
    }

    static synchronized AidWorld get(MockMvc mvc, TenantService tenants, StaffService staff) throws Exception {
        if (world == null) {
            AidWorld w = new AidWorld();
            w.build(mvc, tenants, staff);
            world = w;
        }
        return world;
    }

    static String prefix(String lg) {
        return switch (lg) {
            case KUROSHIO -> "kuroshio";
            case SHIMANTO -> "shimanto";
            case YUSUHARA -> "yusuhara";
            case TOSA -> "tosa";
            default -> throw new IllegalArgumentException(lg);
        };
    }

    private void build(MockMvc mvc, TenantService tenants, StaffService staff) throws Exception {
        for (String lg : List.of(KUROSHIO, SHIMANTO, YUSUHARA, TOSA)) {
            if (tenants.find(lg).isPresent()) {
                continue;
            }
            TenantContext.runAs(null, Actor.system("test"), () -> {
                tenants.register(lg, TODAY.minusYears(1), null);
                tenants.setMayorName(lg, "試験 町長");
            });
            String p = prefix(lg);
            TenantContext.runAs(lg, Actor.system("test"), () -> {
                staff.create(p + "-clerk", "窓口 花子", "001", TestAccounts.PASSWORD, Set.of(StaffRole.RESIDENT_CLERK), false);
                staff.create(p + "-tax", "税務 一郎", "001", TestAccounts.PASSWORD, Set.of(StaffRole.TAX_OFFICER), false);
                staff.create(p + "-supervisor", "課長 三郎", "001", TestAccounts.PASSWORD,
                        Set.of(StaffRole.SUPERVISOR, StaffRole.RESIDENT_CLERK), false);
                staff.create(p + "-auditor", "監査 四郎", "001", TestAccounts.PASSWORD, Set.of(StaffRole.AUDITOR), false);
            });
        }
        String terms = """
                {"agreementNo":"%s","title":"高知県西部沿岸・山間町災害時相互応援協定","parties":["%s","%s"],
                 "validFrom":"%s","validTo":"%s","aidDays":30,"scope":%s}""";
        String from = TODAY.minusMonths(6).toString();
        String to = TODAY.plusYears(5).toString();
        ok(mvc, KUROSHIO, "/mutual-aid-agreements", terms.formatted(AGREEMENT, KUROSHIO, SHIMANTO, from, to, SCOPE));
        ok(mvc, SHIMANTO, "/mutual-aid-agreements", terms.formatted(AGREEMENT, SHIMANTO, KUROSHIO, from, to, SCOPE));
        // 梼原町 registers the same number naming 黒潮町, but 黒潮町's copy does not name 梼原町: one side alone.
        ok(mvc, YUSUHARA, "/mutual-aid-agreements", terms.formatted(AGREEMENT, YUSUHARA, KUROSHIO, from, to, SCOPE));
        // An agreement of 黒潮町 and 梼原町 that ended yesterday.
        String endedFrom = TODAY.minusYears(1).toString();
        String endedTo = TODAY.minusDays(1).toString();
        ok(mvc, KUROSHIO, "/mutual-aid-agreements", terms.formatted(ENDED_AGREEMENT, KUROSHIO, YUSUHARA, endedFrom, endedTo, SCOPE));
        ok(mvc, YUSUHARA, "/mutual-aid-agreements", terms.formatted(ENDED_AGREEMENT, YUSUHARA, KUROSHIO, endedFrom, endedTo, SCOPE));

        String declaration = """
                {"name":"%s","kind":"風水害","occurredOn":"%s","agreementNo":"%s","aidFrom":"%s"}""";
        during = ok(mvc, KUROSHIO, "/disasters", declaration.formatted("令和8年豪雨", TODAY.minusDays(3), AGREEMENT,
                TODAY.minusDays(3))).read("$.disasterNo");
        before = ok(mvc, KUROSHIO, "/disasters", declaration.formatted("台風第30号", TODAY.minusDays(1), AGREEMENT,
                TODAY.plusDays(1))).read("$.disasterNo");
        after = ok(mvc, KUROSHIO, "/disasters", declaration.formatted("地震", TODAY.minusDays(20), AGREEMENT,
                TODAY.minusDays(20))).read("$.disasterNo");
        ok(mvc, KUROSHIO, "/disasters/" + after + "/aid-end", "{\"lastDay\":\"" + TODAY.minusDays(1) + "\"}");
        agreementOver = ok(mvc, KUROSHIO, "/disasters", declaration.formatted("土砂災害", TODAY.minusDays(5), ENDED_AGREEMENT,
                TODAY.minusDays(5))).read("$.disasterNo");

        DocumentContext family = ok(mvc, KUROSHIO, "/notifications", """
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-01","acknowledgeWarnings":true,
                 "address":{"address":"高知県幡多郡黒潮町入野5893番地"},"previousAddress":{"address":"高知県高知市本町五丁目1番45号"},
                 "persons":[{"name":"浜田 潮","nameKana":"ハマダ ウシオ","birthDate":"昭和45年7月7日","sex":"MALE",
                   "relationship":"世帯主","permanentDomicile":"高知県幡多郡黒潮町入野1番地"},
                  {"name":"浜田 汐里","nameKana":"ハマダ シオリ","birthDate":"平成20年3月3日","sex":"FEMALE","relationship":"子",
                   "permanentDomicile":"高知県幡多郡黒潮町入野1番地"}]}""");
        household = family.read("$.records[0].householdNo");
        head = family.read("$.records[0].atenaNo");
        child = family.read("$.records[1].atenaNo");
        protectedPerson = ok(mvc, KUROSHIO, "/notifications", """
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-01","acknowledgeWarnings":true,
                 "address":{"address":"高知県幡多郡黒潮町浮鞭10番地"},"previousAddress":{"address":"高知県高知市本町一丁目1番1号"},
                 "persons":[{"name":"浜田 守","nameKana":"ハマダ マモル","birthDate":"昭和60年1月1日","sex":"FEMALE",
                   "relationship":"世帯主","permanentDomicile":"なし"}]}""").read("$.records[0].atenaNo");
        ok(mvc, KUROSHIO, "/protection-measures", """
                {"applicantAtenaNo":"%s","perpetratorName":"加害 者","startOn":"%s"}""".formatted(protectedPerson, TODAY));
    }

    static DocumentContext ok(MockMvc mvc, String lg, String path, String json) throws Exception {
        String user = prefix(lg) + "-supervisor";
        MockHttpServletResponse r = mvc.perform(post("/api/v1/municipalities/" + lg + path).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
        if (r.getStatus() >= 300) {
            throw new AssertionError(path + " refused (" + r.getStatus() + "): " + r.getContentAsString());
        }
        return JsonPath.parse(r.getContentAsString());
    }
}

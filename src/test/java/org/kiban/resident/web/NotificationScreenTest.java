package org.kiban.resident.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kiban.KibanIntegrationTest;
import org.kiban.TestAccounts;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.resident.Address;
import org.kiban.resident.NewPerson;
import org.kiban.resident.Notification;
import org.kiban.resident.NotificationResult;
import org.kiban.resident.NotificationType;
import org.kiban.resident.ResidentKind;
import org.kiban.resident.ResidentNotifications;
import org.kiban.resident.Residents;
import org.kiban.resident.Sex;
import org.kiban.tenancy.StaffRole;
import org.kiban.tenancy.internal.StaffService;
import org.kiban.tenancy.internal.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The guided 転居 form of the counter: the confirmation sheet records nothing (the notification is tried and rolled
 * back), the commit records it once even if the button is pressed twice, and values are checked as typed. Tenant
 * あわら市 (182087) of its own.
 */
@KibanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationScreenTest {

    static final String AWARA = "182087";
    static final String BASE = "/municipalities/" + AWARA + "/notifications";

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantService tenants;
    @Autowired
    StaffService staff;
    @Autowired
    ResidentNotifications notifications;
    @Autowired
    Residents residents;

    String head;
    String household;
    MockHttpSession session;

    @BeforeAll
    void setUp() throws Exception {
        Actor loader = Actor.system("counter-test");
        TenantContext.runAs(null, loader, () -> tenants.register(AWARA, LocalDate.of(2025, 1, 1), null));
        TenantContext.runAs(AWARA, loader, () -> staff.create("counter-awara", "窓口 試験", "001", TestAccounts.PASSWORD,
                Set.of(StaffRole.RESIDENT_CLERK), false));
        NotificationResult in = TenantContext.callAs(AWARA, loader, () -> notifications.submit(new Notification.Entry(
                NotificationType.MOVE_IN_DOMESTIC, "2026-04-01", LocalDate.of(2026, 4, 1), null, null, true, null,
                Address.of("福井県あわら市市姫三丁目1番1号"), Address.of("福井県福井市大手三丁目10番1号"),
                List.of(new NewPerson(null, ResidentKind.JAPANESE, "芦原 温", "アワラ アツシ", null, null, null, null, null,
                        "昭和50年1月1日", Sex.MALE, "世帯主", "福井県あわら市市姫三丁目1番地", "芦原 温", null, null, null,
                        null)))));
        head = in.records().get(0).atenaNo();
        household = in.records().get(0).householdNo();
        session = TestAccounts.signIn(mvc, "counter-awara");
    }

    private int versions() {
        return TenantContext.callAs(AWARA, Actor.system("counter-test"), () -> residents.history(head, false).size());
    }

    @Test
    void theSheetRecordsNothing_theCommitRecordsOnce() throws Exception {
        int version = TenantContext.callAs(AWARA, Actor.system("counter-test"), () -> residents.household(household).version());
        int versions = versions();
        MvcResult sheet = mvc.perform(post(BASE + "/confirmation").session(session).with(csrf())
                        .param("type", "MOVE_WITHIN").param("atenaNo", head).param("householdNo", household)
                        .param("householdVersion", Integer.toString(version)).param("effectiveDate", "令和8年11月1日")
                        .param("atenaNos", head).param("postalCode", "919-0621")
                        .param("address", "福井県あわら市市姫四丁目2番2号"))
                .andExpect(status().isOk()).andExpect(view().name("resident/confirmation")).andReturn();
        assertThat(sheet.getResponse().getContentAsString()).contains("福井県あわら市市姫四丁目2番2号");
        assertThat(versions()).as("the trial is rolled back").isEqualTo(versions);

        String token = (String) sheet.getModelAndView().getModel().get("token");
        mvc.perform(post(BASE).session(session).with(csrf()).param("token", token))
                .andExpect(status().isOk()).andExpect(view().name("resident/done"));
        assertThat(versions()).isEqualTo(versions + 1);
        // Pressed again (a double click, the back button): refused, nothing recorded twice.
        mvc.perform(post(BASE).session(session).with(csrf()).param("token", token))
                .andExpect(status().isConflict());
        assertThat(versions()).isEqualTo(versions + 1);
    }

    /** 転出証明書 rows in the standard layout's resident file: 𠮷 and a quoted comma survive, 性別 as C05 codes. */
    static final String MOVE_OUT_CERTIFICATE_CSV = """
            宛名番号,履歴番号,氏名,氏名フリガナ,生年月日,性別,続柄,本籍,筆頭者,住所,方書,転出先住所,転出予定年月日,住民票コード
            0000000019,3,𠮷田 一郎,ヨシダ イチロウ,昭和55年3月3日,1,世帯主,石川県金沢市広坂一丁目1番地,𠮷田 一郎,石川県金沢市広坂一丁目2番3号,"広坂ハイツ,101",福井県あわら市市姫一丁目5番5号,2026-11-20,24727059608
            0000000027,2,𠮷田 花,ヨシダ ハナ,昭和57年4月4日,2,妻,石川県金沢市広坂一丁目1番地,𠮷田 一郎,石川県金沢市広坂一丁目2番3号,"広坂ハイツ,101",福井県あわら市市姫一丁目5番5号,2026-11-20,
            """;

    @Test
    void aMoveInStartsFromAnElectronicMoveOutCertificate() throws Exception {
        MvcResult form = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart(BASE + "/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "tenshutsu.csv", "text/csv",
                                MOVE_OUT_CERTIFICATE_CSV.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .session(session).with(csrf()))
                .andExpect(status().isOk()).andExpect(view().name("resident/notification")).andReturn();
        NotificationForm f = (NotificationForm) form.getModelAndView().getModel().get("form");
        assertThat(f.getType()).isEqualTo(NotificationType.MOVE_IN_DOMESTIC);
        assertThat(f.getPersons()).extracting(NotificationForm.PersonForm::getName).containsExactly("𠮷田 一郎", "𠮷田 花");
        assertThat(f.getPersons()).extracting(NotificationForm.PersonForm::getSex).containsExactly(Sex.MALE, Sex.FEMALE);
        assertThat(f.getPersons().get(0).getJuminhyoCode()).isEqualTo("24727059608");
        assertThat(f.getPreviousAddress()).isEqualTo("石川県金沢市広坂一丁目2番3号　広坂ハイツ,101");
        assertThat(f.getAddress()).isEqualTo("福井県あわら市市姫一丁目5番5号");
        assertThat(f.getEffectiveDate()).isEqualTo("2026-11-20");
        assertThat(form.getResponse().getContentAsString()).contains("2人を読み込みました").doesNotContain("24727059608");
    }

    @Test
    void aMoveInFileThatCannotBeReadSaysWhy() throws Exception {
        MvcResult r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart(BASE + "/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "x.csv", "text/csv",
                                "氏名,生年月日,住所\n山田,昭和1年1月1日,x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .session(session).with(csrf()))
                .andExpect(status().isOk()).andReturn();
        assertThat(r.getResponse().getContentAsString()).contains("CSV の1行目に項目「性別」がありません");
    }

    @Test
    void valuesAreCheckedAsTyped() throws Exception {
        MvcResult r = mvc.perform(post(BASE + "/check").session(session).with(csrf())
                        .param("type", "MOVE_WITHIN").param("effectiveDate", "令和8年2月30日").param("postalCode", "91906")
                        .param("address", ""))
                .andExpect(status().isOk()).andReturn();
        String html = r.getResponse().getContentAsString();
        assertThat(html).contains("郵便番号「91906」は7桁の数字で指定してください。").contains("住所を指定してください。")
                .contains("届出の対象となる人を1人以上選んでください。").contains("4件の項目を確認してください");
    }

    /** Confirms and commits a guided form; returns the records the notification wrote. */
    private List<org.kiban.resident.ResidentRecord> confirmAndCommit(String... params) throws Exception {
        var request = post(BASE + "/confirmation").session(session).with(csrf());
        for (int i = 0; i + 1 < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        MvcResult sheet = mvc.perform(request).andExpect(status().isOk()).andReturn();
        assertThat(sheet.getModelAndView().getViewName()).as(String.valueOf(sheet.getModelAndView().getModel().get("problem")))
                .isEqualTo("resident/confirmation");
        String token = (String) sheet.getModelAndView().getModel().get("token");
        MvcResult done = mvc.perform(post(BASE).session(session).with(csrf()).param("token", token))
                .andExpect(status().isOk()).andExpect(view().name("resident/done")).andReturn();
        return ((NotificationResult) done.getModelAndView().getModel().get("result")).records();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(names = {"MOVE_WITHIN", "MOVE_OUT_DOMESTIC", "MOVE_OUT_ABROAD", "BIRTH",
            "DEATH", "HOUSEHOLD_SPLIT", "HOUSEHOLD_CHANGE", "HEAD_CHANGE", "MOVE_IN_DOMESTIC", "MOVE_IN_FROM_ABROAD"})
    void everyGuidedFormOpensPrefilled(NotificationType type) throws Exception {
        var get = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get(BASE + "/new/" + type).session(session);
        if (!type.name().startsWith("MOVE_IN")) {
            get = get.param("atenaNo", head);
        }
        MvcResult r = mvc.perform(get).andExpect(status().isOk()).andExpect(view().name("resident/notification")).andReturn();
        NotificationForm form = (NotificationForm) r.getModelAndView().getModel().get("form");
        assertThat(form.getNotifiedOn()).startsWith("令和");
        if (!type.name().startsWith("MOVE_IN")) {
            assertThat(form.getHouseholdNo()).isNotNull();
            assertThat(r.getResponse().getContentAsString()).contains("芦原　温");
        }
    }

    @Test
    void aBirthThenADeathThroughTheGuidedForms() throws Exception {
        String householdNow = TenantContext.callAs(AWARA, Actor.system("counter-test"),
                () -> residents.current(head, false).record().householdNo());
        List<org.kiban.resident.ResidentRecord> born = confirmAndCommit("type", "BIRTH", "atenaNo", head,
                "householdNo", householdNow, "effectiveDate", "令和8年11月2日", "notifiedOn", "令和8年11月10日",
                "persons[0].name", "芦原 陽", "persons[0].nameKana", "アワラ ヒナタ", "persons[0].sex", "FEMALE",
                "persons[0].relationship", "子", "persons[0].permanentDomicile", "福井県あわら市市姫三丁目1番地",
                "persons[0].familyRegisterHead", "芦原 温");
        assertThat(born).singleElement().satisfies(x -> {
            assertThat(x.name()).isEqualTo("芦原　陽");
            assertThat(x.householdNo()).isEqualTo(householdNow);
            assertThat(x.birthDate()).isEqualTo("令和8年11月2日");
        });
        String child = born.get(0).atenaNo();
        List<org.kiban.resident.ResidentRecord> died = confirmAndCommit("type", "DEATH", "atenaNo", child,
                "householdNo", householdNow, "effectiveDate", "令和8年11月20日", "notifiedOn", "令和8年11月21日",
                "atenaNos", child);
        assertThat(died).singleElement().satisfies(x -> assertThat(x.status()).isEqualTo(org.kiban.resident.ResidentStatus.DEAD));
    }

    @Autowired
    org.kiban.audit.AuditTrail audit;

    @Test
    void aMoveInFromTheCounterCitesTheMunicipalityMovedFromAndItsNoticeIsSent() throws Exception {
        String html = mvc.perform(post(BASE + "/check").session(session).with(csrf())
                        .param("type", "MOVE_IN_DOMESTIC").param("previousLgCode", "182088"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("転出元の団体コード「182088」は6桁（検査数字付き）で入力してください。");

        List<org.kiban.resident.ResidentRecord> in = confirmAndCommit("type", "MOVE_IN_DOMESTIC",
                "effectiveDate", "令和8年11月3日", "notifiedOn", "令和8年11月4日",
                "address", "福井県あわら市市姫五丁目5番5号", "previousAddress", "福井県鯖江市西山町13番1号",
                "previousLgCode", "182079",
                "persons[0].name", "鯖江 転", "persons[0].nameKana", "サバエ テン", "persons[0].birthDate", "昭和60年1月1日",
                "persons[0].sex", "MALE", "persons[0].relationship", "世帯主",
                "persons[0].permanentDomicile", "福井県鯖江市西山町1番地", "persons[0].familyRegisterHead", "鯖江 転");
        String no = Long.toString(in.get(0).notificationNo());
        List<org.kiban.audit.AuditRecord> sent = List.of();
        for (int i = 0; i < 100 && sent.isEmpty(); i++) {
            Thread.sleep(100);
            sent = TenantContext.callAs(AWARA, Actor.system("counter-test"), () -> audit.search(
                    new org.kiban.audit.AuditQuery(null, null, null, "resident.move-in-notice-sent", null, no, null, 10)));
        }
        assertThat(sent).as("the 転入通知 to 鯖江市 is sent").singleElement()
                .satisfies(a -> assertThat(a.detail()).contains("182079").contains(in.get(0).atenaNo()));
    }
}

package org.kiban.tenancy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.kiban.parameter.ParameterChange;
import org.kiban.parameter.Parameters;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.OfficeKind;
import org.kiban.tenancy.StaffRole;
import org.kiban.tenancy.TenancyParameters;
import org.kiban.tenancy.TenantState;
import org.kiban.tenancy.security.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo municipalities of three kinds (a designated city with wards, a city, a village) plus one that is still
 * planned, with staff accounts for every duty. Loaded only in demo mode, once; the accounts are marked as demo
 * accounts and cannot sign in outside demo mode.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "kiban-demo-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Actor LOADER = Actor.system("demo-data");

    /** Demo tenants; the mayors' names are fictional. */
    record DemoTenant(String lgCode, String prefix, LocalDate liveOn, LocalDate contractEnd, String clerkOffice,
                      String mayorName) { }

    static final List<DemoTenant> TENANTS = List.of(
            new DemoTenant("141003", "yokohama", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 3, 31), "141046", "港 一郎"),
            new DemoTenant("182079", "sabae", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 9, 30), "001", "西山 めがね"),
            new DemoTenant("133078", "hinohara", LocalDate.of(2026, 1, 5), LocalDate.of(2025, 12, 31), "001", "本宿 山男"));

    private final DemoMode demo;
    private final TenantService tenants;
    private final StaffService staff;
    private final Parameters parameters;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final OfficeService offices;

    DemoData(DemoMode demo, TenantService tenants, StaffService staff, Parameters parameters, JdbcClient jdbc,
             PasswordEncoder passwords, OfficeService offices) {
        this.demo = demo;
        this.tenants = tenants;
        this.staff = staff;
        this.parameters = parameters;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.offices = offices;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        TenantContext.runAs(null, LOADER, () -> {
            if (jdbc.sql("select count(*) from operator_account where username = 'operator'").query(Integer.class).single() == 0) {
                jdbc.sql("""
                                insert into operator_account (username, display_name, password_hash, demo_account, created_at)
                                values ('operator', '共同利用 運用担当（デモ）', ?, true, ?)""")
                        .params(passwords.encode(PASSWORD), Timestamp.from(Instant.now())).update();
            }
        });
        for (DemoTenant t : TENANTS) {
            if (tenants.find(t.lgCode()).isPresent()) {
                continue;
            }
            TenantContext.runAs(null, LOADER, () -> {
                tenants.register(t.lgCode(), t.liveOn().minusMonths(18), t.contractEnd());
                tenants.transition(t.lgCode(), TenantState.MIGRATING, t.liveOn().minusMonths(6), "移行リハーサル開始");
                tenants.transition(t.lgCode(), TenantState.LIVE, t.liveOn(), "本稼働");
                tenants.setMayorName(t.lgCode(), t.mayorName());
            });
            TenantContext.runAs(t.lgCode(), LOADER, () -> loadStaff(t));
            log.info("demo tenant {} loaded", t.lgCode());
        }
        if (tenants.find("184233").isEmpty()) {
            TenantContext.runAs(null, LOADER, () -> tenants.register("184233", LocalDate.of(2026, 6, 1), LocalDate.of(2027, 9, 30)));
        }
    }

    private void loadStaff(DemoTenant t) {
        String p = t.prefix();
        if ("182079".equals(t.lgCode())) {
            offices.open("002", OfficeKind.BRANCH, "鯖江市 神明支所", null, t.liveOn());
        }
        staff.create(p + "-clerk", "窓口 花子", t.clerkOffice(), PASSWORD, Set.of(StaffRole.RESIDENT_CLERK), true);
        staff.create(p + "-tax", "税務 一郎", "001", PASSWORD, Set.of(StaffRole.TAX_OFFICER), true);
        staff.create(p + "-care", "介護 次郎", "001", PASSWORD, Set.of(StaffRole.CARE_OFFICER), true);
        staff.create(p + "-supervisor", "課長 三郎", "001", PASSWORD,
                Set.of(StaffRole.SUPERVISOR, StaffRole.RESIDENT_CLERK), true);
        staff.create(p + "-auditor", "監査 四郎", "001", PASSWORD, Set.of(StaffRole.AUDITOR), true);
        staff.create(p + "-admin", "情報 五郎", "001", PASSWORD, Set.of(StaffRole.TENANT_ADMIN), true);
        if ("141003".equals(t.lgCode())) {
            parameters.change(TenancyParameters.SESSION_TIMEOUT,
                    new ParameterChange(20, LocalDate.of(2026, 4, 1), "デモ：窓口端末の離席対策として20分に短縮"));
        }
        if ("182079".equals(t.lgCode())) {
            parameters.change(TenancyParameters.OFFICE_STRUCTURE,
                    new ParameterChange("WITH_BRANCHES", t.liveOn(), "デモ：神明支所を設置（鯖江市支所設置条例）"));
        }
    }
}

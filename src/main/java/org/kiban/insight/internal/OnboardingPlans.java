package org.kiban.insight.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.kiban.common.InvalidValueException;
import org.kiban.common.LgCode;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.MigrationRehearsal;
import org.kiban.tenancy.MigrationRehearsals;
import org.kiban.tenancy.Municipalities;
import org.kiban.tenancy.Tenant;
import org.kiban.tenancy.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onboarding groups and the plan of each: members with their contract end, rehearsals, go-live and state, the
 * warnings of {@link RollingOnboardingSchedule} and its proposal.
 */
@Service
public class OnboardingPlans {

    /** Default lead time from today to the earliest proposed go-live (rehearsals need it). */
    static final int DEFAULT_LEAD_MONTHS = 6;

    private final JdbcClient jdbc;
    private final Municipalities municipalities;
    private final Tenants tenants;
    private final MigrationRehearsals rehearsals;

    OnboardingPlans(JdbcClient jdbc, Municipalities municipalities, Tenants tenants, MigrationRehearsals rehearsals) {
        this.jdbc = jdbc;
        this.municipalities = municipalities;
        this.tenants = tenants;
        this.rehearsals = rehearsals;
    }

    /** One member's row on the dashboard. */
    public record MemberRow(OnboardingMember member, String kindLabel, String stateLabel, LocalDate plannedGoLive,
                            LocalDate liveOn, boolean tenant) {
    }

    /** The dashboard of a group. */
    public record Plan(OnboardingGroup group, YearMonth earliest, List<MemberRow> members,
                       List<OnboardingWarning> warnings, RollingOnboardingSchedule.Proposal proposal) {
    }

    // ---- groups ----

    public List<OnboardingGroup> groups() {
        return jdbc.sql("select group_id from onboarding_group order by name").query(String.class).list().stream()
                .map(id -> group(id)).toList();
    }

    public OnboardingGroup group(String groupId) {
        record Row(String id, String name, String kind, String pref, int cap) { }
        Row row = jdbc.sql("select group_id, name, kind, prefecture_code, monthly_capacity from onboarding_group where group_id = ?")
                .param(groupId).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5))).optional()
                .orElseThrow(() -> ProblemException.notFound("グループ", groupId));
        List<String> members = jdbc.sql("select lg_code from onboarding_group_member where group_id = ? order by lg_code")
                .param(groupId).query(String.class).list();
        return new OnboardingGroup(row.id(), row.name(), OnboardingGroup.Kind.valueOf(row.kind()), row.pref(), row.cap(), members);
    }

    /**
     * Creates a group: a prefecture's (every municipality of it) or a custom one (the given members).
     */
    @Transactional
    public OnboardingGroup create(String groupId, String name, OnboardingGroup.Kind kind, String prefectureCode,
                                  List<String> members, Integer monthlyCapacity) {
        if (groupId == null || !groupId.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new InvalidValueException("invalid-group-id", "groupId は英小文字・数字・ハイフン（40文字以内）で指定してください。");
        }
        if (kind == null) {
            throw new InvalidValueException("invalid-group-kind", "kind は PREFECTURE か CUSTOM で指定してください。");
        }
        int capacity = capacity(monthlyCapacity == null ? 2 : monthlyCapacity);
        if (jdbc.sql("select count(*) from onboarding_group where group_id = ?").param(groupId).query(Integer.class).single() > 0) {
            throw ProblemException.conflict("group-exists", groupId);
        }
        List<String> codes;
        String pref = null;
        String groupName = name;
        if (kind == OnboardingGroup.Kind.PREFECTURE) {
            pref = prefectureCode == null ? "" : prefectureCode.strip();
            LocalGovernment prefecture = pref.matches("\\d{2}")
                    ? municipalities.find(LgCode.fromFiveDigits(pref + "000").value()).orElse(null) : null;
            if (prefecture == null) {
                throw new InvalidValueException("invalid-prefecture", "prefectureCode は2桁の都道府県コード（01〜47）で指定してください。");
            }
            codes = municipalities.search(new Municipalities.Query(pref, List.of(), null, null)).stream()
                    .filter(lg -> lg.kind().isMunicipality()).map(LocalGovernment::lgCode).toList();
            groupName = name == null || name.isBlank() ? prefecture.name() : name;
        } else {
            codes = memberCodes(members);
        }
        if (groupName == null || groupName.isBlank() || groupName.length() > 100) {
            throw new InvalidValueException("invalid-group-name", "name（グループ名）を100文字以内で指定してください。");
        }
        jdbc.sql("""
                        insert into onboarding_group (group_id, name, kind, prefecture_code, monthly_capacity, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(groupId, groupName.strip(), kind.name(), pref, capacity, Timestamp.from(Instant.now()),
                        TenantContext.currentActor().qualifiedId())
                .update();
        insertMembers(groupId, codes);
        return group(groupId);
    }

    /** Changes a group's name, capacity or (custom groups) members; null leaves a field as it is. */
    @Transactional
    public OnboardingGroup update(String groupId, String name, Integer monthlyCapacity, List<String> members) {
        OnboardingGroup g = group(groupId);
        if (name != null) {
            if (name.isBlank() || name.length() > 100) {
                throw new InvalidValueException("invalid-group-name", "name（グループ名）を100文字以内で指定してください。");
            }
            jdbc.sql("update onboarding_group set name = ? where group_id = ?").params(name.strip(), groupId).update();
        }
        if (monthlyCapacity != null) {
            jdbc.sql("update onboarding_group set monthly_capacity = ? where group_id = ?")
                    .params(capacity(monthlyCapacity), groupId).update();
        }
        if (members != null) {
            if (g.kind() == OnboardingGroup.Kind.PREFECTURE) {
                throw ProblemException.badRequest("prefecture-group-members");
            }
            List<String> codes = memberCodes(members);
            jdbc.sql("delete from onboarding_group_member where group_id = ?").param(groupId).update();
            insertMembers(groupId, codes);
        }
        return group(groupId);
    }

    private static int capacity(int value) {
        if (value < 1 || value > 50) {
            throw new InvalidValueException("invalid-capacity", "monthlyCapacity（月あたりの本稼働数の上限）は1〜50で指定してください。");
        }
        return value;
    }

    private List<String> memberCodes(List<String> members) {
        if (members == null || members.isEmpty()) {
            throw new InvalidValueException("group-members-required", "members（構成団体の団体コード）を1つ以上指定してください。");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String m : members) {
            String code = LgCode.of(m).value();
            LocalGovernment lg = municipalities.find(code).orElseThrow(() -> ProblemException.notFound("団体", code));
            if (!lg.kind().isMunicipality()) {
                throw ProblemException.badRequest("not-a-municipality", code, lg.name(), lg.kind().label());
            }
            codes.add(code);
        }
        return List.copyOf(codes);
    }

    private void insertMembers(String groupId, List<String> codes) {
        for (String code : codes) {
            jdbc.sql("insert into onboarding_group_member (lg_code, group_id) values (?, ?)").params(code, groupId).update();
        }
    }

    // ---- municipalities' onboarding facts ----

    /** What the operator knows of a municipality's onboarding. */
    public record OnboardingFacts(String lgCode, LocalDate systemRenewalDate, LocalDate plannedGoLive, String note) {
    }

    public Optional<OnboardingFacts> facts(String lgCode) {
        return jdbc.sql("select lg_code, system_renewal_date, planned_go_live, note from municipality_onboarding where lg_code = ?")
                .param(lgCode).query((rs, n) -> new OnboardingFacts(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4))).optional();
    }

    private Map<String, OnboardingFacts> allFacts() {
        return jdbc.sql("select lg_code, system_renewal_date, planned_go_live, note from municipality_onboarding")
                .query((rs, n) -> new OnboardingFacts(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4)))
                .list().stream().collect(Collectors.toMap(OnboardingFacts::lgCode, f -> f));
    }

    /** Records a municipality's contract end and planned go-live (replacing what was recorded). */
    @Transactional
    public OnboardingFacts setFacts(String lgCode, LocalDate systemRenewalDate, LocalDate plannedGoLive, String note) {
        String code = LgCode.of(lgCode).value();
        LocalGovernment lg = municipalities.find(code).orElseThrow(() -> ProblemException.notFound("団体", code));
        if (!lg.kind().isMunicipality()) {
            throw ProblemException.badRequest("not-a-municipality", code, lg.name(), lg.kind().label());
        }
        if (note != null && note.length() > 500) {
            throw new InvalidValueException("invalid-note", "note は500文字以内で指定してください。");
        }
        jdbc.sql("""
                        insert into municipality_onboarding (lg_code, system_renewal_date, planned_go_live, note, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (lg_code) do update set system_renewal_date = excluded.system_renewal_date,
                            planned_go_live = excluded.planned_go_live, note = excluded.note,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(code, date(systemRenewalDate), date(plannedGoLive), note, Timestamp.from(Instant.now()),
                        TenantContext.currentActor().qualifiedId())
                .update();
        return facts(code).orElseThrow();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    /**
     * The contract end of a municipality: the tenant's own record if it is a tenant and has one, otherwise the
     * operator's note of it.
     */
    public Map<String, LocalDate> renewalDates() {
        Map<String, LocalDate> out = new java.util.HashMap<>();
        allFacts().forEach((code, f) -> {
            if (f.systemRenewalDate() != null) {
                out.put(code, f.systemRenewalDate());
            }
        });
        for (Tenant t : tenants.all()) {
            if (t.previousSystemContractEnd() != null) {
                out.put(t.lgCode(), t.previousSystemContractEnd());
            }
        }
        return out;
    }

    // ---- the plan ----

    public Plan plan(String groupId, YearMonth earliest) {
        OnboardingGroup g = group(groupId);
        YearMonth from = earliest != null ? earliest : YearMonth.now().plusMonths(DEFAULT_LEAD_MONTHS);
        Map<String, OnboardingFacts> facts = allFacts();
        Map<String, Tenant> byCode = tenants.all().stream().collect(Collectors.toMap(Tenant::lgCode, t -> t));
        Map<String, List<MigrationRehearsal>> rehearsed = rehearsals.all().stream()
                .collect(Collectors.groupingBy(MigrationRehearsal::lgCode));
        List<MemberRow> rows = new ArrayList<>();
        for (String code : g.members()) {
            LocalGovernment lg = municipalities.find(code).orElseThrow();
            Tenant t = byCode.get(code);
            OnboardingFacts f = facts.get(code);
            LocalDate renewal = t != null && t.previousSystemContractEnd() != null ? t.previousSystemContractEnd()
                    : f == null ? null : f.systemRenewalDate();
            LocalDate planned = f == null ? null : f.plannedGoLive();
            LocalDate liveOn = t == null ? null : t.liveOn();
            boolean isLive = t != null && liveOn != null
                    && (t.state() == org.kiban.tenancy.TenantState.LIVE || t.state() == org.kiban.tenancy.TenantState.EXITED);
            OnboardingMember m = new OnboardingMember(code, lg.name(), lg.population(), t == null ? null : t.state(),
                    renewal, isLive ? liveOn : planned, rehearsed.getOrDefault(code, List.of()));
            rows.add(new MemberRow(m, lg.kind().label(), t == null ? "未登録（参加検討）" : t.state().label(), planned,
                    liveOn, t != null));
        }
        List<OnboardingMember> members = rows.stream().map(MemberRow::member).toList();
        return new Plan(g, from, rows, RollingOnboardingSchedule.warnings(members, g.monthlyCapacity()),
                RollingOnboardingSchedule.propose(members, g.monthlyCapacity(), from));
    }

    /** A municipality as a member of a cost simulation (name and population from the facts). */
    public CostAssumptions.Member member(String lgCode) {
        LocalGovernment lg = municipalities.find(LgCode.of(lgCode).value())
                .filter(x -> x.kind().isMunicipality())
                .orElseThrow(() -> new InvalidValueException("invalid-cost-assumptions", "団体コード " + lgCode + " の市区町村はありません。"));
        return new CostAssumptions.Member(lg.lgCode(), lg.name(), lg.population() == null ? 0 : lg.population());
    }
}

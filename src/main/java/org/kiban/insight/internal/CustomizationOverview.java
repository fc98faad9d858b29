package org.kiban.insight.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.common.InvalidValueException;
import org.kiban.common.LgCode;
import org.kiban.parameter.CustomizationReport;
import org.kiban.parameter.EffectiveParameter;
import org.kiban.parameter.ParameterClass;
import org.kiban.parameter.ParameterDefinition;
import org.kiban.parameter.Parameters;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.Tenant;
import org.kiban.tenancy.Tenants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customization of the tenants, one by one and side by side: parameters deviating from the standard by class,
 * registered extensions with their size, the rates of {@link CustomizationRate}, their trend, and the members'
 * change requests. Each tenant's rows are read under that tenant's context (row-level security), one short
 * transaction per tenant; never call this inside a transaction.
 */
@Service
public class CustomizationOverview {

    private final JdbcClient jdbc;
    private final Parameters parameters;
    private final Tenants tenants;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    CustomizationOverview(JdbcClient jdbc, Parameters parameters, Tenants tenants, AuditTrail audit, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.parameters = parameters;
        this.tenants = tenants;
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * One tenant's customization on a date.
     *
     * @param byClass     per class: catalogue parameters, deviating parameters, active extensions
     * @param deviations  the deviating parameters
     * @param extensions  the extensions active that day
     * @param linesOfCode their total size
     */
    public record TenantCustomization(String lgCode, String name, LocalDate at, CustomizationRate rate,
                                      Map<ParameterClass, ClassFigures> byClass, List<EffectiveParameter> deviations,
                                      List<Extension> extensions, int linesOfCode) {
    }

    public record ClassFigures(int parameters, int deviating, int extensions) {
    }

    /** Rates of one tenant at the end of each month. */
    public record Trend(String lgCode, String name, Map<YearMonth, CustomizationRate> rates) {
    }

    private Tenant tenant(String lgCode) {
        String code = LgCode.of(lgCode).value();
        return tenants.find(code).orElseThrow(() -> ProblemException.notFound("テナント", code));
    }

    private <T> T as(String lgCode, Supplier<T> work) {
        return TenantContext.callAs(lgCode, TenantContext.currentActor(), () -> tx.execute(s -> work.get()));
    }

    // ---- extensions ----

    public Extension registerExtension(String lgCode, Extension e) {
        Tenant t = tenant(lgCode);
        if (e.extensionId() == null || !e.extensionId().matches("[a-z0-9][a-z0-9.-]{0,79}")) {
            throw new InvalidValueException("invalid-extension-id", "extensionId は英小文字・数字・ピリオド・ハイフン（80文字以内）で指定してください。");
        }
        require(e.name(), "name（拡張の名称）");
        require(e.extensionPoint(), "extensionPoint（拡張点）");
        require(e.reason(), "reason（理由）");
        if (e.parameterClass() == null) {
            throw new InvalidValueException("invalid-extension", "parameterClass（A1/A2/B/C/L）を指定してください。");
        }
        if (e.linesOfCode() <= 0) {
            throw new InvalidValueException("invalid-extension", "linesOfCode（行数）は1以上で指定してください。");
        }
        if (e.activeFrom() == null || (e.activeTo() != null && !e.activeTo().isAfter(e.activeFrom()))) {
            throw new InvalidValueException("invalid-extension", "activeFrom（使用開始日）を指定し、activeTo はそれより後にしてください。");
        }
        return as(t.lgCode(), () -> {
            if (jdbc.sql("select count(*) from extension_registration where lg_code = ? and extension_id = ?")
                    .params(t.lgCode(), e.extensionId()).query(Integer.class).single() > 0) {
                throw ProblemException.conflict("extension-exists", t.name(), e.extensionId());
            }
            jdbc.sql("""
                            insert into extension_registration (lg_code, extension_id, name, extension_point, parameter_class,
                                lines_of_code, active_from, active_to, reason, recorded_at, recorded_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(t.lgCode(), e.extensionId(), e.name().strip(), e.extensionPoint().strip(), e.parameterClass().name(),
                            e.linesOfCode(), Date.valueOf(e.activeFrom()), e.activeTo() == null ? null : Date.valueOf(e.activeTo()),
                            e.reason().strip(), Timestamp.from(Instant.now()), TenantContext.currentActor().qualifiedId())
                    .update();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("linesOfCode", e.linesOfCode());
            detail.put("activeFrom", e.activeFrom().toString());
            detail.put("parameterClass", e.parameterClass().name());
            audit.record(AuditEvent.of("extension.registered", "extension", e.extensionId(), detail));
            return extensions(t.lgCode()).stream().filter(x -> x.extensionId().equals(e.extensionId())).findFirst().orElseThrow();
        });
    }

    /** Ends an extension's use from {@code activeTo} (it stops counting that day). */
    public Extension retireExtension(String lgCode, String extensionId, LocalDate activeTo) {
        Tenant t = tenant(lgCode);
        if (activeTo == null) {
            throw new InvalidValueException("invalid-extension", "activeTo（使用終了日）を指定してください。");
        }
        return as(t.lgCode(), () -> {
            Extension e = extensions(t.lgCode()).stream().filter(x -> x.extensionId().equals(extensionId)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("拡張", extensionId));
            if (!activeTo.isAfter(e.activeFrom())) {
                throw new InvalidValueException("invalid-extension", "activeTo は使用開始日より後にしてください。");
            }
            jdbc.sql("update extension_registration set active_to = ? where lg_code = ? and extension_id = ?")
                    .params(Date.valueOf(activeTo), t.lgCode(), extensionId).update();
            audit.record(AuditEvent.of("extension.retired", "extension", extensionId, Map.of("activeTo", activeTo.toString())));
            return new Extension(e.lgCode(), e.extensionId(), e.name(), e.extensionPoint(), e.parameterClass(),
                    e.linesOfCode(), e.activeFrom(), activeTo, e.reason());
        });
    }

    /** A tenant's registered extensions; call in that tenant's context. */
    private List<Extension> extensions(String lgCode) {
        return jdbc.sql("select * from extension_registration where lg_code = ? order by extension_id").param(lgCode)
                .query(this::extension).list();
    }

    public List<Extension> extensionsOf(String lgCode) {
        Tenant t = tenant(lgCode);
        return as(t.lgCode(), () -> extensions(t.lgCode()));
    }

    private Extension extension(ResultSet rs, int n) throws SQLException {
        return new Extension(rs.getString("lg_code"), rs.getString("extension_id"), rs.getString("name"),
                rs.getString("extension_point"), ParameterClass.valueOf(rs.getString("parameter_class")),
                rs.getInt("lines_of_code"), rs.getObject("active_from", LocalDate.class),
                rs.getObject("active_to", LocalDate.class), rs.getString("reason"));
    }

    private static void require(String s, String what) {
        if (s == null || s.isBlank() || s.length() > 500) {
            throw new InvalidValueException("invalid-value", what + "を500文字以内で指定してください。");
        }
    }

    // ---- change requests ----

    public ChangeRequest recordChangeRequest(String lgCode, ChangeRequest r) {
        Tenant t = tenant(lgCode);
        require(r.topic(), "topic（要望の項目）");
        require(r.description(), "description（要望の内容）");
        if (r.parameterClass() == null || r.requestedOn() == null) {
            throw new InvalidValueException("invalid-change-request", "parameterClass（A1/A2/B/C/L）と requestedOn（要望日）を指定してください。");
        }
        if (r.parameterKey() != null && parameters.catalogue().stream().noneMatch(d -> d.key().equals(r.parameterKey()))) {
            throw ProblemException.notFound("パラメータ", r.parameterKey());
        }
        ChangeRequest.Status status = r.status() == null ? ChangeRequest.Status.REQUESTED : r.status();
        return as(t.lgCode(), () -> {
            int no = jdbc.sql("""
                            insert into change_request (lg_code, request_no, topic, parameter_key, parameter_class, requested_on,
                                description, status, decision_note, recorded_at, recorded_by)
                            select ?, coalesce(max(request_no), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?
                            from change_request where lg_code = ? returning request_no""")
                    .params(t.lgCode(), r.topic().strip(), r.parameterKey(), r.parameterClass().name(), Date.valueOf(r.requestedOn()),
                            r.description().strip(), status.name(), r.decisionNote(), Timestamp.from(Instant.now()),
                            TenantContext.currentActor().qualifiedId(), t.lgCode())
                    .query(Integer.class).single();
            audit.record(AuditEvent.of("change-request.recorded", "change-request", String.valueOf(no),
                    Map.of("topic", r.topic().strip(), "status", status.name())));
            return changeRequests(t.lgCode()).stream().filter(c -> c.requestNo() == no).findFirst().orElseThrow();
        });
    }

    /** Records the group's decision on a request. */
    public ChangeRequest decide(String lgCode, int requestNo, ChangeRequest.Status status, String note) {
        Tenant t = tenant(lgCode);
        if (status == null) {
            throw new InvalidValueException("invalid-change-request", "status を指定してください。");
        }
        return as(t.lgCode(), () -> {
            int n = jdbc.sql("update change_request set status = ?, decision_note = ? where lg_code = ? and request_no = ?")
                    .params(status.name(), note, t.lgCode(), requestNo).update();
            if (n == 0) {
                throw ProblemException.notFound("カスタマイズ要望", requestNo);
            }
            audit.record(AuditEvent.of("change-request.decided", "change-request", String.valueOf(requestNo),
                    Map.of("status", status.name())));
            return changeRequests(t.lgCode()).stream().filter(c -> c.requestNo() == requestNo).findFirst().orElseThrow();
        });
    }

    private List<ChangeRequest> changeRequests(String lgCode) {
        return jdbc.sql("select * from change_request where lg_code = ? order by request_no").param(lgCode)
                .query((rs, n) -> new ChangeRequest(rs.getString("lg_code"), rs.getInt("request_no"), rs.getString("topic"),
                        rs.getString("parameter_key"), ParameterClass.valueOf(rs.getString("parameter_class")),
                        rs.getObject("requested_on", LocalDate.class), rs.getString("description"),
                        ChangeRequest.Status.valueOf(rs.getString("status")), rs.getString("decision_note")))
                .list();
    }

    /**
     * The change requests of the members side by side: one row per subject (the parameter, or the topic when the
     * request names none), one column per member.
     *
     * @param subject   the parameter's description or the topic
     * @param byMember  member code → its requests on the subject
     */
    public record ComparisonRow(String subject, String parameterKey, ParameterClass parameterClass,
                                Map<String, List<ChangeRequest>> byMember) {

        public int members() {
            return byMember.size();
        }
    }

    public List<ComparisonRow> compareChangeRequests(List<String> members) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        parameters.catalogue().forEach(d -> descriptions.put(d.key(), d.description()));
        Map<String, ComparisonRow> rows = new TreeMap<>();
        for (String code : tenantMembers(members)) {
            for (ChangeRequest r : as(code, () -> changeRequests(code))) {
                String subject = r.parameterKey() != null ? descriptions.getOrDefault(r.parameterKey(), r.parameterKey()) : r.topic();
                String key = (r.parameterKey() != null ? "0:" + r.parameterKey() : "1:" + r.topic());
                rows.computeIfAbsent(key, k -> new ComparisonRow(subject, r.parameterKey(), r.parameterClass(), new LinkedHashMap<>()))
                        .byMember().computeIfAbsent(code, c -> new ArrayList<>()).add(r);
            }
        }
        List<ComparisonRow> out = new ArrayList<>(rows.values());
        // Topics several members asked for first: those are the ones to settle once for the group.
        out.sort((a, b) -> Integer.compare(b.members(), a.members()));
        return out;
    }

    // ---- figures ----

    /** The members that are tenants (only they have parameters), in the given order. */
    public List<String> tenantMembers(List<String> members) {
        return members.stream().filter(code -> tenants.find(code).isPresent()).toList();
    }

    public TenantCustomization figures(String lgCode, LocalDate at) {
        Tenant t = tenant(lgCode);
        return as(t.lgCode(), () -> figures(t, at, parameters.customizationReport(at), extensions(t.lgCode())));
    }

    private static TenantCustomization figures(Tenant t, LocalDate at, CustomizationReport report, List<Extension> all) {
        List<Extension> active = all.stream().filter(e -> e.activeOn(at)).toList();
        Map<ParameterClass, ClassFigures> byClass = new EnumMap<>(ParameterClass.class);
        for (ParameterClass c : ParameterClass.values()) {
            CustomizationReport.ClassCount count = report.byClass().get(c);
            int ext = (int) active.stream().filter(e -> e.parameterClass() == c).count();
            byClass.put(c, new ClassFigures(count == null ? 0 : count.parameters(), count == null ? 0 : count.deviating(), ext));
        }
        return new TenantCustomization(t.lgCode(), t.name(), at,
                new CustomizationRate(report.parameters(), report.deviating(), active.size()), byClass,
                report.deviations(), active, active.stream().mapToInt(Extension::linesOfCode).sum());
    }

    public List<TenantCustomization> figures(List<String> members, LocalDate at) {
        return tenantMembers(members).stream().map(code -> figures(code, at)).toList();
    }

    /** Each member's rates at the end of each of the {@code months} months up to {@code until}. */
    public List<Trend> trend(List<String> members, YearMonth until, int months) {
        if (months < 1 || months > 120) {
            throw new InvalidValueException("invalid-months", "months は1〜120で指定してください。");
        }
        List<Trend> out = new ArrayList<>();
        for (String code : tenantMembers(members)) {
            Tenant t = tenant(code);
            Map<YearMonth, CustomizationRate> rates = as(code, () -> {
                List<Extension> all = extensions(code);
                Map<YearMonth, CustomizationRate> m = new TreeMap<>();
                for (int i = months - 1; i >= 0; i--) {
                    YearMonth month = until.minusMonths(i);
                    LocalDate end = month.atEndOfMonth();
                    m.put(month, figures(t, end, parameters.customizationReport(end), all).rate());
                }
                return m;
            });
            out.add(new Trend(code, t.name(), rates));
        }
        return out;
    }

    /**
     * The side-by-side table: every catalogue parameter with each member's value on {@code at}; a trailing
     * {@code ※} marks a value that deviates from that member's standard.
     */
    public record SideBySide(List<TenantCustomization> members, List<ParameterDefinition> catalogue,
                             Map<String, Map<String, EffectiveParameter>> values) {

        public Optional<EffectiveParameter> value(String lgCode, String key) {
            return Optional.ofNullable(values.getOrDefault(lgCode, Map.of()).get(key));
        }
    }

    public SideBySide sideBySide(List<String> members, LocalDate at) {
        List<TenantCustomization> figures = new ArrayList<>();
        Map<String, Map<String, EffectiveParameter>> values = new LinkedHashMap<>();
        for (String code : tenantMembers(members)) {
            Tenant t = tenant(code);
            as(code, () -> {
                List<EffectiveParameter> all = parameters.all(at);
                Map<String, EffectiveParameter> byKey = new LinkedHashMap<>();
                all.forEach(p -> byKey.put(p.definition().key(), p));
                values.put(code, byKey);
                figures.add(figures(t, at, parameters.customizationReport(at), extensions(code)));
                return null;
            });
        }
        return new SideBySide(figures, parameters.catalogue(), values);
    }
}

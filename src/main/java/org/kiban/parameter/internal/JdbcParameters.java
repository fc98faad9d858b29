package org.kiban.parameter.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.common.InvalidValueException;
import org.kiban.parameter.CustomizationReport;
import org.kiban.parameter.EffectiveParameter;
import org.kiban.parameter.MunicipalityProfile;
import org.kiban.parameter.ParameterChange;
import org.kiban.parameter.ParameterClass;
import org.kiban.parameter.ParameterDefinition;
import org.kiban.parameter.ParameterRevision;
import org.kiban.parameter.Parameters;
import org.kiban.platform.ProblemException;
import org.kiban.platform.TenantContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parameter values in {@code parameter_value}: append-only revisions, each effective from a date. The value in
 * effect on a date is the latest revision among those with the latest {@code valid_from} not after it, so a value
 * set for FY2026 never changes what FY2025 computed.
 */
@Service
class JdbcParameters implements Parameters {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MunicipalityProfile.Source profiles;
    private final ParameterJson json;
    private final Map<String, ParameterDefinition> catalogue;

    JdbcParameters(JdbcClient jdbc, AuditTrail audit, MunicipalityProfile.Source profiles, ParameterJson json,
                   List<ParameterDefinition> definitions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.profiles = profiles;
        this.json = json;
        Map<String, ParameterDefinition> byKey = new LinkedHashMap<>();
        definitions.stream().sorted(Comparator.comparing(ParameterDefinition::key)).forEach(d -> {
            if (byKey.put(d.key(), d) != null) {
                throw new IllegalStateException("parameter " + d.key() + " is declared twice");
            }
        });
        this.catalogue = Map.copyOf(byKey);
    }

    @Override
    public List<ParameterDefinition> catalogue() {
        return catalogue.values().stream().sorted(Comparator.comparing(ParameterDefinition::key)).toList();
    }

    private ParameterDefinition definition(String key) {
        ParameterDefinition d = catalogue.get(key);
        if (d == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "unknown-parameter", key);
        }
        return d;
    }

    private record Stored(String key, int revision, LocalDate validFrom, String value) { }

    @Override
    @Transactional(readOnly = true)
    public EffectiveParameter get(String key, LocalDate at) {
        ParameterDefinition d = definition(key);
        Stored stored = jdbc.sql("""
                        select parameter_key, revision, valid_from, value from parameter_value
                        where lg_code = ? and parameter_key = ? and valid_from <= ?
                        order by valid_from desc, revision desc limit 1""")
                .params(TenantContext.requireLgCode(), key, Date.valueOf(at))
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class), rs.getString(4)))
                .optional().orElse(null);
        return effective(d, profile(), stored);
    }

    @Override
    @Transactional(readOnly = true)
    public List<EffectiveParameter> all(LocalDate at) {
        Map<String, Stored> stored = jdbc.sql("""
                        select distinct on (parameter_key) parameter_key, revision, valid_from, value from parameter_value
                        where lg_code = ? and valid_from <= ?
                        order by parameter_key, valid_from desc, revision desc""")
                .params(TenantContext.requireLgCode(), Date.valueOf(at))
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class), rs.getString(4)))
                .list().stream().collect(Collectors.toMap(Stored::key, Function.identity()));
        MunicipalityProfile profile = profile();
        return catalogue().stream().map(d -> effective(d, profile, stored.get(d.key()))).toList();
    }

    private EffectiveParameter effective(ParameterDefinition d, MunicipalityProfile profile, Stored stored) {
        Object standard = d.defaultFor(profile);
        if (stored == null || stored.value() == null) {
            return new EffectiveParameter(d, standard, standard, true,
                    stored == null ? null : stored.validFrom(), stored == null ? 0 : stored.revision());
        }
        return new EffectiveParameter(d, d.validate(json.read(stored.value())), standard, false, stored.validFrom(),
                stored.revision());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ParameterRevision> history(String key) {
        ParameterDefinition d = definition(key);
        return jdbc.sql("""
                        select revision, valid_from, value, reason, recorded_at, recorded_by from parameter_value
                        where lg_code = ? and parameter_key = ? order by revision""")
                .params(TenantContext.requireLgCode(), key)
                .query((rs, n) -> new ParameterRevision(key, rs.getInt(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3) == null ? null : d.validate(json.read(rs.getString(3))), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .list();
    }

    @Override
    @Transactional
    public EffectiveParameter change(String key, ParameterChange change) {
        ParameterDefinition d = definition(key);
        if (change.validFrom() == null) {
            throw new InvalidValueException("missing-valid-from", "適用開始日（validFrom）を指定してください。");
        }
        if (change.reason() == null || change.reason().isBlank() || change.reason().length() > 500) {
            throw new InvalidValueException("missing-reason", "変更の理由（reason）を500文字以内で指定してください。");
        }
        Object value = change.value() == null ? null : d.validate(change.value());
        String lgCode = TenantContext.requireLgCode();
        EffectiveParameter before = get(key, change.validFrom());
        int revision = jdbc.sql("select coalesce(max(revision), 0) + 1 from parameter_value where lg_code = ? and parameter_key = ?")
                .params(lgCode, key).query(Integer.class).single();
        jdbc.sql("""
                        insert into parameter_value (lg_code, parameter_key, revision, valid_from, value, reason,
                            recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lgCode, key, revision, Date.valueOf(change.validFrom()), value == null ? null : json.write(value),
                        change.reason(), Timestamp.from(Instant.now()), TenantContext.currentActor().qualifiedId())
                .update();
        Map<String, Object> detail = new HashMap<>();
        detail.put("validFrom", change.validFrom().toString());
        detail.put("before", String.valueOf(before.value()));
        detail.put("after", value == null ? "（標準値）" : String.valueOf(value));
        detail.put("revision", revision);
        detail.put("reason", change.reason());
        audit.record(AuditEvent.of("parameter.changed", "parameter", key, detail));
        return get(key, change.validFrom());
    }

    @Override
    @Transactional(readOnly = true)
    public CustomizationReport customizationReport(LocalDate at) {
        List<EffectiveParameter> all = all(at);
        Map<ParameterClass, int[]> counts = new EnumMap<>(ParameterClass.class);
        for (ParameterClass c : ParameterClass.values()) {
            counts.put(c, new int[2]);
        }
        for (EffectiveParameter p : all) {
            int[] c = counts.get(p.definition().parameterClass());
            c[0]++;
            if (p.deviates()) {
                c[1]++;
            }
        }
        List<EffectiveParameter> deviations = all.stream().filter(EffectiveParameter::deviates).toList();
        BigDecimal rate = all.isEmpty() ? BigDecimal.ZERO
                : BigDecimal.valueOf(deviations.size()).divide(BigDecimal.valueOf(all.size()), 4, RoundingMode.HALF_UP);
        Map<ParameterClass, CustomizationReport.ClassCount> byClass = new EnumMap<>(ParameterClass.class);
        counts.forEach((k, v) -> byClass.put(k, new CustomizationReport.ClassCount(v[0], v[1])));
        return new CustomizationReport(TenantContext.requireLgCode(), at, all.size(), deviations.size(), byClass, rate,
                BigDecimal.ONE.subtract(rate), deviations);
    }

    private MunicipalityProfile profile() {
        return profiles.profileOf(TenantContext.requireLgCode());
    }
}

package org.kiban.parameter.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.kiban.common.InvalidValueException;
import org.kiban.parameter.CustomizationReport;
import org.kiban.parameter.EffectiveParameter;
import org.kiban.parameter.ParameterChange;
import org.kiban.parameter.ParameterClass;
import org.kiban.parameter.ParameterDefinition;
import org.kiban.parameter.ParameterRevision;
import org.kiban.parameter.Parameters;
import org.kiban.parameter.internal.ParameterJson;
import org.kiban.platform.Permissions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Parameters of a tenant: values in effect on a date, their history, changes, and the customization report. */
@RestController
@Tag(name = "parameters", description = "パラメータ")
public class ParameterController {

    private final Parameters parameters;

    ParameterController(Parameters parameters) {
        this.parameters = parameters;
    }

    /** A parameter as the API shows it. */
    public record ParameterView(String key, String type, String unit, String parameterClass, String parameterClassLabel,
                                String legalBasis, String description, Object value, Object standardDefault,
                                boolean fromStandard, boolean deviates, LocalDate validFrom, int revision,
                                BigDecimal min, BigDecimal max, List<ParameterDefinition.Choice> choices) {

        static ParameterView of(EffectiveParameter p) {
            ParameterDefinition d = p.definition();
            return new ParameterView(d.key(), d.type().name(), d.unit(), d.parameterClass().name(),
                    d.parameterClass().label(), d.legalBasis(), d.description(), p.value(), p.standardDefault(),
                    p.fromStandard(), p.deviates(), p.validFrom(), p.revision(), d.min(), d.max(), d.choices());
        }
    }

    /**
     * A change: either {@code value} or {@code standard: true} (return to the standard default).
     */
    public record ChangeRequest(JsonNode value, Boolean standard,
                                @NotNull(message = "適用開始日（validFrom）を指定してください。") LocalDate validFrom,
                                @NotBlank(message = "変更の理由（reason）を指定してください。") @Size(max = 500) String reason) {
    }

    @GetMapping("/api/v1/parameter-catalogue")
    @Operation(summary = "The parameter catalogue: every local difference the standard allows")
    public List<Map<String, Object>> catalogue() {
        return parameters.catalogue().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", d.key());
            m.put("type", d.type().name());
            m.put("unit", d.unit());
            m.put("parameterClass", d.parameterClass().name());
            m.put("parameterClassLabel", d.parameterClass().label());
            m.put("legalBasis", d.legalBasis());
            m.put("description", d.description());
            m.put("min", d.min());
            m.put("max", d.max());
            m.put("choices", d.choices());
            return m;
        }).toList();
    }

    @GetMapping("/api/v1/municipalities/{lgCode}/parameters")
    @PreAuthorize("hasAuthority('" + Permissions.PARAMETER_READ + "')")
    @Operation(summary = "Every parameter's value in effect on a date (default today)")
    public List<ParameterView> all(@PathVariable String lgCode,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return parameters.all(at == null ? LocalDate.now() : at).stream().map(ParameterView::of).toList();
    }

    @GetMapping("/api/v1/municipalities/{lgCode}/parameters/{key}")
    @PreAuthorize("hasAuthority('" + Permissions.PARAMETER_READ + "')")
    public ParameterView one(@PathVariable String lgCode, @PathVariable String key,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return ParameterView.of(parameters.get(key, at == null ? LocalDate.now() : at));
    }

    @GetMapping("/api/v1/municipalities/{lgCode}/parameters/{key}/history")
    @PreAuthorize("hasAuthority('" + Permissions.PARAMETER_READ + "')")
    public List<ParameterRevision> history(@PathVariable String lgCode, @PathVariable String key) {
        return parameters.history(key);
    }

    @PutMapping("/api/v1/municipalities/{lgCode}/parameters/{key}")
    @PreAuthorize("hasAuthority('" + Permissions.PARAMETER_WRITE + "')")
    @Operation(summary = "Set a parameter's value from a date (appends a revision; audited)")
    public ParameterView change(@PathVariable String lgCode, @PathVariable String key,
                                @Valid @RequestBody ChangeRequest request) {
        boolean standard = Boolean.TRUE.equals(request.standard());
        boolean hasValue = request.value() != null && !request.value().isNull();
        if (standard == hasValue) {
            throw new InvalidValueException("value-or-standard", "value（新しい値）か standard: true（標準値に戻す）のどちらか一方を指定してください。");
        }
        Object value = standard ? null : ParameterJson.toJava(request.value());
        return ParameterView.of(parameters.change(key, new ParameterChange(value, request.validFrom(), request.reason())));
    }

    /** The customization report as the API shows it. */
    public record ReportView(String lgCode, LocalDate at, int parameters, int deviating,
                             Map<ParameterClass, CustomizationReport.ClassCount> byClass, BigDecimal customizationRate,
                             BigDecimal fitRate, List<ParameterView> deviations) {
    }

    @GetMapping("/api/v1/municipalities/{lgCode}/customization-report")
    @PreAuthorize("hasAuthority('" + Permissions.PARAMETER_READ + "')")
    @Operation(summary = "Which values deviate from the standard, by class, and the resulting rate")
    public ReportView report(@PathVariable String lgCode,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        CustomizationReport r = parameters.customizationReport(at == null ? LocalDate.now() : at);
        return new ReportView(r.lgCode(), r.at(), r.parameters(), r.deviating(), r.byClass(), r.customizationRate(),
                r.fitRate(), r.deviations().stream().map(ParameterView::of).toList());
    }
}

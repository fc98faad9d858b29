package org.kiban.tenancy.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kiban.common.LgCode;
import org.kiban.platform.Permissions;
import org.kiban.platform.ProblemException;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.LocalGovernmentKind;
import org.kiban.tenancy.Municipalities;
import org.kiban.tenancy.Tenants;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The list of Japanese local governments (reference data, readable by every signed-in user). */
@RestController
@Tag(name = "municipalities", description = "地方公共団体一覧")
public class MunicipalityController {

    static final String SOURCE = "出典：総務省 全国地方公共団体コード（令和6年1月1日現在）を加工して作成。"
            + "人口・世帯数：総務省 住民基本台帳に基づく人口、人口動態及び世帯数（令和4年1月1日現在）";

    private final Municipalities municipalities;
    private final Tenants tenants;

    MunicipalityController(Municipalities municipalities, Tenants tenants) {
        this.municipalities = municipalities;
        this.tenants = tenants;
    }

    @GetMapping("/api/v1/municipalities")
    @PreAuthorize("hasAuthority('" + Permissions.MUNICIPALITY_READ + "')")
    @Operation(summary = "Search local governments; without 'kind', municipalities and wards (no prefectures)")
    public List<Map<String, Object>> search(
            @Parameter(description = "prefecture: 2-digit code (13), 6-digit code (130001) or name (東京都)")
            @RequestParam(required = false) String prefecture,
            @RequestParam(required = false) List<LocalGovernmentKind> kind,
            @Parameter(description = "start of the name (異体字 folded)") @RequestParam(required = false) String name,
            @Parameter(description = "start of the reading, hiragana or katakana") @RequestParam(required = false) String kana) {
        String prefectureCode = prefecture == null || prefecture.isBlank() ? null : prefectureCode(prefecture.trim());
        return municipalities.search(new Municipalities.Query(prefectureCode, kind, name, kana)).stream()
                .map(this::summary).toList();
    }

    @GetMapping("/api/v1/municipalities/{lgCode}")
    @PreAuthorize("hasAuthority('" + Permissions.MUNICIPALITY_READ + "')")
    @Operation(summary = "One local government with its wards, population facts and tenant state")
    public Map<String, Object> get(@PathVariable String lgCode) {
        LgCode code = LgCode.of(lgCode);
        LocalGovernment lg = municipalities.find(code.value())
                .orElseThrow(() -> ProblemException.notFound("団体", code.value()));
        Map<String, Object> m = summary(lg);
        m.put("prefecture", municipalities.find(LgCode.fromFiveDigits(lg.prefectureCode() + "000").value())
                .map(LocalGovernment::name).orElse(null));
        if (lg.parentLgCode() != null) {
            m.put("city", municipalities.find(lg.parentLgCode()).map(this::summary).orElse(null));
        }
        if (lg.kind() == LocalGovernmentKind.DESIGNATED_CITY) {
            m.put("wards", municipalities.wardsOf(lg.lgCode()).stream().map(this::summary).toList());
        }
        if (lg.population() != null) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("population", lg.population());
            facts.put("households", lg.households());
            facts.put("asOf", lg.populationDate());
            facts.put("livingCostGrade", lg.livingCostGrade());
            facts.put("source", SOURCE);
            m.put("facts", facts);
        }
        tenants.find(lg.lgCode()).ifPresent(t -> m.put("tenantState", t.state().name()));
        return m;
    }

    private Map<String, Object> summary(LocalGovernment lg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lgCode", lg.lgCode());
        m.put("name", lg.name());
        m.put("kana", lg.kana());
        m.put("kind", lg.kind().name());
        m.put("kindLabel", lg.kind().label());
        m.put("prefectureCode", lg.prefectureCode());
        if (lg.parentLgCode() != null) {
            m.put("parentLgCode", lg.parentLgCode());
        }
        return m;
    }

    private String prefectureCode(String prefecture) {
        if (prefecture.matches("\\d{1,2}")) {
            String code = prefecture.length() == 1 ? "0" + prefecture : prefecture;
            int n = Integer.parseInt(code);
            if (n < 1 || n > 47) {
                throw ProblemException.badRequest("unknown-prefecture", prefecture);
            }
            return code;
        }
        if (prefecture.matches("\\d{6}")) {
            LocalGovernment lg = municipalities.find(LgCode.of(prefecture).value())
                    .filter(p -> p.kind() == LocalGovernmentKind.PREFECTURE)
                    .orElseThrow(() -> ProblemException.badRequest("unknown-prefecture", prefecture));
            return lg.prefectureCode();
        }
        List<LocalGovernment> byName = new ArrayList<>(municipalities.search(new Municipalities.Query(null,
                List.of(LocalGovernmentKind.PREFECTURE), prefecture, null)));
        byName.removeIf(p -> !p.name().equals(prefecture) && !p.name().startsWith(prefecture));
        if (byName.size() != 1) {
            throw ProblemException.badRequest("unknown-prefecture", prefecture);
        }
        return byName.get(0).prefectureCode();
    }
}

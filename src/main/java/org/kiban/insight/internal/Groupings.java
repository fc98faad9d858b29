package org.kiban.insight.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.kiban.common.InvalidValueException;
import org.kiban.common.LgCode;
import org.kiban.tenancy.LocalGovernment;
import org.kiban.tenancy.LocalGovernmentKind;
import org.kiban.tenancy.Municipalities;
import org.springframework.stereotype.Service;

/** The grouping advisor on the list of municipalities and the known contract ends. */
@Service
public class Groupings {

    private final Municipalities municipalities;
    private final OnboardingPlans plans;

    Groupings(Municipalities municipalities, OnboardingPlans plans) {
        this.municipalities = municipalities;
        this.plans = plans;
    }

    /**
     * @param scope      a 2-digit prefecture code, a {@link Region} name, or null/empty for the whole country
     * @param bounds     population bands (POPULATION)
     * @param maxMembers largest group (AREA), or null
     */
    public List<GroupingAdvisor.Group> suggest(GroupingAdvisor.Method method, String scope, List<Integer> bounds,
                                               Integer maxMembers) {
        List<LocalGovernment> in = candidatesIn(scope);
        Map<String, LocalDate> renewals = plans.renewalDates();
        List<GroupingAdvisor.Candidate> candidates = in.stream()
                .map(lg -> new GroupingAdvisor.Candidate(lg, renewals.get(lg.lgCode()))).toList();
        try {
            return method == GroupingAdvisor.Method.AREA
                    ? GroupingAdvisor.byArea(candidates, this::prefectureName, maxMembers)
                    : GroupingAdvisor.byPopulation(candidates, bounds);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("invalid-grouping", "人口の区切りは昇順に、最大団体数は1以上で指定してください。");
        }
    }

    public String prefectureName(String prefectureCode) {
        return municipalities.find(LgCode.fromFiveDigits(prefectureCode + "000").value()).map(LocalGovernment::name)
                .orElse(prefectureCode);
    }

    /** A label for a scope: a prefecture's or region's name, or 全国. */
    public String scopeLabel(String scope) {
        if (scope == null || scope.isBlank()) {
            return "全国";
        }
        if (scope.matches("\\d{2}")) {
            return prefectureName(scope);
        }
        return Region.valueOf(scope).label();
    }

    private List<LocalGovernment> candidatesIn(String scope) {
        List<LocalGovernment> all = municipalities.search(new Municipalities.Query(
                scope != null && scope.matches("\\d{2}") ? scope : null, List.of(), null, null)).stream()
                .filter(lg -> lg.kind().isMunicipality() && lg.kind() != LocalGovernmentKind.PREFECTURE).toList();
        if (scope == null || scope.isBlank() || scope.matches("\\d{2}")) {
            if (scope != null && scope.matches("\\d{2}") && all.isEmpty()) {
                throw new InvalidValueException("invalid-scope", "範囲には都道府県コード（01〜47）か地方を指定してください。");
            }
            return all;
        }
        Region region;
        try {
            region = Region.valueOf(scope);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("invalid-scope", "範囲には都道府県コード（01〜47）か地方を指定してください。");
        }
        return all.stream().filter(lg -> region.contains(lg.prefectureCode())).toList();
    }
}

package org.kiban.insight.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.kiban.tenancy.LocalGovernment;

/**
 * Suggests groups for joint use from the municipality facts, the two ways the policy debated: by population
 * size (municipalities of a size have the same workload and options) or by area (neighbours share a prefecture's
 * or a region's institutions and can help each other). Plain Java.
 */
public final class GroupingAdvisor {

    /** Default population bands: under 10,000; 10,000–49,999; 50,000–199,999; 200,000 and more. */
    public static final List<Integer> DEFAULT_BOUNDS = List.of(10_000, 50_000, 200_000);

    private GroupingAdvisor() {
    }

    public enum Method {
        /** Bands of population. */
        POPULATION("人口規模別"),
        /** Prefectures (scope: a region or the country) — with a maximum size, a prefecture's chunks in code order. */
        AREA("地域別");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A member with its contract end (null: unknown). */
    public record Candidate(LocalGovernment municipality, LocalDate renewalDate) {
    }

    /**
     * A suggested group.
     *
     * @param earliestRenewal earliest known contract end, or null
     * @param latestRenewal   latest known contract end, or null
     * @param knownRenewals   members whose contract end is known
     */
    public record Group(String name, List<Candidate> members, long population, long households,
                        LocalDate earliestRenewal, LocalDate latestRenewal, int knownRenewals) {

        static Group of(String name, List<Candidate> members) {
            List<LocalDate> renewals = members.stream().map(Candidate::renewalDate).filter(Objects::nonNull).sorted().toList();
            return new Group(name, List.copyOf(members),
                    members.stream().mapToLong(c -> value(c.municipality().population())).sum(),
                    members.stream().mapToLong(c -> value(c.municipality().households())).sum(),
                    renewals.isEmpty() ? null : renewals.get(0), renewals.isEmpty() ? null : renewals.get(renewals.size() - 1),
                    renewals.size());
        }

        private static long value(Integer n) {
            return n == null ? 0 : n;
        }
    }

    /** Groups by population band; {@code bounds} ascending, each the first population of the next band. */
    public static List<Group> byPopulation(List<Candidate> candidates, List<Integer> bounds) {
        List<Integer> b = bounds == null || bounds.isEmpty() ? DEFAULT_BOUNDS : bounds;
        for (int i = 1; i < b.size(); i++) {
            if (b.get(i) <= b.get(i - 1)) {
                throw new IllegalArgumentException("bounds must be ascending");
            }
        }
        Map<Integer, List<Candidate>> bands = new LinkedHashMap<>();
        for (int i = 0; i <= b.size(); i++) {
            bands.put(i, new ArrayList<>());
        }
        for (Candidate c : sorted(candidates)) {
            int pop = c.municipality().population() == null ? 0 : c.municipality().population();
            int band = 0;
            while (band < b.size() && pop >= b.get(band)) {
                band++;
            }
            bands.get(band).add(c);
        }
        List<Group> out = new ArrayList<>();
        bands.forEach((i, members) -> {
            if (!members.isEmpty()) {
                out.add(Group.of(bandName(b, i), members));
            }
        });
        return out;
    }

    static String bandName(List<Integer> bounds, int i) {
        if (i == 0) {
            return "人口 %,d 人未満".formatted(bounds.get(0));
        }
        if (i == bounds.size()) {
            return "人口 %,d 人以上".formatted(bounds.get(i - 1));
        }
        return "人口 %,d〜%,d 人".formatted(bounds.get(i - 1), bounds.get(i) - 1);
    }

    /**
     * Groups by area: one group per prefecture ({@code prefectureNames} gives their names), split into chunks of at
     * most {@code maxMembers} in code order when given (codes run by 郡, so a chunk keeps neighbours together
     * as far as the code list does).
     */
    public static List<Group> byArea(List<Candidate> candidates, Function<String, String> prefectureNames, Integer maxMembers) {
        if (maxMembers != null && maxMembers < 1) {
            throw new IllegalArgumentException("maxMembers must be positive");
        }
        Map<String, List<Candidate>> byPrefecture = new LinkedHashMap<>();
        for (Candidate c : sorted(candidates)) {
            byPrefecture.computeIfAbsent(c.municipality().prefectureCode(), k -> new ArrayList<>()).add(c);
        }
        List<Group> out = new ArrayList<>();
        byPrefecture.forEach((pref, members) -> {
            String name = prefectureNames.apply(pref);
            if (maxMembers == null || members.size() <= maxMembers) {
                out.add(Group.of(name, members));
                return;
            }
            int chunks = (members.size() + maxMembers - 1) / maxMembers;
            // Even chunks: 17 members with at most 8 → 6, 6, 5 rather than 8, 8, 1.
            int base = members.size() / chunks;
            int extra = members.size() % chunks;
            int from = 0;
            for (int i = 0; i < chunks; i++) {
                int size = base + (i < extra ? 1 : 0);
                out.add(Group.of(name + " " + (i + 1), members.subList(from, from + size)));
                from += size;
            }
        });
        return out;
    }

    private static List<Candidate> sorted(List<Candidate> candidates) {
        return candidates.stream().sorted(Comparator.comparing(c -> c.municipality().lgCode())).toList();
    }
}

package org.kiban.insight.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.kiban.tenancy.TenantState;

/**
 * The rules of a rolling onboarding (五月雨方式): each member goes live when its old system's contract ends, no more
 * members in one month than the group can take (monthly capacity), and not in a busy season ({@link BusySeason}).
 * Plain Java, no Spring: {@link #warnings} checks a plan, {@link #propose} proposes one.
 */
public final class RollingOnboardingSchedule {

    /** How far past a deadline the proposal looks for a free month. */
    static final int SEARCH_MONTHS = 36;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu年M月");

    private RollingOnboardingSchedule() {
    }

    /** How a proposed go-live relates to the member's deadline. */
    public enum Fit {
        /** In time and outside the busy seasons. */
        ON_TIME("期限内"),
        /** In time, but only a busy month had room. */
        BUSY_SEASON("期限内（繁忙期）"),
        /** No room before the deadline: the old contract must be extended. */
        LATE("契約延長が必要");

        private final String label;

        Fit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One member's proposed go-live (the first day of {@code month}).
     *
     * @param deadline the last month in time, see {@link OnboardingMember#deadline()}
     */
    public record ProposedGoLive(String lgCode, String name, YearMonth deadline, YearMonth month, Fit fit) {

        public LocalDate goLive() {
            return month.atDay(1);
        }
    }

    /**
     * @param goLives     proposed go-lives, by month then code
     * @param unscheduled members that could not be placed (contract end unknown)
     * @param load        go-lives per month: already live or fixed, plus proposed
     */
    public record Proposal(List<ProposedGoLive> goLives, List<String> unscheduled, Map<YearMonth, Integer> load) {
    }

    /** The go-lives that count against a month's capacity: every member's but an exited one's. */
    public static Map<YearMonth, List<OnboardingMember>> goLivesByMonth(List<OnboardingMember> members) {
        return members.stream().filter(m -> m.goLive() != null && !m.exited())
                .collect(Collectors.groupingBy(OnboardingMember::goLiveMonth, TreeMap::new, Collectors.toList()));
    }

    /** Checks a plan: capacity per month, busy seasons, contract ends and rehearsals of the planned go-lives. */
    public static List<OnboardingWarning> warnings(List<OnboardingMember> members, int monthlyCapacity) {
        List<OnboardingWarning> out = new ArrayList<>();
        goLivesByMonth(members).forEach((month, inMonth) -> {
            if (inMonth.size() > monthlyCapacity && inMonth.stream().anyMatch(m -> !m.live())) {
                out.add(new OnboardingWarning(OnboardingWarning.Kind.OVER_CAPACITY, month, codes(inMonth),
                        "%sに%d団体が本稼働予定です（月あたりの上限 %d 団体）：%s".formatted(MONTH.format(month),
                                inMonth.size(), monthlyCapacity, names(inMonth))));
            }
        });
        for (OnboardingMember m : members) {
            if (m.live()) {
                continue;
            }
            if (m.renewalDate() == null) {
                out.add(new OnboardingWarning(OnboardingWarning.Kind.NO_RENEWAL_DATE, null, List.of(m.lgCode()),
                        m.name() + "：現行システムの契約満了日が未登録です。"));
            }
            if (m.goLive() == null) {
                continue;
            }
            YearMonth month = m.goLiveMonth();
            for (BusySeason season : BusySeason.of(month)) {
                OnboardingWarning.Kind kind = season == BusySeason.TAX_SEASON
                        ? OnboardingWarning.Kind.TAX_SEASON : OnboardingWarning.Kind.MOVING_SEASON;
                out.add(new OnboardingWarning(kind, month, List.of(m.lgCode()),
                        "%s：本稼働予定日 %s は%sです。".formatted(m.name(), m.goLive(), season.label())));
            }
            if (m.deadline() != null && month.isAfter(m.deadline())) {
                out.add(new OnboardingWarning(OnboardingWarning.Kind.AFTER_CONTRACT_END, month, List.of(m.lgCode()),
                        "%s：本稼働予定日 %s は現行契約の満了日 %s より後です（契約延長が必要）。"
                                .formatted(m.name(), m.goLive(), m.renewalDate())));
            }
            if (!m.rehearsedBefore(m.goLive())) {
                out.add(new OnboardingWarning(OnboardingWarning.Kind.NO_SUCCESSFUL_REHEARSAL, month, List.of(m.lgCode()),
                        "%s：本稼働予定日 %s より前に成功した移行リハーサルがありません。".formatted(m.name(), m.goLive())));
            }
        }
        return out;
    }

    /**
     * Proposes a go-live month for every member not yet live (PLANNED tenants and municipalities that are not
     * tenants yet). Live members and MIGRATING members with a planned go-live are fixed and use up capacity.
     * Members are placed latest deadline first, each in the latest month up to its deadline (and not before
     * {@code earliest}) that has room and is outside the busy seasons; failing that, the latest such month in a busy
     * season; failing that, the first month after the deadline with room, preferring one outside the busy seasons.
     * Going live as late as allowed keeps the old and the new system from running (and being paid for) side by side.
     */
    public static Proposal propose(List<OnboardingMember> members, int monthlyCapacity, YearMonth earliest) {
        if (monthlyCapacity < 1) {
            throw new IllegalArgumentException("monthly capacity must be at least 1");
        }
        Map<YearMonth, Integer> load = new TreeMap<>();
        List<OnboardingMember> open = new ArrayList<>();
        List<String> unscheduled = new ArrayList<>();
        for (OnboardingMember m : members) {
            if (m.exited()) {
                continue;
            }
            boolean fixed = m.live() || (m.state() == TenantState.MIGRATING && m.goLive() != null);
            if (fixed) {
                if (m.goLive() != null) {
                    load.merge(m.goLiveMonth(), 1, Integer::sum);
                }
            } else if (m.renewalDate() == null) {
                unscheduled.add(m.lgCode());
            } else {
                open.add(m);
            }
        }
        open.sort(Comparator.comparing(OnboardingMember::deadline).reversed().thenComparing(OnboardingMember::lgCode));
        List<ProposedGoLive> out = new ArrayList<>();
        for (OnboardingMember m : open) {
            YearMonth deadline = m.deadline();
            YearMonth chosen = null;
            Fit fit = null;
            for (boolean allowBusy : new boolean[] {false, true}) {
                for (YearMonth month = deadline; chosen == null && !month.isBefore(earliest); month = month.minusMonths(1)) {
                    if (room(load, month, monthlyCapacity) && (allowBusy || !BusySeason.isBusy(month))) {
                        chosen = month;
                        fit = allowBusy ? Fit.BUSY_SEASON : Fit.ON_TIME;
                    }
                }
            }
            if (chosen == null) {
                YearMonth from = deadline.isBefore(earliest) ? earliest : deadline.plusMonths(1);
                YearMonth busyFallback = null;
                for (int i = 0; i < SEARCH_MONTHS && chosen == null; i++) {
                    YearMonth month = from.plusMonths(i);
                    if (room(load, month, monthlyCapacity)) {
                        if (!BusySeason.isBusy(month)) {
                            chosen = month;
                        } else if (busyFallback == null) {
                            busyFallback = month;
                        }
                    }
                }
                chosen = chosen != null ? chosen : busyFallback;
                fit = Fit.LATE;
            }
            if (chosen == null) {
                unscheduled.add(m.lgCode());
                continue;
            }
            load.merge(chosen, 1, Integer::sum);
            out.add(new ProposedGoLive(m.lgCode(), m.name(), deadline, chosen, fit));
        }
        out.sort(Comparator.comparing(ProposedGoLive::month).thenComparing(ProposedGoLive::lgCode));
        return new Proposal(out, unscheduled, load);
    }

    private static boolean room(Map<YearMonth, Integer> load, YearMonth month, int capacity) {
        return load.getOrDefault(month, 0) < capacity;
    }

    private static List<String> codes(List<OnboardingMember> members) {
        return members.stream().map(OnboardingMember::lgCode).toList();
    }

    private static String names(List<OnboardingMember> members) {
        return members.stream().map(OnboardingMember::name).collect(Collectors.joining("、"));
    }
}

package org.kiban.insight.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Solo vs joint cost over N years (docs/insight/cost-model.md). Per year y = 1…N, with M members:
 * <pre>
 *   solo(y)  = M × (yearly + lawChange + fteSolo × staffCost) + [y = 1] M × (initial + migration) × (1 − soloGrant)
 *   joint(y) = jointYearly + jointLawChange + M × fteJoint × staffCost
 *              + [y = 1] (jointInitial + M × jointMigration) × (1 − jointGrant)
 * </pre>
 * A member's share of the joint costs: its own migration and staff, plus the shared costs (initial after grant,
 * yearly, law change) × (α / M + (1 − α) × population / total population), α = equal share ratio.
 * Yen amounts are rounded half up to the yen at the end of each figure. Plain Java.
 */
public final class CostModel {

    private CostModel() {
    }

    /** One year's totals for all members. */
    public record Year(int year, long solo, long joint, long saving, long cumulativeSaving) {
    }

    /** One member's N-year totals. */
    public record MemberResult(String lgCode, String name, long population, BigDecimal share, long solo, long joint,
                               long saving) {
    }

    public record Result(CostAssumptions assumptions, List<Year> years, List<MemberResult> members, long soloTotal,
                         long jointTotal, long saving, BigDecimal savingRate) {
    }

    public static Result simulate(CostAssumptions a) {
        validate(a);
        BigDecimal m = BigDecimal.valueOf(a.members().size());
        BigDecimal staffCost = BigDecimal.valueOf(a.staffCostPerFte());
        BigDecimal soloRunning = m.multiply(BigDecimal.valueOf(a.soloYearlyPerMember() + a.soloLawChangePerMemberPerYear())
                .add(a.soloStaffFtePerMember().multiply(staffCost)));
        BigDecimal soloFirst = m.multiply(BigDecimal.valueOf(a.soloInitialPerMember() + a.soloMigrationPerMember()))
                .multiply(BigDecimal.ONE.subtract(a.soloGrantRate()));
        BigDecimal jointRunning = BigDecimal.valueOf(a.jointYearlyTotal() + a.jointLawChangeTotalPerYear())
                .add(m.multiply(a.jointStaffFtePerMember()).multiply(staffCost));
        BigDecimal jointFirst = BigDecimal.valueOf(a.jointInitialTotal())
                .add(m.multiply(BigDecimal.valueOf(a.jointMigrationPerMember())))
                .multiply(BigDecimal.ONE.subtract(a.jointGrantRate()));
        List<Year> years = new ArrayList<>();
        long cumulative = 0;
        long soloTotal = 0;
        long jointTotal = 0;
        for (int y = 1; y <= a.years(); y++) {
            long solo = yen(y == 1 ? soloRunning.add(soloFirst) : soloRunning);
            long joint = yen(y == 1 ? jointRunning.add(jointFirst) : jointRunning);
            cumulative += solo - joint;
            soloTotal += solo;
            jointTotal += joint;
            years.add(new Year(y, solo, joint, solo - joint, cumulative));
        }
        return new Result(a, years, members(a), soloTotal, jointTotal, soloTotal - jointTotal,
                soloTotal == 0 ? BigDecimal.ZERO
                        : BigDecimal.valueOf(soloTotal - jointTotal).divide(BigDecimal.valueOf(soloTotal), 4, RoundingMode.HALF_UP));
    }

    private static List<MemberResult> members(CostAssumptions a) {
        BigDecimal n = BigDecimal.valueOf(a.years());
        BigDecimal m = BigDecimal.valueOf(a.members().size());
        BigDecimal staffCost = BigDecimal.valueOf(a.staffCostPerFte());
        long totalPopulation = a.members().stream().mapToLong(CostAssumptions.Member::population).sum();
        BigDecimal sharedOverYears = BigDecimal.valueOf(a.jointInitialTotal()).multiply(BigDecimal.ONE.subtract(a.jointGrantRate()))
                .add(n.multiply(BigDecimal.valueOf(a.jointYearlyTotal() + a.jointLawChangeTotalPerYear())));
        BigDecimal ownJoint = BigDecimal.valueOf(a.jointMigrationPerMember()).multiply(BigDecimal.ONE.subtract(a.jointGrantRate()))
                .add(n.multiply(a.jointStaffFtePerMember()).multiply(staffCost));
        long solo = yen(BigDecimal.valueOf(a.soloInitialPerMember() + a.soloMigrationPerMember())
                .multiply(BigDecimal.ONE.subtract(a.soloGrantRate()))
                .add(n.multiply(BigDecimal.valueOf(a.soloYearlyPerMember() + a.soloLawChangePerMemberPerYear())
                        .add(a.soloStaffFtePerMember().multiply(staffCost)))));
        List<MemberResult> out = new ArrayList<>();
        for (CostAssumptions.Member member : a.members()) {
            BigDecimal share = a.equalShareRatio().divide(m, 10, RoundingMode.HALF_UP);
            if (totalPopulation > 0) {
                share = share.add(BigDecimal.ONE.subtract(a.equalShareRatio()).multiply(BigDecimal.valueOf(member.population()))
                        .divide(BigDecimal.valueOf(totalPopulation), 10, RoundingMode.HALF_UP));
            } else {
                share = BigDecimal.ONE.divide(m, 10, RoundingMode.HALF_UP);
            }
            long joint = yen(sharedOverYears.multiply(share).add(ownJoint));
            out.add(new MemberResult(member.lgCode(), member.name(), member.population(),
                    share.setScale(4, RoundingMode.HALF_UP), solo, joint, solo - joint));
        }
        return out;
    }

    private static long yen(BigDecimal amount) {
        return amount.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Checks the assumptions; the message is Japanese, for the screens and problem documents. */
    public static void validate(CostAssumptions a) {
        List<String> errors = new ArrayList<>();
        if (a.years() < 1 || a.years() > 20) {
            errors.add("年数は1〜20年で指定してください。");
        }
        if (a.members() == null || a.members().isEmpty()) {
            errors.add("参加団体を1つ以上指定してください。");
        } else if (a.members().stream().anyMatch(x -> x.population() < 0)) {
            errors.add("人口に負の値は指定できません。");
        }
        long[] amounts = {a.soloInitialPerMember(), a.soloMigrationPerMember(), a.soloYearlyPerMember(),
                a.soloLawChangePerMemberPerYear(), a.jointInitialTotal(), a.jointMigrationPerMember(), a.jointYearlyTotal(),
                a.jointLawChangeTotalPerYear(), a.staffCostPerFte()};
        for (long amount : amounts) {
            if (amount < 0 || amount > 1_000_000_000_000L) {
                errors.add("金額は0〜1兆円で指定してください。");
                break;
            }
        }
        for (BigDecimal fte : new BigDecimal[] {a.soloStaffFtePerMember(), a.jointStaffFtePerMember()}) {
            if (fte == null || fte.signum() < 0 || fte.compareTo(BigDecimal.valueOf(1000)) > 0) {
                errors.add("職員数（人工）は0〜1000で指定してください。");
                break;
            }
        }
        for (BigDecimal rate : new BigDecimal[] {a.soloGrantRate(), a.jointGrantRate(), a.equalShareRatio()}) {
            if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                errors.add("交付税措置率・均等割の割合は0〜1で指定してください。");
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw new org.kiban.common.InvalidValueException("invalid-cost-assumptions", String.join(" ", errors));
        }
    }
}

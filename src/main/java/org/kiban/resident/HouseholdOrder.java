package org.kiban.resident;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The order of a household's members on the 住民票 (住民記録システム標準仕様書 §5.2, standards.md §1.8):
 * <ol>
 * <li>世帯主, then the spouse, then the head's children by birth date;</li>
 * <li>the families of the head's children, by the child's birth date: 子の配偶者, then 子の子;</li>
 * <li>父母, then 兄弟姉妹 by birth date, then 祖父母;</li>
 * <li>other relatives (the spouse's included), 縁故者, 同居人.</li>
 * </ol>
 * Within a group by birth date, then 宛名番号. It applies when a household is formed; members who join later are
 * appended at the end, and a manual order, once set, is kept (§5.2). Two simplifications, to be set by hand when
 * they matter: 父母 go by birth date (the rule puts the 筆頭者 first, which needs the 戸籍), and the spouses and
 * children of the head's children form one group after the head's children (the 続柄 子の子 does not say whose
 * child it is, so families cannot be told apart).
 */
public final class HouseholdOrder {

    /** What the order needs to know of a member. */
    public record Member(String atenaNo, String relationship, String birthSort) {
    }

    private static final Set<String> SPOUSE = Set.of("夫", "妻", "夫（未届）", "妻（未届）");
    private static final Set<String> CHILD = Set.of("子", "子（子の夫）", "子（子の妻）");
    private static final Set<String> CHILDS_SPOUSE = Set.of("子の夫", "子の妻", "子の夫（未届）", "子の妻（未届）");
    private static final Set<String> PARENT = Set.of("父", "母");
    private static final Set<String> SIBLING = Set.of("兄", "姉", "弟", "妹");
    private static final Set<String> GRANDPARENT = Set.of("父の父", "父の母", "母の父", "母の母");

    private HouseholdOrder() {
    }

    /** Rank and sub-rank of a 続柄 in the order above; lower comes first. */
    static int rank(String relationship) {
        if (relationship == null) {
            return 90;
        }
        if (Relationship.HEAD.equals(relationship)) {
            return 10;
        }
        if (SPOUSE.contains(relationship)) {
            return 11;
        }
        if (CHILD.contains(relationship)) {
            return 12;
        }
        if (CHILDS_SPOUSE.contains(relationship)) {
            return 20;
        }
        if (relationship.startsWith("子の子")) {
            return 21;
        }
        if (PARENT.contains(relationship)) {
            return 30;
        }
        if (SIBLING.contains(relationship)) {
            return 31;
        }
        if (GRANDPARENT.contains(relationship)) {
            return 32;
        }
        if (Relationship.RELATIVE_BY_CIRCUMSTANCE.equals(relationship)) {
            return 41;
        }
        if (Relationship.LODGER.equals(relationship)) {
            return 42;
        }
        return 40;
    }

    /** The members in the standard order. */
    public static List<Member> standardOrder(List<Member> members) {
        return members.stream()
                .sorted(Comparator.comparingInt((Member m) -> rank(m.relationship()))
                        .thenComparing(Member::birthSort)
                        .thenComparing(Member::atenaNo))
                .toList();
    }
}

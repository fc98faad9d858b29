package org.kiban.insight.internal;

import java.util.List;

/**
 * A group of municipalities planned together.
 *
 * @param groupId         stable id (lower case, digits, hyphens)
 * @param name            e.g. 福井県 or 嶺北14町村
 * @param kind            a prefecture's municipalities, or a custom list
 * @param prefectureCode  for a prefecture group, its 2-digit code
 * @param monthlyCapacity go-lives the group's operator can carry in one month
 * @param members         member codes, in code order
 */
public record OnboardingGroup(String groupId, String name, Kind kind, String prefectureCode, int monthlyCapacity,
                              List<String> members) {

    public enum Kind {
        PREFECTURE("都道府県"), CUSTOM("任意のグループ");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

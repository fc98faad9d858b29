package org.kiban.insight.internal;

import java.time.YearMonth;
import java.util.List;

/**
 * Something in an onboarding plan the group should look at.
 *
 * @param kind    which rule
 * @param month   the month concerned, or null
 * @param lgCodes the members concerned
 * @param message Japanese text for the screens
 */
public record OnboardingWarning(Kind kind, YearMonth month, List<String> lgCodes, String message) {

    public enum Kind {
        /** More go-lives in one month than the group's monthly capacity. */
        OVER_CAPACITY,
        /** A planned go-live in the 個人住民税 当初課税 season. */
        TAX_SEASON,
        /** A planned go-live in the March–April moving season. */
        MOVING_SEASON,
        /** A planned go-live after the old contract ends: the contract must be extended. */
        AFTER_CONTRACT_END,
        /** A planned go-live with no successful rehearsal before it. */
        NO_SUCCESSFUL_REHEARSAL,
        /** A member that is not live and whose contract end is unknown. */
        NO_RENEWAL_DATE
    }
}

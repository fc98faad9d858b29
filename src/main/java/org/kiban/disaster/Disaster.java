package org.kiban.disaster;

import java.time.LocalDate;

/**
 * A disaster declared by the affected municipality.
 *
 * @param lgCode      the affected municipality
 * @param disasterNo  its number there
 * @param name        e.g. 令和8年11月豪雨
 * @param kind        地震・風水害・… (free text of the declaration)
 * @param occurredOn  when it struck (printed as the 罹災原因's date)
 * @param agreementNo the agreement under which the other parties may help, or null
 * @param aidFrom     first day they may act
 * @param aidUntil    last day they may act
 */
public record Disaster(String lgCode, int disasterNo, String name, String kind, LocalDate occurredOn,
                       String agreementNo, LocalDate aidFrom, LocalDate aidUntil) {
}

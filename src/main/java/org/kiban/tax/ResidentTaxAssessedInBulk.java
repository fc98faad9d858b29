package org.kiban.tax;

import java.util.List;

/**
 * A chunk of the annual 当初賦課 (a whole city is published in chunks of a few thousand): the same facts as one
 * {@link ResidentTaxAssessed} per person, in one outbox entry. A 更正 is still published person by person as
 * {@link ResidentTaxAssessed}. Consumers must treat each entry exactly as that event.
 *
 * @param lgCode      the assessing municipality
 * @param taxYear     the 年度 (2026 = 令和8年度)
 * @param reason      why these versions were made (当初賦課)
 * @param assessments one entry per person, in registry order
 */
public record ResidentTaxAssessedInBulk(String lgCode, int taxYear, String reason, List<Entry> assessments) {

    /** One person's facts; see {@link ResidentTaxAssessed} for the meaning of each. */
    public record Entry(String atenaNo, int version, boolean perCapitaLevied, boolean incomeLevyLevied,
                        long totalIncome, long publicPensionRevenue, long publicPensionIncome) {
    }

    /** The per-person events this chunk stands for. */
    public List<ResidentTaxAssessed> each() {
        return assessments.stream().map(e -> new ResidentTaxAssessed(lgCode, taxYear, e.atenaNo(), e.version(),
                e.perCapitaLevied(), e.incomeLevyLevied(), e.totalIncome(), e.publicPensionRevenue(),
                e.publicPensionIncome(), reason)).toList();
    }
}

package org.kiban.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Round-trip properties of {@link Wareki} and {@link ResidentDate} over the supported range 1873-01-01..2100-12-31. */
class WarekiProperties {

    @Provide
    Arbitrary<LocalDate> supportedDates() {
        return Arbitraries.longs()
                .between(LocalDate.of(1873, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay)
                .edgeCases(c -> c.add(LocalDate.of(2019, 5, 1), LocalDate.of(1989, 1, 7)));
    }

    @Property
    void parseOfFormatIsIdentity(@ForAll("supportedDates") LocalDate d) {
        assertThat(Wareki.parse(Wareki.format(d))).isEqualTo(d);
        assertThat(Wareki.parse(Wareki.formatShort(d))).isEqualTo(d);
        assertThat(Wareki.parse(d.toString())).isEqualTo(d);
    }

    @Property
    void fullWidthDigitsParseTheSame(@ForAll("supportedDates") LocalDate d) {
        assertThat(Wareki.parse(toFullWidth(Wareki.format(d)))).isEqualTo(d);
    }

    @Property
    void formatUsesTheEraThatContainsTheDate(@ForAll("supportedDates") LocalDate d) {
        JapaneseEra era = EraTable.standard().eraOf(d);
        assertThat(era.contains(d)).isTrue();
        assertThat(Wareki.format(d)).startsWith(era.name());
    }

    @Property
    void residentDateOfAnExactDateRoundTrips(@ForAll("supportedDates") LocalDate d) {
        ResidentDate r = ResidentDate.parse(Wareki.format(d));
        assertThat(r.kind()).isEqualTo(ResidentDate.Kind.EXACT);
        assertThat(r.toLocalDate()).contains(d);
        assertThat(r).isEqualTo(ResidentDate.of(d)).isEqualTo(ResidentDate.parse(r.display()));
        assertThat(r.sortKey()).isEqualTo(String.format(java.util.Locale.ROOT, "%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
    }

    static String toFullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
        }
        return sb.toString();
    }
}

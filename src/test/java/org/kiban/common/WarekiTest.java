package org.kiban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 和暦 conversion. Era boundaries are historical facts (改元: 1912-07-30 大正, 1926-12-25 昭和, 1989-01-08 平成,
 * 2019-05-01 令和); the boundary forms 明治45年7月30日 / 大正15年12月25日 come from standards.md §1.4
 * (住民記録標準仕様書 §1.1.8, P: j80).
 */
class WarekiTest {

    // standards.md §1.4 (§1.1.8): every era boundary, the last day of the old era and the first day of the new
    @ParameterizedTest
    @CsvSource({
            "2019-05-01, 令和元年5月1日, R1.5.1",
            "2019-04-30, 平成31年4月30日, H31.4.30",
            "1989-01-07, 昭和64年1月7日, S64.1.7",
            "1989-01-08, 平成元年1月8日, H1.1.8",
            "1912-07-29, 明治45年7月29日, M45.7.29",
            "1912-07-30, 大正元年7月30日, T1.7.30",
            "1926-12-24, 大正15年12月24日, T15.12.24",
            "1926-12-25, 昭和元年12月25日, S1.12.25",
            "1873-01-01, 明治6年1月1日, M6.1.1",
            "2020-10-01, 令和2年10月1日, R2.10.1",
            "2100-12-31, 令和82年12月31日, R82.12.31",
    })
    void formatsEraBoundaries(LocalDate date, String full, String shortForm) {
        assertThat(Wareki.format(date)).isEqualTo(full);
        assertThat(Wareki.formatShort(date)).isEqualTo(shortForm);
        assertThat(Wareki.parse(full)).isEqualTo(date);
        assertThat(Wareki.parse(shortForm)).isEqualTo(date);
    }

    @Test
    void dayBeforeEachEraStartIsInTheOldEraAndTheStartDayInTheNew() {
        // standards.md §1.4 (§1.1.8): 元号 boundaries
        List<JapaneseEra> eras = EraTable.standard().eras();
        for (int i = 1; i < eras.size(); i++) {
            JapaneseEra previous = eras.get(i - 1);
            JapaneseEra era = eras.get(i);
            assertThat(Wareki.format(era.start().minusDays(1))).startsWith(previous.name());
            assertThat(Wareki.format(era.start())).isEqualTo(era.name() + "元年" + era.start().getMonthValue() + "月"
                    + era.start().getDayOfMonth() + "日");
        }
        assertThat(eras).extracting(JapaneseEra::name).containsExactly("明治", "大正", "昭和", "平成", "令和");
        assertThat(eras).extracting(JapaneseEra::abbreviation).containsExactly("M", "T", "S", "H", "R");
    }

    @Test
    void everyDayFrom1873To2100RoundTrips() {
        // deterministic full range instead of random sampling (≈ 83,000 days)
        LocalDate end = LocalDate.of(2100, 12, 31);
        for (LocalDate d = LocalDate.of(1873, 1, 1); !d.isAfter(end); d = d.plusDays(1)) {
            String full = Wareki.format(d);
            if (!Wareki.parse(full).equals(d) || !Wareki.parse(Wareki.formatShort(d)).equals(d)) {
                throw new AssertionError("round trip failed for " + d + " / " + full);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
            "令和元年5月1日, 2019-05-01",
            "令和1年5月1日, 2019-05-01",
            "令和２年１０月１日, 2020-10-01",   // full-width digits
            "令和２年１〇月１日, 2020-10-01",   // 〇 (U+3007) as zero
            "令和 2年 10月 1日, 2020-10-01",   // spaces
            "R1.5.1, 2019-05-01",
            "R01.05.01, 2019-05-01",
            "r1.5.1, 2019-05-01",
            "Ｒ１．５．１, 2019-05-01",
            "H31.4.30, 2019-04-30",
            "H31/4/30, 2019-04-30",
            "S64.1.7, 1989-01-07",
            "T1.7.30, 1912-07-30",
            "M45.7.29, 1912-07-29",
            "2019-05-01, 2019-05-01",
            "2019/5/1, 2019-05-01",
            "2019.5.1, 2019-05-01",
            "2019年5月1日, 2019-05-01",
            "西暦2019年5月1日, 2019-05-01",
            "２０１９年５月１日, 2019-05-01",
            "20190501, 2019-05-01",
    })
    void parsesAcceptedForms(String text, LocalDate expected) {
        assertThat(Wareki.parse(text)).isEqualTo(expected);
    }

    @Test
    void boundaryFormsRequiredByTheStandardAreAccepted() {
        // standards.md §1.4 (§1.1.8): 明治45年7月30日 and 大正15年12月25日 must be accepted;
        // they are the same days as 大正元年7月30日 and 昭和元年12月25日
        assertThat(Wareki.parse("明治45年7月30日")).isEqualTo(LocalDate.of(1912, 7, 30)).isEqualTo(Wareki.parse("大正元年7月30日"));
        assertThat(Wareki.parse("大正15年12月25日")).isEqualTo(LocalDate.of(1926, 12, 25)).isEqualTo(Wareki.parse("昭和元年12月25日"));
        assertThat(Wareki.parse("M45.7.30")).isEqualTo(LocalDate.of(1912, 7, 30));
        // formatting uses the new era
        assertThat(Wareki.format(LocalDate.of(1912, 7, 30))).isEqualTo("大正元年7月30日");
        assertThat(EraTable.standard().boundaryForms()).containsExactly(
                new EraTable.BoundaryForm("明治", LocalDate.of(1912, 7, 30)),
                new EraTable.BoundaryForm("大正", LocalDate.of(1926, 12, 25)));
    }

    @ParameterizedTest
    @CsvSource({
            "平成31年5月1日, date-out-of-era",     // 平成 ended 2019-04-30
            "昭和65年1月1日, date-out-of-era",     // 昭和 ended 1989-01-07
            "昭和64年1月8日, date-out-of-era",     // no boundary form for 昭和/平成
            "平成元年1月7日, date-out-of-era",
            "令和元年4月30日, date-out-of-era",
            "明治45年7月31日, date-out-of-era",    // only 7月30日 is a boundary form
            "大正15年12月26日, date-out-of-era",
            "H31.5.1, date-out-of-era",
            "平成3年2月29日, invalid-date",        // not on the calendar: only ResidentDate accepts it
            "令和2年2月30日, invalid-date",
            "令和2年13月1日, invalid-date",
            "2019-02-29, invalid-date",
            "令和0年1月1日, invalid-date",
            "令和元年, invalid-date",
            "abc, invalid-date",
            "2019-05/01, invalid-date",
            "大化1年1月1日, unknown-era",
            "X1.1.1, unknown-era",
            "明治5年12月2日, date-out-of-range",   // lunisolar calendar, before 1873-01-01
            "1872-12-31, date-out-of-range",
    })
    void rejects(String text, String code) {
        assertThatThrownBy(() -> Wareki.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void messagesAreJapaneseAndSpecific() {
        assertThatThrownBy(() -> Wareki.parse("平成31年5月1日"))
                .hasMessage("平成31年5月1日は平成の期間外です（平成は1989年1月8日から2019年4月30日まで）。");
        assertThatThrownBy(() -> Wareki.parse("令和元年4月30日"))
                .hasMessage("令和元年4月30日は令和の期間外です（令和は2019年5月1日から）。");
        assertThatThrownBy(() -> Wareki.parse("平成3年2月29日")).hasMessage("平成3年2月29日は暦に存在しない日付です。");
        assertThatThrownBy(() -> Wareki.parse("1872-12-31"))
                .hasMessage("1873年1月1日（明治6年1月1日）より前の日付は扱えません。");
        assertThatThrownBy(() -> Wareki.parse(" "))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("required"));
    }

    @Test
    void formatRejectsDatesBeforeTheGregorianCalendar() {
        assertThatThrownBy(() -> Wareki.format(LocalDate.of(1872, 12, 31)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("date-out-of-range"));
    }

    @Test
    void aNewEraIsData() {
        // standards.md §1.4: 元号 changes must be possible by parameter (§1.1.8 / §1.3.6).
        // A hypothetical era 「新元」 (abbreviation N) starting 2040-02-01:
        EraTable table = EraTable.standard().withEra("新元", "N", LocalDate.of(2040, 2, 1));

        assertThat(Wareki.format(LocalDate.of(2040, 2, 1), table)).isEqualTo("新元元年2月1日");
        assertThat(Wareki.format(LocalDate.of(2040, 1, 31), table)).isEqualTo("令和22年1月31日");
        assertThat(Wareki.formatShort(LocalDate.of(2041, 3, 4), table)).isEqualTo("N2.3.4");
        assertThat(Wareki.parse("新元元年2月1日", table)).isEqualTo(LocalDate.of(2040, 2, 1));
        assertThat(Wareki.parse("N1.2.1", table)).isEqualTo(LocalDate.of(2040, 2, 1));
        assertThatThrownBy(() -> Wareki.parse("令和22年2月1日", table))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("date-out-of-era"));
        assertThat(table.findByName("令和").orElseThrow().end()).isEqualTo(LocalDate.of(2040, 1, 31));
        assertThat(table.currentEra().name()).isEqualTo("新元");

        // the standard table is unchanged
        assertThat(Wareki.format(LocalDate.of(2040, 2, 1))).isEqualTo("令和22年2月1日");
        assertThatThrownBy(() -> Wareki.parse("新元元年2月1日"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("unknown-era"));
    }

    @Test
    void eraTableRejectsInconsistentData() {
        EraTable standard = EraTable.standard();
        assertThatThrownBy(() -> standard.withEra("令和", "Z", LocalDate.of(2040, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> standard.withEra("新元", "R", LocalDate.of(2040, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> standard.withEra("新元", "N", LocalDate.of(2019, 5, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> standard.withBoundaryForm("昭和", LocalDate.of(1989, 1, 7)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JapaneseEra("令和", "RR", LocalDate.of(2019, 5, 1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package org.kiban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 住民記録 date of standards.md §1.4 (住民記録標準仕様書 §1.1.8, P: j80): real dates, dates not on the
 * calendar, 明治45年7月30日 / 大正15年12月25日, and the listed 不詳日 forms.
 * Sort keys follow the decisions documented on {@link ResidentDate} (unknown part 00, 春 03, 上旬 01, 中旬 11,
 * 下旬 21, 年月日不詳 last).
 */
class ResidentDateTest {

    // one case per 不詳日 form listed in standards.md §1.4 (§1.1.8), with 令和2年 = 2020
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "令和2年頃                           | 20200000",
            "令和2年3月頃                        | 20200300",
            "令和2年3月5日頃                     | 20200305",
            "推定令和2年3月5日                   | 20200305",
            "推定令和2年3月                      | 20200300",
            "令和2年春                           | 20200300",
            "令和2年3月上旬                      | 20200301",
            "令和2年3月中旬頃                    | 20200311",
            "年月日不詳                          | 99999999",
            "令和2年 月日不詳                    | 20200000",
            "令和2年3月 日不詳                   | 20200300",
            "令和2年3月1日から3月15日頃までの間  | 20200301",
    })
    void everyUncertainFormOfTheStandard(String text, String sortKey) {
        ResidentDate d = ResidentDate.parse(text);
        assertThat(d.kind()).isEqualTo(ResidentDate.Kind.UNCERTAIN);
        assertThat(d.isUncertain()).isTrue();
        assertThat(d.display()).isEqualTo(text);           // shown exactly as written
        assertThat(d.sortKey()).isEqualTo(sortKey);
        assertThat(d.exchangeValue()).isEqualTo("不詳");    // standards.md §1.4: 不詳 dates go out as 「不詳」
        assertThat(d.toLocalDate()).isEmpty();
        assertThat(d.nonCalendarDate()).isEmpty();
        assertThat(ResidentDate.parse(d.display())).isEqualTo(d);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "令和2年夏                                | 20200600",
            "令和2年秋頃                              | 20200900",
            "令和2年冬                                | 20201200",
            "令和2年3月下旬                           | 20200321",
            "令和2年3月上旬頃                         | 20200301",
            "推定令和2年                              | 20200000",
            "令和元年頃                               | 20190000",
            "令和1年頃                                | 20190000",
            "平成31年4月頃                            | 20190400",
            "昭和64年1月 日不詳                       | 19890100",
            "令和2年3月1日から令和2年3月15日までの間  | 20200301",
            "令和2年3月1日から15日頃まで              | 20200301",
            "令和2年3月頃から4月頃までの間            | 20200300",
            "令和元年12月から令和2年1月までの間       | 20191200",
            "明治3年頃                                | 18700000",
    })
    void variants(String text, String sortKey) {
        ResidentDate d = ResidentDate.parse(text);
        assertThat(d.kind()).isEqualTo(ResidentDate.Kind.UNCERTAIN);
        assertThat(d.display()).isEqualTo(text);
        assertThat(d.sortKey()).isEqualTo(sortKey);
    }

    @Test
    void fullWidthDigitsAndKanjiZeroAreReadButDisplayedAsWritten() {
        ResidentDate d = ResidentDate.parse("令和２年１〇月頃");
        assertThat(d.display()).isEqualTo("令和２年１〇月頃");
        assertThat(d.sortKey()).isEqualTo("20201000");
        assertThat(ResidentDate.parse("  令和２年　月日不詳 ").display()).isEqualTo("令和２年　月日不詳");
        assertThat(ResidentDate.parse("令和２年　月日不詳").sortKey()).isEqualTo("20200000");
    }

    @Test
    void unknown() {
        assertThat(ResidentDate.unknown()).isEqualTo(ResidentDate.parse("年月日不詳"));
        assertThat(ResidentDate.unknown().exchangeValue()).isEqualTo("不詳");
    }

    @ParameterizedTest
    @CsvSource({
            "平成3年2月29日, 平成, 3, 2, 29, 19910229",   // standards.md §1.4: 2/29 in a non-leap year
            "令和2年2月30日, 令和, 2, 2, 30, 20200230",
            "令和２年２月３０日, 令和, 2, 2, 30, 20200230",
            "平成31年4月31日, 平成, 31, 4, 31, 20190431",  // 4月 still ends in 平成
            "令和元年6月31日, 令和, 1, 6, 31, 20190631",
            "H3.2.29, 平成, 3, 2, 29, 19910229",
            "1991-02-29, 平成, 3, 2, 29, 19910229",       // 西暦 input is kept in 和暦
            "明治3年5月10日, 明治, 3, 5, 10, 18700510",     // lunisolar calendar (before 1873): no Gregorian day
    })
    void datesNotOnTheCalendar(String text, String era, int year, int month, int day, String sortKey) {
        ResidentDate d = ResidentDate.parse(text);
        assertThat(d.kind()).isEqualTo(ResidentDate.Kind.NON_CALENDAR);
        assertThat(d.nonCalendarDate()).contains(new ResidentDate.EraDate(era, year, month, day));
        assertThat(d.display()).isEqualTo(era + (year == 1 ? "元" : String.valueOf(year)) + "年" + month + "月" + day + "日");
        assertThat(d.exchangeValue()).isEqualTo(d.display());
        assertThat(d.sortKey()).isEqualTo(sortKey);
        assertThat(d.toLocalDate()).isEmpty();
        assertThat(ResidentDate.parse(d.display())).isEqualTo(d);
    }

    @Test
    void boundaryFormsAreExactAndKeepTheirWriting() {
        // standards.md §1.4 (§1.1.8): 明治45年7月30日 and 大正15年12月25日 must be accepted
        ResidentDate meiji = ResidentDate.parse("明治45年7月30日");
        assertThat(meiji.kind()).isEqualTo(ResidentDate.Kind.EXACT);
        assertThat(meiji.toLocalDate()).contains(LocalDate.of(1912, 7, 30));
        assertThat(meiji.display()).isEqualTo("明治45年7月30日");
        assertThat(meiji.sortKey()).isEqualTo("19120730");

        ResidentDate taisho = ResidentDate.parse("大正15年12月25日");
        assertThat(taisho.toLocalDate()).contains(LocalDate.of(1926, 12, 25));
        assertThat(taisho.display()).isEqualTo("大正15年12月25日");
        assertThat(ResidentDate.parse("明治45年7月30日頃").sortKey()).isEqualTo("19120730");
    }

    @ParameterizedTest
    @CsvSource({
            "令和元年5月1日, 令和元年5月1日, 2019-05-01",
            "令和1年5月1日, 令和元年5月1日, 2019-05-01",
            "R1.5.1, 令和元年5月1日, 2019-05-01",
            "2019-05-01, 令和元年5月1日, 2019-05-01",
            "２０１９年５月１日, 令和元年5月1日, 2019-05-01",
            "昭和64年1月7日, 昭和64年1月7日, 1989-01-07",
    })
    void exactDatesAreDisplayedInWareki(String text, String display, LocalDate date) {
        ResidentDate d = ResidentDate.parse(text);
        assertThat(d.kind()).isEqualTo(ResidentDate.Kind.EXACT);
        assertThat(d.isExact()).isTrue();
        assertThat(d.display()).isEqualTo(display).isEqualTo(d.exchangeValue()).isEqualTo(d.toString());
        assertThat(d.toLocalDate()).contains(date);
        assertThat(d).isEqualTo(ResidentDate.of(date));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "令和2年3月            | invalid-resident-date",  // no marker: not a form of the standard
            "令和2年               | invalid-resident-date",
            "令和2年上旬           | invalid-resident-date",  // 旬 needs a month
            "令和2年3月春          | invalid-resident-date",  // season with a month
            "令和2年3月5日上旬     | invalid-resident-date",
            "令和2年3月5日 日不詳  | invalid-resident-date",
            "令和2年頃 月日不詳    | invalid-resident-date",
            "令和2年3月 月日不詳   | invalid-resident-date",
            "不詳                  | invalid-resident-date",
            "令和2年3月1日から     | invalid-resident-date",
            "平成35年頃            | date-out-of-era",
            "昭和65年頃            | date-out-of-era",
            "令和元年4月頃         | date-out-of-era",
            "平成31年5月 日不詳    | date-out-of-era",
            "平成31年5月1日        | date-out-of-era",
            "令和元年4月31日       | date-out-of-era",        // not on the calendar, and April 2019 is 平成
            "昭和64年1月8日頃      | date-out-of-era",
            "令和2年2月32日        | invalid-date",
            "令和2年13月頃         | invalid-date",
            "令和0年頃             | invalid-date",
            "大化2年頃             | unknown-era",
            "1872-12-31            | date-out-of-range",
    })
    void rejects(String text, String code) {
        assertThatThrownBy(() -> ResidentDate.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "　"})
    void blankIsRequired(String text) {
        assertThatThrownBy(() -> ResidentDate.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("required"))
                .hasMessage("年月日が入力されていません。");
    }

    @Test
    void unreadableMessageIsJapanese() {
        assertThatThrownBy(() -> ResidentDate.parse("令和2年3月"))
                .hasMessageStartingWith("「令和2年3月」は年月日として認識できません。");
    }

    @Test
    void sortsBySortKeyThenKindThenText() {
        List<ResidentDate> dates = new ArrayList<>(List.of(
                ResidentDate.parse("年月日不詳"),
                ResidentDate.parse("令和2年3月5日"),
                ResidentDate.parse("令和2年頃"),
                ResidentDate.parse("令和2年3月上旬"),
                ResidentDate.parse("令和2年春"),
                ResidentDate.parse("令和2年3月 日不詳"),
                ResidentDate.parse("令和2年3月5日頃"),
                ResidentDate.parse("平成3年2月29日")));
        Collections.shuffle(dates, new java.util.Random(1));
        Collections.sort(dates);
        assertThat(dates).extracting(ResidentDate::display).containsExactly(
                "平成3年2月29日",      // 19910229
                "令和2年頃",           // 20200000
                "令和2年3月 日不詳",   // 20200300 ('3' < '春')
                "令和2年春",           // 20200300
                "令和2年3月上旬",      // 20200301
                "令和2年3月5日",       // 20200305 EXACT first
                "令和2年3月5日頃",     // 20200305 UNCERTAIN
                "年月日不詳");         // 99999999 last
    }

    @Test
    void worksWithANewEra() {
        // standards.md §1.4: 元号 changes by parameter
        EraTable table = EraTable.standard().withEra("新元", "N", LocalDate.of(2040, 2, 1));
        assertThat(ResidentDate.parse("新元2年春", table).sortKey()).isEqualTo("20410300");
        assertThat(ResidentDate.parse("N1.2.1", table).display()).isEqualTo("新元元年2月1日");
        assertThat(ResidentDate.of(LocalDate.of(2040, 2, 1), table).display()).isEqualTo("新元元年2月1日");
    }
}

package org.kiban.resident.web;

import org.junit.jupiter.api.Test;
import org.kiban.common.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the counter's one search box reads what the clerk types (numbers by their length, dates 和暦 or 西暦, kana, kanji). */
class CounterSearchTest {

    @Test
    void tenDigitsAreAnAtenaNoOrAHouseholdNo() {
        CounterSearch s = CounterSearch.parse("0000000043", true);
        assertThat(s.queries()).hasSize(2);
        assertThat(s.queries().get(0).atenaNo()).isEqualTo("0000000043");
        assertThat(s.queries().get(1).householdNo()).isEqualTo("0000000043");
    }

    @Test
    void elevenDigitsAreAJuminhyoCode_twelveAnIndividualNumber() {
        assertThat(CounterSearch.parse("24727059608", true).queries().get(0).juminhyoCode()).isEqualTo("24727059608");
        assertThat(CounterSearch.parse("379474484458", true).queries().get(0).individualNumber()).isEqualTo("379474484458");
        assertThatThrownBy(() -> CounterSearch.parse("12345", true)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void kanaWithAWarekiBirthDate() {
        // Hiragana and katakana alike; the date word in 和暦 (昭和45年 = 1970).
        CounterSearch s = CounterSearch.parse("よした けんいち 昭和45年5月5日", false);
        assertThat(s.queries()).singleElement().satisfies(q -> {
            assertThat(q.kana()).isEqualTo("よした けんいち");
            assertThat(q.name()).isNull();
            assertThat(q.birthDate()).isEqualTo("昭和45年5月5日");
            assertThat(q.includeRemoved()).isFalse();
        });
        assertThat(s.understood()).contains("昭和45年5月5日");
    }

    @Test
    void kanjiIsAName_westernDateToo() {
        CounterSearch s = CounterSearch.parse("𠮷野 1965-04-04", true);
        assertThat(s.queries().get(0).name()).isEqualTo("𠮷野");
        assertThat(s.queries().get(0).kana()).isNull();
        assertThat(s.queries().get(0).birthDate()).isEqualTo("1965-04-04");
        assertThat(s.understood()).contains("昭和40年4月4日");
    }
}

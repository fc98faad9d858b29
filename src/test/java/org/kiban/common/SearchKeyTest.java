package org.kiban.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Search keys (standards.md §1.11, §4.2). */
class SearchKeyTest {

    // standards.md §1.11: 「辺」 finds 邊/边/邉/𨘢; 「浜」 finds 濱/濵/滨; 「藤」 finds 䕨/籘/籐
    @ParameterizedTest
    @CsvSource({
            "辺, 渡邊", "辺, 渡邉", "辺, 渡边", "辺, 渡𨘢",
            "浜, 濱田", "浜, 濵田", "浜, 滨田", "浜, 長濱　一郎",
            "藤, 佐䕨", "藤, 佐籘", "藤, 佐籐",
            "渡辺, 渡邊", "斎藤, 齋籐",
    })
    void variantSearchFindsStoredNames(String query, String stored) {
        assertThat(SearchKey.name(stored)).contains(SearchKey.name(query));
    }

    @Test
    void nameKey() {
        assertThat(SearchKey.name("𠮷田 太郎")).isEqualTo("吉田太郎");
        assertThat(SearchKey.name("山田　太郎")).isEqualTo(SearchKey.name("山田太郎"));
        assertThat(SearchKey.name("葛" + new String(Character.toChars(0xE0100)) + "西")).isEqualTo("葛西");
        assertThat(SearchKey.name("ＳＭＩＴＨ　Ｊｏｈｎ")).isEqualTo("SMITHJOHN");
        assertThat(SearchKey.name("髙﨑")).isEqualTo(SearchKey.name("高崎"));
    }

    @Test
    void kanaKey() {
        // standards.md §1.11 rules through the kana key
        assertThat(SearchKey.kana("おおの　ゆうこ")).isEqualTo(SearchKey.kana("ｵｳﾉ ﾕｳｺ"));
        // 長音 is ignored (removed), not read as a vowel: サイトー ≠ サイトウ under the literal rules
        assertThat(SearchKey.kana("サイトウ")).isEqualTo("サイトオ");
        assertThat(SearchKey.kana("サイトー")).isEqualTo("サイト");
    }

    @Test
    void infixSearchCanStartWithU() {
        // the stored key of コウタ is コオタ; a partial query ウタ must still find it
        String stored = SearchKey.kana("コウタ");
        assertThat(SearchKey.kanaInfixKeys("ウタ")).containsExactly("ウタ", "オタ");
        assertThat(SearchKey.kanaInfixKeys("ウタ")).anyMatch(stored::contains);
        assertThat(SearchKey.kanaInfixKeys("タロウ")).containsExactly("タロオ");
    }

    @Test
    void givenNameOnlySearchUsesTheSeparatelyFoldedGivenName() {
        // 「名のみで検索」: fold 名 on its own; in the joined key the ウ after ノ became オ
        assertThat(SearchKey.kana("コノ ウメ")).isEqualTo("コノオメ");
        assertThat(SearchKey.kana("ウメ")).isEqualTo("ウメ");
    }
}

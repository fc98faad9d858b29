package org.kiban.tenancy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.common.CheckDigits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The list of local governments. Expected counts: 総務省 全国地方公共団体コード (令和6年1月1日現在) as summarised in
 * shared/data/municipality_facts.SOURCES.md: 47 prefectures; 792 cities of which 20 designated and 62 core
 * cities; 23 special wards; 743 towns; 183 villages (the six Northern Territories villages excluded);
 * 171 wards of designated cities after 浜松市's 2024-01-01 reorganisation.
 */
@KibanIntegrationTest
class MunicipalityListTest {

    @Autowired
    Municipalities municipalities;

    @Autowired
    MockMvc mvc;

    private Map<LocalGovernmentKind, Long> countsByKind() {
        return municipalities.search(new Municipalities.Query(null, List.of(LocalGovernmentKind.values()), null, null))
                .stream().collect(Collectors.groupingBy(LocalGovernment::kind, Collectors.counting()));
    }

    @Test
    void listHasEveryLocalGovernmentOfJapan() {
        Map<LocalGovernmentKind, Long> counts = countsByKind();
        assertThat(counts.get(LocalGovernmentKind.PREFECTURE)).isEqualTo(47);
        assertThat(counts.get(LocalGovernmentKind.DESIGNATED_CITY)).isEqualTo(20);
        assertThat(counts.get(LocalGovernmentKind.CORE_CITY)).isEqualTo(62);
        assertThat(counts.get(LocalGovernmentKind.DESIGNATED_CITY) + counts.get(LocalGovernmentKind.CORE_CITY)
                + counts.get(LocalGovernmentKind.CITY)).isEqualTo(792);
        assertThat(counts.get(LocalGovernmentKind.SPECIAL_WARD)).isEqualTo(23);
        assertThat(counts.get(LocalGovernmentKind.TOWN)).isEqualTo(743);
        assertThat(counts.get(LocalGovernmentKind.VILLAGE)).isEqualTo(183);
        assertThat(counts.get(LocalGovernmentKind.WARD)).isEqualTo(171);
        long municipalitiesCount = counts.entrySet().stream().filter(e -> e.getKey().isMunicipality())
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(municipalitiesCount).isEqualTo(1741);
    }

    @Test
    void everyCodeCarriesAValidCheckDigit() {
        assertThat(municipalities.search(new Municipalities.Query(null, List.of(LocalGovernmentKind.values()), null, null)))
                .allSatisfy(lg -> assertThat(CheckDigits.isValidLgCode(lg.lgCode())).as(lg.lgCode()).isTrue());
    }

    @Test
    void hamamatsuHasItsThreeWardsOf2024() {
        // 浜松市の区の再編 (2024-01-01): 中央区 221384, 浜名区 221392, 天竜区 221406 replace the seven former wards.
        assertThat(municipalities.wardsOf("221309")).extracting(LocalGovernment::name)
                .containsExactly("中央区", "浜名区", "天竜区");
        assertThat(municipalities.find("221317")).as("former 中区 of 浜松市").isEmpty();
    }

    @Test
    void designatedCitiesListTheirWards() {
        // 横浜市 has 18 wards, 大阪市 24, 川崎市 7 (総務省 code list).
        assertThat(municipalities.wardsOf("141003")).hasSize(18);
        assertThat(municipalities.wardsOf("271004")).hasSize(24);
        assertThat(municipalities.wardsOf("141305")).hasSize(7);
    }

    @Test
    void tokyoListsItsSixtyTwoMunicipalities() throws Exception {
        // 東京都: 23 特別区, 26 市, 5 町, 8 村.
        mvc.perform(get("/api/v1/municipalities").param("prefecture", "13").with(as("yokohama-clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(62)))
                .andExpect(jsonPath("$[0].lgCode").value("131016"))
                .andExpect(jsonPath("$[0].name").value("千代田区"));
        mvc.perform(get("/api/v1/municipalities").param("prefecture", "東京都").param("kind", "SPECIAL_WARD")
                        .with(as("yokohama-clerk")))
                .andExpect(jsonPath("$", hasSize(23)));
    }

    @Test
    void searchesByKanaInHiraganaAndByVariantKanji() throws Exception {
        mvc.perform(get("/api/v1/municipalities").param("kana", "はままつ").with(as("sabae-clerk")))
                .andExpect(jsonPath("$[*].name", contains("浜松市")));
        // 濱 is a variant of 浜 (異体字): the name search folds it.
        mvc.perform(get("/api/v1/municipalities").param("name", "濱松").with(as("sabae-clerk")))
                .andExpect(jsonPath("$[*].lgCode", contains("221309")));
    }

    @Test
    void showsOneMunicipalityWithFactsAndTheirSource() throws Exception {
        // 鯖江市: population 69,400 on 2022-01-01 (住民基本台帳, municipality_facts.csv), 3級地-1.
        mvc.perform(get("/api/v1/municipalities/182079").with(as("hinohara-clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("鯖江市"))
                .andExpect(jsonPath("$.kind").value("CITY"))
                .andExpect(jsonPath("$.prefecture").value("福井県"))
                .andExpect(jsonPath("$.facts.population").value(69400))
                .andExpect(jsonPath("$.facts.livingCostGrade").value("3級地-1"))
                .andExpect(jsonPath("$.tenantState").value("LIVE"));
    }
}

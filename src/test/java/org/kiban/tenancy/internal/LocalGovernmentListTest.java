package org.kiban.tenancy.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalGovernmentListTest {

    private static final String HEADER = "lg_code,kind,name,kana,prefecture_code,parent_lg_code,population,households,"
            + "population_date,living_cost_grade\n";

    private static LocalGovernmentList parse(String csv) throws Exception {
        return LocalGovernmentList.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv");
    }

    @Test
    void shippedListLoads() {
        assertThat(LocalGovernmentList.load().entries()).hasSize(47 + 1741 + 171);
    }

    @Test
    void aWrongCheckDigitStopsTheLoad() {
        // 鯖江市 is 182079 (standards.md §3.3, code4fukui/Modulus11 vector); 182070 has a wrong check digit.
        assertThatThrownBy(() -> parse(HEADER + "182070,CITY,鯖江市,サバエシ,18,,,,,\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test.csv:2").hasMessageContaining("182070");
    }

    @Test
    void aWardNeedsItsCityAndOnlyWardsHaveOne() {
        assertThatThrownBy(() -> parse(HEADER + "141046,WARD,中区,ナカク,14,141003,,,,\n"))
                .hasMessageContaining("before its city");
        assertThatThrownBy(() -> parse(HEADER + "182079,CITY,鯖江市,サバエシ,18,141003,,,,\n"))
                .hasMessageContaining("only a ward");
    }

    @Test
    void duplicatesAndUnknownKindsAreRefused() {
        assertThatThrownBy(() -> parse(HEADER + "182079,CITY,鯖江市,サバエシ,18,,,,,\n182079,CITY,鯖江市,サバエシ,18,,,,,\n"))
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> parse(HEADER + "182079,METROPOLIS,鯖江市,サバエシ,18,,,,,\n"))
                .hasMessageContaining("unknown kind");
    }
}

package org.kiban.tax.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.tax.CalculationApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code kiban tax calc} answers exactly what the API answers, for a result and for a refusal. */
@KibanIntegrationTest
class TaxCalcCliTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    TaxCommand.Calc calc;

    private String cli(String input, int expectedExit) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = calc.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(expectedExit);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String api(String input, int status) throws Exception {
        return mvc.perform(post("/api/v1/tax/resident-tax/calculations").with(as("yokohama-tax"))
                        .contentType(MediaType.APPLICATION_JSON).content(input))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void cliAndApiAnswerTheSame() throws Exception {
        assertThat(json.readTree(cli(CalculationApiTest.SAGA, 0)))
                .isEqualTo(json.readTree(api(CalculationApiTest.SAGA, 200)));
        var fromCli = json.readTree(cli(CalculationApiTest.CASUALTY_AND_ONE_STOP, 0));
        assertThat(fromCli).isEqualTo(json.readTree(api(CalculationApiTest.CASUALTY_AND_ONE_STOP, 200)));
        assertThat(fromCli.get("deductions").get("casualtyLoss").asLong()).isEqualTo(404_000);
        assertThat(fromCli.get("oneStopCreditCity").asLong()).isEqualTo(2_940);
    }

    @Test
    void aRefusalIsTheSameProblemDocument() throws Exception {
        String bad = CalculationApiTest.SAGA.replace("2025", "2024");
        var fromCli = json.readTree(cli(bad, 2));
        var fromApi = json.readTree(api(bad, 400));
        for (String member : new String[] {"type", "title", "status", "detail", "code", "field"}) {
            assertThat(fromCli.get(member)).as(member).isEqualTo(fromApi.get(member));
        }
        assertThat(fromCli.get("field").asString()).isEqualTo("taxYear");
    }
}

package org.kiban.exchange;

import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.exchange.internal.RehearsalReport;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.MigrationRehearsal;
import org.kiban.tenancy.MigrationRehearsals;
import org.kiban.tenancy.RehearsalOutcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A joining municipality's dry-run import is recorded as its 移行リハーサル (the onboarding plan shows it). */
@KibanIntegrationTest
class RehearsalReportTest {

    private static final String JOINING = "022063"; // 十和田市, joining (PLANNED) in this test

    @Autowired
    MockMvc mvc;
    @Autowired
    RehearsalReport report;
    @Autowired
    MigrationRehearsals rehearsals;

    @Test
    void aDryRunFillsThePlannedRehearsalThenAddsOneForTheNext() throws Exception {
        mvc.perform(post("/api/v1/tenants").with(as("operator")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lgCode\":\"" + JOINING + "\",\"plannedOn\":\"2027-04-01\",\"previousSystemContractEnd\":\"2027-03-31\"}"))
                .andExpect(status().isCreated());
        MigrationRehearsal planned = TenantContext.callAs(null, Actor.system("test"),
                () -> rehearsals.plan(JOINING, java.time.LocalDate.of(2026, 12, 1), "第1回"));

        MigrationRehearsal first = TenantContext.callAs(JOINING, Actor.system("test"),
                () -> report.record(JOINING, 1200, 3, "旧システム 2026-11 抽出：エラー 3 件")).orElseThrow();
        assertThat(first.seq()).isEqualTo(planned.seq());
        assertThat(first.outcome()).isEqualTo(RehearsalOutcome.FAILED);
        assertThat(first.recordsImported()).isEqualTo(1200);
        assertThat(first.errors()).isEqualTo(3);

        MigrationRehearsal second = TenantContext.callAs(JOINING, Actor.system("test"),
                () -> report.record(JOINING, 1203, 0, "再抽出：エラーなし")).orElseThrow();
        assertThat(second.seq()).isEqualTo(planned.seq() + 1);
        assertThat(second.outcome()).isEqualTo(RehearsalOutcome.SUCCEEDED);
        assertThat(rehearsals.of(JOINING)).hasSize(2);
    }

    @Test
    void aLiveTenantsDryRunIsOnlyACheck() {
        // 鯖江市 is live in the demo: no rehearsal is recorded.
        assertThat(TenantContext.callAs("182079", Actor.system("test"),
                () -> report.record("182079", 10, 0, "検査"))).isEmpty();
    }
}

package org.kiban.resident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.HINOHARA;

/** The bulk as-of read the tax (賦課期日) and care (基準日) modules use. */
@KibanIntegrationTest
class RegisteredOnTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Residents residents;
    @Autowired
    TransactionTemplate tx;

    @Test
    void personsRegisteredOnADateAreThoseWhoseVersionThatDayIsNotA除票() throws Exception {
        RegistryClient registry = new RegistryClient(mvc, HINOHARA, "hinohara-clerk");
        Family f = Family.moveIn(registry, 7); // 転入 2026-04-01
        registry.accepted("""
                {"type":"MOVE_OUT_DOMESTIC","effectiveDate":"2026-06-30","notifiedOn":"2026-06-20","atenaNos":["%s"],
                 "destination":{"address":"東京都八王子市元本郷町三丁目24番1号"},"destinationLgCode":"132012"}""".formatted(f.child));

        assertThat(registered(LocalDate.of(2026, 3, 31))).doesNotContain(f.head, f.wife, f.child);
        assertThat(registered(LocalDate.of(2026, 4, 1))).contains(f.head, f.wife, f.child);
        assertThat(registered(LocalDate.of(2026, 6, 29))).contains(f.child);
        assertThat(registered(LocalDate.of(2026, 6, 30))).contains(f.head, f.wife).doesNotContain(f.child);
    }

    private List<String> registered(LocalDate date) {
        List<String> atenaNos = new ArrayList<>();
        TenantContext.runAs(HINOHARA, Actor.system("test"), () -> tx.executeWithoutResult(s ->
                residents.forEachRegisteredOn(date, "test", r -> {
                    assertThat(r.individualNumber()).satisfiesAnyOf(n -> assertThat(n).isNull(),
                            n -> assertThat(n).isEqualTo("************"));
                    atenaNos.add(r.atenaNo());
                })));
        assertThat(atenaNos).isSorted();
        return atenaNos;
    }
}

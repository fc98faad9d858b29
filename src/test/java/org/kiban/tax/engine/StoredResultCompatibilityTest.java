package org.kiban.tax.engine;

import org.junit.jupiter.api.Test;
import org.kiban.tax.TaxCalculationResult;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Results stored before 雑損控除 and the 申告特例控除額 existed lack their members; they must still read back (as 0),
 * because stored versions are read whole and never rewritten.
 */
class StoredResultCompatibilityTest {

    @Test
    void aResultWithoutTheNewMembersReadsBackWithZeros() throws Exception {
        JsonMapper json = JsonMapper.builder()
                .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build(); // as application.properties
        TaxCalculationResult r = Taxpayers.fy(2026).aged(45).salary(5_000_000).calculate();
        ObjectNode tree = (ObjectNode) json.valueToTree(r);
        tree.remove("oneStopCreditCity");
        tree.remove("oneStopCreditPref");
        ((ObjectNode) tree.get("deductions")).remove("casualtyLoss");
        TaxCalculationResult old = json.treeToValue(tree, TaxCalculationResult.class);
        assertThat(old.oneStopCreditCity()).isZero();
        assertThat(old.deductions().casualtyLoss()).isZero();
        assertThat(old.annualTotal()).isEqualTo(r.annualTotal());
    }
}

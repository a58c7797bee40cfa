package io.passerelle.company;

import io.passerelle.run.CompanyImportBusyException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.run.FlowAlreadyRunningException;
import io.passerelle.sync.EntityWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompanyImportsTest {

    private final CompanyImports imports = new CompanyImports();

    @Test
    void aSecondImportOfACompanyIsRefusedWhicheverConnectionAsks() {
        EntityWriter.Claim alice = imports.claim("alice", Map.of(1L, "0403170701 Bakkerij Janssens", 2L, "Other"));

        assertThatThrownBy(() -> imports.claim("bob", Map.of(3L, "Free", 2L, "0202239951 Other")))
                .isInstanceOf(FlowAlreadyRunningException.class)
                .hasMessageContaining("0202239951 Other").hasMessageContaining("connection 'alice'");
        assertThat(imports.importing(3L)).as("all or none").isFalse();

        alice.release();
        imports.claim("bob", Map.of(3L, "Free", 2L, "Other")).release();
        assertThat(imports.importing(2L)).isFalse();
    }

    @Test
    void aCompanyMetDuringARunJoinsItsClaimUnlessAnotherRunHoldsIt() {
        EntityWriter.Claim alice = imports.claim("alice", Map.of());
        assertThat(imports.admit("alice", 7L)).isEmpty();
        assertThat(imports.admit("bob", 7L)).contains("alice");
        assertThatThrownBy(() -> imports.claim("bob", Map.of(7L, "Seven"))).isInstanceOf(CompanyImportBusyException.class);

        alice.release();
        alice.release();
        assertThat(imports.admit("bob", 7L)).isEmpty();
        assertThat(imports.importing(7L)).as("a write outside a run claims nothing").isFalse();
    }
}

package io.passerelle.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AutoAcceptTest {

    @Test
    void readsTheKindsListedInEitherSpelling() {
        Map<String, Object> options = Map.of("autoAccept", List.of("COMMITMENTS", "invoice"));
        assertThat(AutoAccept.accepts(options, ApprovalKind.COMMITMENTS)).isTrue();
        assertThat(AutoAccept.accepts(options, ApprovalKind.INVOICES)).isTrue();
        assertThat(AutoAccept.accepts(Map.of("autoAccept", "commitments"), ApprovalKind.INVOICES)).isFalse();
        assertThat(AutoAccept.accepts(Map.of(), ApprovalKind.COMMITMENTS)).isFalse();
        assertThat(AutoAccept.accepts(null, ApprovalKind.COMMITMENTS)).isFalse();
    }

    @Test
    void itemIdsTellTheKindApart() {
        assertThat(ApprovalKind.parseItemId("commitment-12")).contains(new ApprovalKind.ItemRef(ApprovalKind.COMMITMENTS, 12));
        assertThat(ApprovalKind.parseItemId("invoice-7")).contains(new ApprovalKind.ItemRef(ApprovalKind.INVOICES, 7));
        assertThat(ApprovalKind.parseItemId("invoice-07")).isEmpty();
        assertThat(ApprovalKind.parseItemId("timesheet-1")).isEmpty();
        assertThat(ApprovalKind.parseItemId("commitment-")).isEmpty();
        assertThat(ApprovalKind.INVOICES.itemId(7)).isEqualTo("invoice-7");
    }
}

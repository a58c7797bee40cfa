package io.passerelle.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CredentialMergerTest {

    private final Map<String, String> stored = Map.of("user", "integration", "password", "old", "encryptionKey", "k");

    @Test
    void redactedOrAbsentKeepsTheStoredValue() {
        Map<String, String> merged = CredentialMerger.merge(stored, Map.of("user", "****", "password", "new"), false);
        assertThat(merged).containsExactlyInAnyOrderEntriesOf(
                Map.of("user", "integration", "password", "new", "encryptionKey", "k"));
    }

    @Test
    void anEmptyValueRemovesTheKey() {
        Map<String, String> sent = new HashMap<>();
        sent.put("encryptionKey", "");
        assertThat(CredentialMerger.merge(stored, sent, false)).doesNotContainKey("encryptionKey");
    }

    @Test
    void anErpChangeKeepsOnlyWhatIsSent() {
        Map<String, String> merged = CredentialMerger.merge(stored, Map.of("user", "****", "apiToken", "t"), true);
        assertThat(merged).containsExactlyInAnyOrderEntriesOf(Map.of("user", "integration", "apiToken", "t"));
    }

    @Test
    void aRedactedValueWithNothingStoredStaysForValidationToName() {
        assertThat(CredentialMerger.merge(Map.of(), Map.of("password", "****"), false))
                .containsEntry("password", "****");
    }
}

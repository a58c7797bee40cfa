package io.passerelle.erp;

import io.passerelle.connection.CredentialKey;
import io.passerelle.connection.ErpOption;
import java.util.List;
import java.util.Set;

/**
 * @param name            the value of a connection's {@code erp} field, and the folder of its route files
 * @param endpointSchemes URL schemes its endpoints use, e.g. {@code tcp} or {@code https}
 */
public record ErpDescriptor(String name, String description, Set<String> endpointSchemes, List<CredentialKey> credentials,
        List<ErpOption> options) {
}

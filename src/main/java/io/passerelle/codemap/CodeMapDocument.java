package io.passerelle.codemap;

import java.util.List;

/** The body of {@code GET|PUT /api/connections/{id}/maps/{kind}}: the whole map. */
public record CodeMapDocument(List<CodeMapEntry> entries) {
}

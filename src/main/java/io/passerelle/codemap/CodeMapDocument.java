package io.passerelle.codemap;

import java.util.List;

import io.passerelle.request.MergesTypeProblems;

/** The body of {@code GET|PUT /api/connections/{id}/maps/{kind}}: the whole map. */
@MergesTypeProblems
public record CodeMapDocument(List<CodeMapEntry> entries) {
}

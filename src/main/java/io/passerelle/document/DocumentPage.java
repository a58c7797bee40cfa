package io.passerelle.document;

import java.util.List;

/**
 * One page of a kind's listing ({@code GET /api/commitments}); {@code next} is the {@code after} of the next page,
 * null at the end.
 */
public record DocumentPage<T, L extends DocumentLine>(List<DocumentView<T, L>> items, String next) {
}

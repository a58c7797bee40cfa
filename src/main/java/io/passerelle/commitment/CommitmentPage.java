package io.passerelle.commitment;

import java.util.List;

/** One page of {@code GET /api/commitments}; {@code next} is the {@code after} of the next page, null at the end. */
public record CommitmentPage(List<CommitmentView> items, String next) {
}

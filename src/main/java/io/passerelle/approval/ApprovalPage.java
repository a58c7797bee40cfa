package io.passerelle.approval;

import java.util.List;

/** One page of {@code GET /api/approvals}; {@code next} is the {@code after} (an item id) of the next page. */
public record ApprovalPage(List<ApprovalItem> items, String next) {
}

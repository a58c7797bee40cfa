package io.passerelle.console;

import java.util.List;

import io.passerelle.approval.ApprovalItem;
import io.passerelle.document.DocumentLine;

/** A document on the Approvals page: the item, its lines, and whether the signed-in token may accept or reject it. */
public record ApprovalRow(ApprovalItem item, List<? extends DocumentLine> lines, boolean mayDecide) {
}

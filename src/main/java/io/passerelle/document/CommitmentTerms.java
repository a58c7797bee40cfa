package io.passerelle.document;

/** A commitment's own header field: what it is written as in the ERP. Shown among the document's fields. */
public record CommitmentTerms(CommitmentType type) {
}

package io.passerelle.company;

/** A relation as an import brings it: the ERP's id of the person or company (null when it gives none) and what it says. */
record IncomingRelation(String remoteId, RelationFields fields) {
}

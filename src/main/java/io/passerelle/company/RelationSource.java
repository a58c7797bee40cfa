package io.passerelle.company;

/** Where a relation comes from: an import (its ERP keeps it) or the API (no import changes or removes it). */
public enum RelationSource {
    IMPORTED,
    MANUAL
}

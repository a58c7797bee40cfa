package io.passerelle.console;

/** A code of the ERP, as synced, to pick in a code map: the code and what it is ({@code label}, may be null). */
public record ErpCode(String code, String label) {
}

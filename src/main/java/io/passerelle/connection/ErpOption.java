package io.passerelle.connection;

/** One entry a connection of this ERP may set in its {@code options}, with what it does and its default (or null). */
public record ErpOption(String name, String description, String defaultValue) {
}

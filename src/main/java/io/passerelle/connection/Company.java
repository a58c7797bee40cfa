package io.passerelle.connection;

public record Company(String code, String name) {
}

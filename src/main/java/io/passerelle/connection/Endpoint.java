package io.passerelle.connection;

public record Endpoint(String name, String url, boolean isDefault) {
}

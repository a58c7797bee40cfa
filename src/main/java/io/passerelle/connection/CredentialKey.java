package io.passerelle.connection;

/**
 * One credential an ERP's connections carry. {@code secret} ones (passwords, client secrets, API keys) are
 * encrypted at rest like all credentials, and never shown; the flag tells engineers and the docs which is which.
 */
public record CredentialKey(String name, String description, boolean secret, boolean required) {

    public static CredentialKey required(String name, String description, boolean secret) {
        return new CredentialKey(name, description, secret, true);
    }

    public static CredentialKey optional(String name, String description, boolean secret) {
        return new CredentialKey(name, description, secret, false);
    }
}

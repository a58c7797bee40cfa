package io.passerelle.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    private static final byte[] KEY = Base64.getDecoder().decode("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    private final CredentialCipher cipher = new CredentialCipher(KEY);

    @Test
    void roundTripsWithoutShowingThePlaintext() {
        String json = "{\"user\":\"integration\",\"password\":\"" + Connections.PASSWORD + "\"}";
        String stored = cipher.encrypt(json, "acme");
        assertThat(stored).startsWith("v1:").doesNotContain(Connections.PASSWORD).doesNotContain("integration");
        assertThat(cipher.decrypt(stored, "acme")).isEqualTo(json);
    }

    @Test
    void usesAFreshNonceEachTime() {
        assertThat(cipher.encrypt("same", "acme")).isNotEqualTo(cipher.encrypt("same", "acme"));
    }

    @Test
    void aValueMovedToAnotherConnectionDoesNotDecrypt() {
        String stored = cipher.encrypt("secret", "acme");
        assertThatThrownBy(() -> cipher.decrypt(stored, "other")).hasMessageContaining("cannot decrypt");
    }

    @Test
    void anotherKeyCannotRead() {
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        String stored = cipher.encrypt("secret", "acme");
        assertThatThrownBy(() -> new CredentialCipher(otherKey).decrypt(stored, "acme"))
                .hasMessageContaining("wrong secret key");
    }

    @Test
    void needsA256BitKey() {
        assertThatThrownBy(() -> new CredentialCipher(new byte[16])).hasMessageContaining("32 bytes");
    }
}

package io.passerelle.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class SecretKeyLoaderTest {

    @TempDir
    Path dataDir;

    @Test
    void readsTheConfiguredKey() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("passerelle.secret-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        assertThat(new SecretKeyLoader(env).load()).hasSize(32).startsWith(0, 1, 2);
    }

    @Test
    void outsideTheSandboxRefusesToStartWithoutAKey() {
        MockEnvironment env = new MockEnvironment().withProperty("passerelle.data-dir", dataDir.toString());
        env.setActiveProfiles("prod");
        assertThatThrownBy(() -> new SecretKeyLoader(env).load())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PASSERELLE_SECRET_KEY");
        assertThat(dataDir.resolve("secret.key")).doesNotExist();
    }

    @Test
    void theSandboxMakesAKeyOnceAndKeepsIt() {
        MockEnvironment env = new MockEnvironment().withProperty("passerelle.data-dir", dataDir.toString());
        env.setActiveProfiles("sandbox");
        byte[] first = new SecretKeyLoader(env).load();
        assertThat(dataDir.resolve("secret.key")).exists();
        assertThat(new SecretKeyLoader(env).load()).isEqualTo(first);
    }

    @Test
    void explainsAKeyOfTheWrongSize() throws Exception {
        MockEnvironment env = new MockEnvironment().withProperty("passerelle.secret-key", "AAECAwQ=");
        assertThatThrownBy(() -> new SecretKeyLoader(env).load()).hasMessageContaining("must be 32 bytes");
        MockEnvironment notBase64 = new MockEnvironment().withProperty("passerelle.secret-key", "not base64!");
        assertThatThrownBy(() -> new SecretKeyLoader(notBase64).load()).hasMessageContaining("not valid base64");
        assertThat(Files.list(dataDir)).isEmpty();
    }
}

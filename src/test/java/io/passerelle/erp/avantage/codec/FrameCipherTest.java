package io.passerelle.erp.avantage.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FrameCipherTest {

    @Test
    void roundTripsWithAFreshNonceEachTime() {
        FrameCipher cipher = FrameCipher.fromBase64Key(Base64.getEncoder().encodeToString(new byte[32]));
        byte[] plain = "{\"op\":\"PING\"}".getBytes(StandardCharsets.UTF_8);
        byte[] once = cipher.encrypt(plain);
        byte[] twice = cipher.encrypt(plain);
        assertThat(once).hasSize(12 + plain.length + 16).isNotEqualTo(twice);
        assertThat(cipher.decrypt(once)).isEqualTo(plain);
    }

    @Test
    void aTamperedFrameDoesNotAuthenticate() {
        FrameCipher cipher = FrameCipher.fromBase64Key(Base64.getEncoder().encodeToString(new byte[32]));
        byte[] frame = cipher.encrypt("x".getBytes(StandardCharsets.UTF_8));
        frame[frame.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(frame)).isInstanceOf(FrameCipher.FrameAuthenticationException.class);
    }

    @Test
    void keysThatAreNotAes256AreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> FrameCipher.fromBase64Key("c2hvcnQ=")).hasMessage("encryption key must be 32 bytes (AES-256), got 5");
        assertThatThrownBy(() -> FrameCipher.fromBase64Key("not base64 !")).hasMessage("encryption key is not valid base64");
    }
}

package io.passerelle.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void isTheHexHmacSha256OfTheBodyWithTheSecret() {
        // RFC 4231 test case 2
        byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.of(body, "Jefe"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void verifiesOnlyTheSameBytesWithTheSameSecret() {
        byte[] body = "{\"event\":\"FAILED\"}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.of(body, "a-webhook-secret-0001");
        assertThat(WebhookSignature.verifies(body, "a-webhook-secret-0001", header)).isTrue();
        assertThat(WebhookSignature.verifies(body, "another-secret-00002", header)).isFalse();
        assertThat(WebhookSignature.verifies("{\"event\":\"FAILED\" }".getBytes(StandardCharsets.UTF_8),
                "a-webhook-secret-0001", header)).isFalse();
        assertThat(WebhookSignature.verifies(body, "a-webhook-secret-0001", null)).isFalse();
    }
}

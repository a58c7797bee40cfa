package io.passerelle.sandbox.adminpulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnterpriseNumbersTest {

    @Test
    void theCheckDigitsAre97LessTheFirstEightModulo97() {
        // 0403.170.701 and 0202.239.951 are published enterprise numbers
        assertThat(EnterpriseNumbers.isValid("0403170701")).isTrue();
        assertThat(EnterpriseNumbers.isValid("0202239951")).isTrue();
        assertThat(EnterpriseNumbers.withCheckDigits(4_031_707)).isEqualTo("0403170701");
        assertThat(EnterpriseNumbers.withCheckDigits(97)).as("a multiple of 97 checks with 97").isEqualTo("0000009797");
        assertThat(EnterpriseNumbers.isValid("0712345630")).isTrue();
    }

    @Test
    void anythingElseIsInvalid() {
        assertThat(EnterpriseNumbers.isValid("0712345678")).as("next-erps.md's example").isFalse();
        assertThat(EnterpriseNumbers.isValid("2403170701")).as("first digit 0 or 1").isFalse();
        assertThat(EnterpriseNumbers.isValid("403170701")).isFalse();
        assertThat(EnterpriseNumbers.isValid("0403.170.701")).isFalse();
        assertThat(EnterpriseNumbers.isValid(null)).isFalse();
        assertThatThrownBy(() -> EnterpriseNumbers.withCheckDigits(20_000_000)).isInstanceOf(IllegalArgumentException.class);
    }
}

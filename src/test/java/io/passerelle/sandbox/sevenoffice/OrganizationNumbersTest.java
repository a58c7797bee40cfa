package io.passerelle.sandbox.sevenoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrganizationNumbersTest {

    @Test
    void theCheckDigitIsModElevenWithWeightsThreeTwoSevenSixFiveFourThreeTwo() {
        // 9·3 + 2·2 + 4·7 + 5·6 + 6·5 + 3·4 + 1·3 + 8·2 = 150; 150 mod 11 = 7; 11 − 7 = 4
        assertThat(OrganizationNumbers.withCheckDigit(92_456_318L)).isEqualTo("924563184");
        assertThat(OrganizationNumbers.withCheckDigit(91_687_342L)).isEqualTo("916873425");
        assertThat(OrganizationNumbers.isValid("924563184")).isTrue();
        assertThat(OrganizationNumbers.isValid("924563185")).isFalse();
    }

    @Test
    void eightDigitsWhoseCheckWouldBeTenBeginNoNumber() {
        assertThat(OrganizationNumbers.withCheckDigit(91_234_567L)).isNull();
        assertThat(OrganizationNumbers.isValid(SevenOfficeDataset.INVALID_ORGANIZATION_NUMBER)).isFalse();
    }

    @Test
    void onlyNineDigitsStartingWithEightOrNine() {
        assertThat(OrganizationNumbers.isValid("716873425")).isFalse();
        assertThat(OrganizationNumbers.isValid("91687342")).isFalse();
        assertThat(OrganizationNumbers.isValid("916 873 425")).isFalse();
        assertThat(OrganizationNumbers.isValid(null)).isFalse();
        assertThatThrownBy(() -> OrganizationNumbers.withCheckDigit(12_345_678L))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

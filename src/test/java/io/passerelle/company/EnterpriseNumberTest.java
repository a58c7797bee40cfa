package io.passerelle.company;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnterpriseNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"0403.170.701", "BE0403170701", "BE 0403 170 701", "0403170701", "403170701", "be0403.170.701",
            " 0403\u00A0170\u00A0701 ", "BE-0403-170-701", "0403/170/701"})
    void everySpellingIsTheSameTenDigitsAndPassesTheCheck(String spelling) {
        EnterpriseNumber number = EnterpriseNumber.parse(spelling).orElseThrow();

        assertThat(number.key()).isEqualTo("0403170701");
        assertThat(number.valid()).isTrue();
        assertThat(number.raw()).as("kept as given").isEqualTo(spelling);
        assertThat(number.formatted()).isEqualTo("0403.170.701");
        assertThat(number.shown()).isEqualTo("0403170701");
    }

    @Test
    void theCheckIsNinetySevenMinusTheFirstEightModuloNinetySeven() {
        assertThat(EnterpriseNumber.parse("0202.239.951").orElseThrow().valid()).isTrue();
        assertThat(EnterpriseNumber.parse("0417.497.106").orElseThrow().valid()).isTrue();
        // 07123456 mod 97 = 67: the check digits are 30
        assertThat(EnterpriseNumber.parse("0712.345.630").orElseThrow().valid()).isTrue();
        EnterpriseNumber typo = EnterpriseNumber.parse("0712.345.678").orElseThrow();
        assertThat(typo.valid()).isFalse();
        assertThat(typo.key()).as("an invalid number is still the company's key").isEqualTo("0712345678");
        assertThat(typo.fault()).contains("30, not 78");
    }

    @Test
    void aNumberMustStartWithZeroOrOne() {
        // 2 + the digits of a valid number: the check digits alone would pass
        EnterpriseNumber number = EnterpriseNumber.parse("2403170701").orElseThrow();
        assertThat(number.valid()).isFalse();
        assertThat(number.fault()).contains("start with 0 or 1");
        assertThat(EnterpriseNumber.parse("1000002197").orElseThrow().valid()).as("first eight ≡ 0: 97").isTrue();
    }

    @Test
    void textThatHoldsNoTenDigitsIsKeptAndFlaggedNotRefused() {
        for (String text : new String[] {"BE 12 AB", "04031707", "040317070155", "n/a"}) {
            EnterpriseNumber number = EnterpriseNumber.parse(text).orElseThrow();
            assertThat(number.key()).as(text).isNull();
            assertThat(number.valid()).as(text).isFalse();
            assertThat(number.raw()).isEqualTo(text);
            assertThat(number.shown()).isEqualTo(text);
            assertThat(number.fault()).contains("not an enterprise number");
        }
    }

    @Test
    void noTextIsNoNumber() {
        assertThat(EnterpriseNumber.parse(null)).isEmpty();
        assertThat(EnterpriseNumber.parse("  \u00A0")).isEmpty();
    }

    @Test
    void digitsForSearchDropSeparatorsAndTheCountryAndKeepParts() {
        assertThat(EnterpriseNumber.digits("0712.345.678")).isEqualTo("0712345678");
        assertThat(EnterpriseNumber.digits("BE 0712 345")).isEqualTo("0712345");
        assertThat(EnterpriseNumber.digits("712345678")).isEqualTo("712345678");
        assertThat(EnterpriseNumber.digits("Bakkerij")).isNull();
        assertThat(EnterpriseNumber.digits("BE")).isNull();
        assertThat(EnterpriseNumber.digits(null)).isNull();
    }
}

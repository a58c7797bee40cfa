package io.passerelle.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyNormalizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"E-00042", " E-00042", "E-00042 ", "E\u201100042", "\u00A0E-00042\u202F", "E\u201000042", "E\u00AD-00042"})
    void spellingsOfOneEmployeeNumberShareOneKey(String spelling) {
        assertThat(KeyNormalizer.matchKey(spelling)).isEqualTo("E-00042");
    }

    @Test
    void internalRunsOfSpaceFoldToOneAndComposedAccentsEqualDecomposedOnes() {
        assertThat(KeyNormalizer.matchKey("03  -\u00A0100")).isEqualTo("03 - 100");
        assertThat(KeyNormalizer.matchKey("Be\u0301ton")).isEqualTo(KeyNormalizer.matchKey("Béton"));
    }

    @Test
    void anAccentSeparatedFromItsLetterByAnInvisibleComposesWithIt() {
        // found by KeyNormalizerFuzzTest: the key was "e" U+0308, not NFC, so normalising it again changed it
        String key = KeyNormalizer.matchKey("Pre\u00AD\u0308t");
        assertThat(key).isEqualTo("Pr\u00EBt").isEqualTo(KeyNormalizer.matchKey(key));
    }

    @Test
    void looseKeysOfHangulStayComposed() {
        // found by AvantageMappersFuzzTest: 126 times "가ı" gave a loose key of 297 characters for a 252-character key
        assertThat(KeyNormalizer.looseKey("\uAC00\u0131")).isEqualTo("\uAC00\u0131");
        // and a syllable and a final consonant that only punctuation kept apart compose once it is gone
        assertThat(KeyNormalizer.looseKey("\uAC00-\u11A8")).isEqualTo("\uAC01").isEqualTo(KeyNormalizer.looseKey("\uAC01"));
    }

    @Test
    void caseAndInternalSpacesStillDistinguishKeysButLookAlikeForNearMatchReports() {
        assertThat(KeyNormalizer.matchKey("E 00042")).isNotEqualTo(KeyNormalizer.matchKey("E-00042"));
        assertThat(KeyNormalizer.looseKey("E 00042")).isEqualTo(KeyNormalizer.looseKey("e-00042"));
    }

    @Test
    void blankIsNoKey() {
        assertThat(KeyNormalizer.matchKey(" \u00A0 ")).isNull();
        assertThat(KeyNormalizer.matchKey(null)).isNull();
    }

    @Test
    void searchTextFoldsLikeKeysAndCase() {
        assertThat(KeyNormalizer.searchFold(" MARIE\u2011\u00C8ve\u00A0 Tremblay ")).isEqualTo("marie-\u00E8ve tremblay");
        assertThat(KeyNormalizer.searchFold("Be\u0301ton")).isEqualTo(KeyNormalizer.searchFold("B\u00C9TON"));
        assertThat(KeyNormalizer.searchFold("\u00A0")).isNull();
    }

    @Test
    void plainAsciiIsKeptAsIsAndAnythingElseStillFolds() {
        assertThat(KeyNormalizer.matchKey("P-1001 Tour A")).isEqualTo("P-1001 Tour A");
        assertThat(KeyNormalizer.matchKey("P-1001\tTour  A\r\n")).isEqualTo("P-1001 Tour A");
        assertThat(KeyNormalizer.matchKey("")).isNull();
        assertThat(KeyNormalizer.matchKey(" ")).isNull();
    }
}

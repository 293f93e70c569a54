package org.ruralstat.reference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class JurisdictionTests {

    @ParameterizedTest
    @CsvSource({
            "220000, 22",
            "222400, 2224",
            "222402, 222402",
            "222424, 222424",
            "110100, 1101",
            "140000, 14"})
    void prefixCoversTheSubmittersRegions(String submitter, String prefix) {
        assertThat(Jurisdiction.prefix(submitter)).isEqualTo(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"222402", "222400", "220000"})
    void acceptsSixDigitFolderNamesAsSubmitters(String folder) {
        assertThat(Jurisdiction.isSubmitterCode(folder)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"002402", "22240", "2224021", "图们市", "22240a", ""})
    void refusesOtherFolderNames(String folder) {
        assertThat(Jurisdiction.isSubmitterCode(folder)).isFalse();
    }
}

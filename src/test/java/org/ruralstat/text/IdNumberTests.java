package org.ruralstat.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumberTests {

    private static String withCheckCharacter(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    @Test
    void computesTheCheckCharacterOfTheStandardsExample() {
        assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002", "22240119900101123", "22242419851120001", "33010620000229004",
            "14010219790505777", "35020319661231010"})
    void acceptsAnIdWithItsComputedCheckCharacter(String first17) {
        assertThat(IdNumber.check(withCheckCharacter(first17))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002", "22240119900101123", "22242419851120001"})
    void rejectsAnIdWithAWrongCheckCharacter(String first17) {
        char right = IdNumber.checkCharacter(first17);
        char wrong = right == '1' ? '2' : '1';
        assertThat(IdNumber.check(first17 + wrong)).contains(IdNumber.Problem.CHECK_CHARACTER);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "11010519491231002x|11010519491231002X",
            "' 110105 19491231 002X '|11010519491231002X",
            "１１０１０５１９４９１２３１００２Ｘ|11010519491231002X"})
    void normalizesCaseSpacesAndFullWidthDigits(String written, String normalized) {
        assertThat(IdNumber.normalize(written)).isEqualTo(normalized);
        assertThat(IdNumber.check(IdNumber.normalize(written))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002", "1101051949123100211", "110105491231002", "11010519491231002A",
            "1101051949123X0021", "", "11010519491231002x"})
    void rejectsAnIdThatIsNot17DigitsAndACheckCharacter(String id) {
        assertThat(IdNumber.check(id)).contains(IdNumber.Problem.FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"22240119900230123", "22240119901301123", "22240118991231123", "22240120210229123"})
    void rejectsAnImpossibleBirthDate(String first17) {
        assertThat(IdNumber.check(withCheckCharacter(first17))).contains(IdNumber.Problem.BIRTH_DATE);
    }

    @Test
    void rejectsABirthDateInTheFuture() {
        String tomorrow = LocalDate.now().plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(IdNumber.check(withCheckCharacter("222401" + tomorrow + "123"))).contains(IdNumber.Problem.BIRTH_DATE);
    }

    @Test
    void readsTheBirthDate() {
        assertThat(IdNumber.birthDate("11010519491231002X")).contains(LocalDate.of(1949, 12, 31));
        assertThat(IdNumber.birthDate("short")).isEmpty();
    }
}

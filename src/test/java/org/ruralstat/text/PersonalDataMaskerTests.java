package org.ruralstat.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskerTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "张三|张*",
            "张小明|张*明",
            "欧阳小明|欧**明",
            "司马相如君|司***君",
            "' 张 小 明 '|张*明",
            "张|*",
            "𠀀三|𠀀*",
            "''|''"})
    void masksNamesKeepingTheFirstAndLastCharacter(String name, String masked) {
        assertThat(PersonalDataMasker.maskName(name)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "11010519491231002X|110105**********2X",
            "11010519491231002x|110105**********2X",
            "222401199001011235|222401**********35"})
    void masksIdNumbersKeepingOnlyTheFirstSixAndLastTwo(String id, String masked) {
        assertThat(PersonalDataMasker.maskIdNumber(id)).isEqualTo(masked).doesNotContain("1949", "1990");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "13912345678|139****5678",
            "139 1234 5678|139****5678",
            "139-1234-5678|139****5678",
            "１３９１２３４５６７８|139****5678"})
    void masksPhoneNumbersKeepingTheirEnds(String phone, String masked) {
        assertThat(PersonalDataMasker.maskPhone(phone)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "身份证11010519491231002X有误|11010519491231002X",
            "a 11010519491231002x b|11010519491231002x",
            "身份证：222401199001011235。|222401199001011235"})
    void scrubHidesIdNumbersInFreeText(String text, String id) {
        String scrubbed = PersonalDataMasker.scrub(text);
        assertThat(scrubbed).doesNotContain(id).doesNotContain(id.substring(6, 14)).contains(id.substring(0, 6));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "电话13912345678|电话139****5678",
            "手机：13912345678，已核实|手机：139****5678，已核实",
            "代码222402100200和13912345678|代码222402100200和139****5678"})
    void scrubHidesMobileNumbersInFreeText(String text, String scrubbed) {
        assertThat(PersonalDataMasker.scrub(text)).isEqualTo(scrubbed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"村代码222402100200", "乡镇222402100", "县222402", "222402100200", "区划222402100200、222402100201",
            "投资265000元", "2022-06-20", "20220620"})
    void scrubLeavesRegionCodesAndOrdinaryNumbersAlone(String text) {
        assertThat(PersonalDataMasker.scrub(text)).isEqualTo(text);
    }

    @Test
    void scrubHidesAnIdNumberThatExcelTurnedIntoScientificNotation() {
        assertThat(PersonalDataMasker.scrub("身份证号 1.10105E+17")).doesNotContain("10105");
    }

    @Test
    void scrubPassesNullThrough() {
        assertThat(PersonalDataMasker.scrub(null)).isNull();
    }

    /** Numbers typed with a Chinese input method in full-width mode are still personal data. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "电话：１３９１２３４５６７８|13912345678",
            "身份证１１０１０５１９４９１２３１００２Ｘ|19491231"})
    void scrubHidesNumbersWrittenInFullWidthDigits(String text, String secret) {
        String scrubbed = Normalizer.normalize(PersonalDataMasker.scrub(text), Normalizer.Form.NFKC);
        assertThat(scrubbed).doesNotContain(secret);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "张三", "2019", "1234", "12345", "2.22E+17", "2.224E+17", "1.2e15",
            "13912345678", "139 1234 5678", "222401199001011234", "２２２４０１１９９００１０１１２３Ｘ", "１２", "ｘ", "Ｘ光", "a1b2c3d4",
            "电话:139-1234-5678", "身份证 22240119900101123x"})
    void scrubsWithoutPatternsWhatCannotHoldANumber(String text) {
        assertThat(PersonalDataMasker.scrub(text)).isEqualTo(PersonalDataMasker.scrubFully(text));
    }

    @Test
    void scrubHidesNumbersWrittenInGroupsWithTheCountryCodeOrFifteenDigits() {
        java.util.Map<String, String> secrets = java.util.Map.of(
                "联系人张三 +8613912345678", "12345678",
                "电话 +86 139-1234-5678", "1234",
                "电话 139-1234-5678", "1234-5678",
                "电话 139 1234 5678", "1234 5678",
                "老身份证 222402800101012", "800101",
                "身份证 222402 19800101 0125", "19800101",
                "身份证 222402-1980-0101-0125", "1980-0101");
        secrets.forEach((text, secret) -> assertThat(PersonalDataMasker.scrub(text)).as(text).doesNotContain(secret));
        assertThat(PersonalDataMasker.scrub("电话 +86 139-1234-5678")).isEqualTo("电话 +86 139****5678");
        for (String plain : new String[]{"2019-2022年", "座机 0433-1234567", "投资 1 200 000 元", "222402101200"}) {
            assertThat(PersonalDataMasker.scrub(plain)).as(plain).isEqualTo(plain);
        }
    }

    @Test
    void forLogShowsControlAndBidiCharactersAsCodesSoNoLineCanBeForged() {
        assertThat(PersonalDataMasker.forLog("a\n12:00 INFO forged\u001b[31m\u202Efdp.csv"))
                .isEqualTo("a\\u000a12:00 INFO forged\\u001b[31m\\u202efdp.csv")
                .doesNotContain("\n");
        assertThat(PersonalDataMasker.forLog("张三13912345678.csv")).isEqualTo("张三139****5678.csv");
    }
}

package org.ruralstat.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTests {

    static Stream<Arguments> cellTexts() {
        return Stream.of(
                Arguments.of("ＡＢＣ１２３", "ABC123"),
                Arguments.of("１２．５％", "12.5%"),
                Arguments.of("（万元）", "(万元)"),
                Arguments.of("  图们市  ", "图们市"),
                Arguments.of("第一\n书记", "第一书记"),
                Arguments.of("任职\r\n时间", "任职时间"),
                Arguments.of("Line\r\nBreak", "Line Break"),
                Arguments.of("张 三", "张三"),
                Arguments.of("延 边 州", "延边州"),
                Arguments.of("汪清县\u3000\u3000百草沟镇", "汪清县百草沟镇"),
                Arguments.of("图们\u00A0市", "图们市"),
                Arguments.of("\uFEFF地区", "地区"),
                Arguments.of("零\u200B宽", "零宽"),
                Arguments.of("a   b\t\tc", "a b c"),
                Arguments.of("中 a", "中 a"),
                Arguments.of("2022 年", "2022 年"),
                Arguments.of("", ""),
                Arguments.of("   ", ""));
    }

    @ParameterizedTest
    @MethodSource("cellTexts")
    void cleansCellTextAsAPersonReadsIt(String raw, String expected) {
        assertThat(TextNormalizer.clean(raw)).isEqualTo(expected);
    }

    @Test
    void cleansNullToEmptyText() {
        assertThat(TextNormalizer.clean(null)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("cellTexts")
    void cleaningTwiceChangesNothing(String raw, String ignored) {
        String once = TextNormalizer.clean(raw);
        assertThat(TextNormalizer.clean(once)).isEqualTo(once);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "駐村幹部|驻村干部",
            "第一書記|第一书记",
            "工作隊員|工作队员",
            "選派層級|选派层级",
            "任職時間|任职时间",
            "鄉鎮|乡镇",
            "農村居民人均可支配收入|农村居民人均可支配收入",
            "萬元|万元",
            "驻村干部|驻村干部",
            "Team Leader 2022|Team Leader 2022"})
    void convertsTraditionalToSimplifiedCharacters(String traditional, String simplified) {
        assertThat(TextNormalizer.toSimplified(traditional)).isEqualTo(simplified);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "市（州）|市州",
            "市(州)|市州",
            "第一書記|第一书记",
            "县（市、区）|县市区",
            "【乡镇】|乡镇",
            "姓 名|姓名",
            "村　名|村名",
            "  Team Leader |teamleader",
            "ＡＢＣ|abc",
            "投资（万元）|投资万元",
            "《驻村干部》|驻村干部",
            "选派层级：|选派层级"})
    void matchKeysMeetAcrossWritingVariants(String one, String other) {
        assertThat(TextNormalizer.matchKey(one)).isEqualTo(TextNormalizer.matchKey(other));
    }

    @Test
    void matchKeyOfAWrappedHeaderIsItsWords() {
        assertThat(TextNormalizer.matchKey("投资\n（萬元）")).isEqualTo("投资万元");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"县级|市级", "第一书记|工作队员", "12|21"})
    void matchKeysOfDifferentWordsDiffer(String one, String other) {
        assertThat(TextNormalizer.matchKey(one)).isNotEqualTo(TextNormalizer.matchKey(other));
    }

    static Stream<String> textsForFastPaths() {
        return Stream.of("", " ", "a", "A", "abc", "ABC", "a b", "a  b", " a", "a ", "a\tb", "a\u0001", "\u0001a", "140522",
                "140522200201", "2.224021002E11", "1.37万", "张三", "张 三", "张 a", "a 张", "张三 ", " 张三", "张  三", "第一書記",
                "市（州）", "县(市、区)", "投资\n（萬元）", "ＡＢＣ１２３", "Team Leader 2022", "team-leader", "ｘ", "〇", "㐀",
                "沈默", "沈阳", "乾隆", "乾部", "头发", "頭髮", "后来", "後來", "凤城镇", "西关社区居民委员会", "驻村第一书记",
                "2018年3月", "2021.10-2023.10", "32", "-", "—", "/", "n/a", "null", "é", "ß", "İ", "\uFEFF地区", "零\u200B宽",
                "图们\u00A0市", "汪清县\u3000百草沟镇", "😀", "a😀b", "\uD800", "中 a", "2022 年", "G1", "a\u9FFE b");
    }

    @ParameterizedTest
    @MethodSource("textsForFastPaths")
    void fastPathsGiveWhatFullCleaningGives(String raw) {
        assertThat(TextNormalizer.clean(raw)).isEqualTo(TextNormalizer.cleanFully(raw));
        assertThat(TextNormalizer.matchKey(raw)).isEqualTo(TextNormalizer.matchKeyFully(raw));
    }

    @Test
    void fastPathsGiveWhatFullCleaningGivesForEveryRegionName() throws java.io.IOException {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("seeds/regions.csv"))) {
            String name = line.split(",")[1];
            assertThat(TextNormalizer.clean(name)).isEqualTo(TextNormalizer.cleanFully(name));
            assertThat(TextNormalizer.matchKey(name)).isEqualTo(TextNormalizer.matchKeyFully(name));
        }
    }

    @Test
    void recognisesCleanText() {
        assertThat(TextNormalizer.isClean("阳城县教育局 2019")).isTrue();
        assertThat(TextNormalizer.isClean("张 三")).isFalse();
        assertThat(TextNormalizer.isClean("（万元）")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "谢里王村污水管网项目（1）, false",
            "图们市, false",
            "2022, false",
            "'  -- note', false",
            "合计, true",
            "'  (合计)', true",
            "總計, true",
            "Total, true",
            "ＴＯＴＡＬ, true",
            "（小计）, true",
            "sum, true"})
    void tellsFromTheFirstLetterWhetherAKeyMayStartATotal(String text, boolean may) {
        assertThat(TextNormalizer.keyMayStartWith(text, "合小总共全tsg")).isEqualTo(may);
    }

    @Test
    void neverSaysNoToAKeyThatStartsWithOneOfTheCharacters() {
        String starts = "合小总共全tsg";
        String alphabet = "合計计總总小共全村镇项目TtSsGgAa1 (（)）【】\u3000\u00A0\t\n.-,Ｔｓ⼩﹙\u0301\u0001縂";
        java.util.Random random = new java.util.Random(20261203L);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(6);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String key = TextNormalizer.matchKey(text.toString());
            boolean starting = !key.isEmpty() && starts.indexOf(key.charAt(0)) >= 0;
            if (starting) {
                assertThat(TextNormalizer.keyMayStartWith(text.toString(), starts)).as("key %s of %s", key, text).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.22424E17", "2.22424e+17", "2.224021002E11", "1E5", "-1.5E-3", " 2.22424E17 "})
    void detectsScientificNotation(String written) {
        assertThat(TextNormalizer.isScientificNotation(written)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"222402100200", "12.5", "1,234", "abc", "", "1.2E", "E17", "2022年"})
    void doesNotTakePlainTextForScientificNotation(String written) {
        assertThat(TextNormalizer.isScientificNotation(written)).isFalse();
    }
}
